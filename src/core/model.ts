import type { HeldSkill, Requirement, TalentSource } from './matching/types.js';
import type { Lang } from './taxonomy/types.js';

export const INDUSTRIES = [
  'banking',
  'insurance',
  'retail',
  'manufacturing',
  'energy',
  'healthcare',
  'public-sector',
  'telecom',
  'transport',
  'media',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const FUNCTIONS = [
  'customer-service',
  'finance',
  'hr',
  'marketing',
  'sales',
  'operations',
  'supply-chain',
  'legal',
  'it',
  'r-and-d',
] as const;
export type BusinessFunction = (typeof FUNCTIONS)[number];

export const ARCHETYPES = [
  'assistant-rag',
  'document-processing',
  'prediction',
  'agents',
  'low-code-workflow',
  'security-compliance',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const PROJECT_STATUSES = ['idea', 'scoping', 'staffing', 'pilot', 'production', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Talent {
  id: string;
  externalId: string | null;
  source: TalentSource;
  name: string;
  headline: string;
  location: string;
  /** Day rate for a freelancer, internal daily cost for an employee, in euros. */
  dailyCost: number;
  skills: HeldSkill[];
}

export interface Project {
  id: string;
  name: string;
  brief: string;
  industry: Industry;
  businessFunction: BusinessFunction;
  archetype: Archetype;
  status: ProjectStatus;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  budget: number | null;
  language: Lang;
  requirements: Requirement[];
}
