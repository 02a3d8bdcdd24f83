import type { MatchOut } from '../api';

export type PartName = keyof MatchOut['parts'];
/** The score's parts, in the order they are shown and summed. */
export const PART_NAMES: readonly PartName[] = ['coverage', 'levelFit', 'adjacency'];
