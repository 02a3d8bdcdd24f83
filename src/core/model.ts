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

export const REMOTE_PREFERENCES = ['onsite', 'hybrid', 'remote'] as const;
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number];

/** Where a skill claim comes from, strongest first. */
export const EVIDENCE_KINDS = ['mission', 'certification', 'cv', 'self'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const OUTCOMES = ['production', 'pilot', 'stopped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'personal', 'sensitive'] as const;
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];

export const BUILD_OR_BUY = ['build', 'buy', 'hybrid'] as const;
export type BuildOrBuy = (typeof BUILD_OR_BUY)[number];

export interface TalentSkill extends HeldSkill {
  years: number | null;
  /** ISO date (YYYY-MM-DD) the skill was last used, if known. */
  lastUsed: string | null;
  /** What backs the evidence: a mission title, a certification name, the CV text span. */
  evidenceDetail: string | null;
}

export interface AvailabilityWindow {
  /** ISO dates, both included. */
  start: string;
  end: string;
  /** Capacity in that window, days per week (0–5). */
  daysPerWeek: number;
}

export interface Mission {
  title: string;
  organization: string | null;
  start: string;
  end: string | null;
  industry: Industry | null;
  businessFunction: BusinessFunction | null;
  skills: string[];
  outcome: Outcome | null;
}

export interface Talent {
  id: string;
  externalId: string | null;
  source: TalentSource;
  name: string;
  /** Contact: shown only where allowed. */
  email: string | null;
  phone: string | null;
  /** Job title as written, and the occupation it was normalised to. */
  headline: string;
  occupationId: string | null;
  location: string;
  remote: RemotePreference;
  /** ISO 639-1 codes. */
  languages: string[];
  /** Day rate for a freelancer, internal daily cost for an employee, in euros. */
  dailyCost: number;
  skills: TalentSkill[];
  industries: Industry[];
  functions: BusinessFunction[];
  availability: AvailabilityWindow[];
  missions: Mission[];
  /** GDPR: when consent was given, and the date after which the profile must be erased. */
  consentAt: string | null;
  retainUntil: string | null;
}

export interface ProjectRole {
  role: string;
  headcount: number;
}

export interface StatusChange {
  status: ProjectStatus;
  /** ISO date. */
  at: string;
}

export interface Project {
  id: string;
  externalId: string | null;
  name: string;
  brief: string;
  industry: Industry;
  businessFunction: BusinessFunction;
  archetype: Archetype;
  status: ProjectStatus;
  /** Dated transitions, oldest first; the last one is the current status. */
  statusHistory: StatusChange[];
  outcome: Outcome | null;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  budget: number | null;
  language: Lang;
  requirements: Requirement[];
  roles: ProjectRole[];
  dataSensitivity: DataSensitivity;
  buildOrBuy: BuildOrBuy;
  /** The measurable business outcome the project commits to, if stated. */
  businessOutcome: string | null;
  /** Named owners: the business process owner, and who answers for security and governance. */
  processOwner: string | null;
  securityOwner: string | null;
  /** Data sources named in the brief or by the team. */
  dataSources: string[];
}
