import type { ScorePartsOut } from '../api';

export type PartName = keyof ScorePartsOut;

/** The score's parts, in the order they are shown and summed (the API's order). */
export const PART_NAMES = [
  'coverage',
  'levelFit',
  'adjacency',
  'vertical',
  'trackRecord',
  'availability',
  'budget',
  'breadth',
] as const satisfies readonly PartName[];

// A part added to the contract but not here is a type error, not a silently missing bar segment.
type Unlisted = Exclude<PartName, (typeof PART_NAMES)[number]>;
const _everyPartListed: [Unlisted] extends [never] ? true : never = true;
void _everyPartListed;

/** Computed per required skill (the explanation's table). */
export const SKILL_PARTS = ['coverage', 'levelFit', 'adjacency'] as const satisfies readonly PartName[];
/** Computed from the profile (the profile explanation). */
export const PROFILE_PARTS = [
  'vertical',
  'trackRecord',
  'availability',
  'budget',
  'breadth',
] as const satisfies readonly PartName[];
