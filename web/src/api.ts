/**
 * Typed calls to the Vivier API. Only the contract's types are imported (erased at build time), so the
 * bundle does not carry zod.
 */
import type {
  GapRecordsResponse,
  GapsResponse,
  RecordSetResponse,
  TrendsResponse,
  UpskillingResponse,
} from '../../src/contract/analytics.schemas.js';
import type { ReadinessResponse } from '../../src/contract/readiness.schemas.js';
import type { MatchesResponse, WeightsBody, WeightsResponse } from '../../src/contract/matching.schemas.js';
import type { ErrorResponse, ProjectResponse, ProjectsResponse } from '../../src/contract/schemas.js';
import type { TeamBody, TeamResponse } from '../../src/contract/team.schemas.js';
import type { Lang } from './i18n';

export type { ProjectResponse } from '../../src/contract/schemas.js';
export type {
  CounterfactualOut,
  ExplanationOut,
  MatchOut,
  MatchesResponse,
  ProfileOut,
  ScorePartsOut,
  WeightsBody,
  WeightsResponse,
} from '../../src/contract/matching.schemas.js';
export type { Industry } from '../../src/core/model.js';
export type {
  GapRecordsResponse,
  GapsResponse,
  RecordSetResponse,
  TrendsResponse,
  UpskillingResponse,
} from '../../src/contract/analytics.schemas.js';
export type { ReadinessResponse } from '../../src/contract/readiness.schemas.js';
export type { TeamOut, TeamResponse } from '../../src/contract/team.schemas.js';
export type ProjectSummary = ProjectsResponse['projects'][number];
export type GapRow = GapsResponse['rows'][number];
export type DomainGap = GapsResponse['domains'][number];
export type Recommendation = GapsResponse['recommendations'][number];
export type TrendSeries = TrendsResponse['domains'][number];
export type TeamRules = NonNullable<TeamBody>;
/** Whose supply the analytics count: employees alone, or employees and freelancers. */
export type SupplySource = 'employee' | 'all';
export type Period = TrendsResponse['period'];
export const PERIODS: readonly Period[] = ['year', 'quarter', 'month'];
export type SourceFilter = 'all' | 'employee' | 'freelance';
export const SOURCE_FILTERS: readonly SourceFilter[] = ['all', 'employee', 'freelance'];

/**
 * The ranking's filters as the page holds them. Only complete ones are sent: an availability window needs
 * both dates, and the API would refuse half of one.
 */
export interface MatchFilterValues {
  source: SourceFilter;
  availableFrom: string;
  availableTo: string;
  minDays: string;
  maxRate: string;
  languages: readonly string[];
  location: string;
  remoteOk: boolean;
  industries: readonly string[];
}

export const NO_FILTERS: MatchFilterValues = {
  source: 'all',
  availableFrom: '',
  availableTo: '',
  minDays: '',
  maxRate: '',
  languages: [],
  location: '',
  remoteOk: false,
  industries: [],
};

/** The query parameters of GET /api/projects/:id/matches for these filters. */
export function filterQuery(f: MatchFilterValues): Record<string, string | undefined> {
  const window = f.availableFrom !== '' && f.availableTo !== '';
  const location = f.location.trim();
  return {
    source: f.source,
    availableFrom: window ? f.availableFrom : undefined,
    availableTo: window ? f.availableTo : undefined,
    minDays: window && f.minDays.trim() !== '' ? f.minDays.trim() : undefined,
    maxRate: f.maxRate.trim() !== '' ? f.maxRate.trim() : undefined,
    languages: f.languages.length ? f.languages.join(',') : undefined,
    location: location !== '' ? location : undefined,
    remoteOk: location !== '' && f.remoteOk ? 'true' : undefined,
    industries: f.industries.length ? f.industries.join(',') : undefined,
  };
}

/** A failed call: `message` is the API's own error message when it sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string';
}

async function requestJson<T>(
  path: string,
  query: Record<string, string | undefined>,
  init: { signal?: AbortSignal; body?: unknown; method?: 'POST' | 'PUT' },
): Promise<T> {
  const defined = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
  const qs = new URLSearchParams(defined).toString();
  const res = await fetch(
    qs ? `${path}?${qs}` : path,
    init.body === undefined
      ? { signal: init.signal, headers: { accept: 'application/json' } }
      : {
          method: init.method ?? 'POST',
          signal: init.signal,
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(init.body),
        },
  );
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorResponse(body)) throw new ApiError(body.error.message, res.status, body.error.code);
    throw new ApiError(`${res.status} ${res.statusText || 'error'} from ${path}`, res.status, 'http_error');
  }
  if (body === null) throw new ApiError(`invalid JSON from ${path}`, res.status, 'invalid_json');
  return body as T;
}

const getJson = <T>(path: string, query: Record<string, string | undefined>, signal?: AbortSignal) =>
  requestJson<T>(path, query, { signal });

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const api = {
  listProjects: (signal?: AbortSignal) => getJson<ProjectsResponse>('/api/projects', {}, signal),

  getProject: (id: string, lang: Lang, signal?: AbortSignal) =>
    getJson<ProjectResponse>(projectPath(id), { lang }, signal),

  getMatches: (
    id: string,
    options: { lang: Lang; filters: MatchFilterValues; top?: number; counterfactuals?: number },
    signal?: AbortSignal,
  ) =>
    getJson<MatchesResponse>(
      `${projectPath(id)}/matches`,
      {
        lang: options.lang,
        top: String(options.top ?? 20),
        counterfactuals: String(options.counterfactuals ?? 3),
        ...filterQuery(options.filters),
      },
      signal,
    ),

  getWeights: (signal?: AbortSignal) =>
    getJson<WeightsResponse>('/api/settings/matching-weights', {}, signal),

  putWeights: (weights: WeightsBody, signal?: AbortSignal) =>
    requestJson<WeightsResponse>(
      '/api/settings/matching-weights',
      {},
      { signal, body: weights, method: 'PUT' },
    ),

  getReadiness: (id: string, options: { lang: Lang; team?: readonly string[] }, signal?: AbortSignal) =>
    getJson<ReadinessResponse>(
      `${projectPath(id)}/readiness`,
      { lang: options.lang, team: options.team?.length ? options.team.join(',') : undefined },
      signal,
    ),

  proposeTeam: (id: string, rules: TeamRules, lang: Lang, signal?: AbortSignal) =>
    requestJson<TeamResponse>(`${projectPath(id)}/team`, { lang }, { signal, body: rules }),

  getGaps: (
    options: { lang: Lang; headlineTop: number; source: SupplySource; top?: number },
    signal?: AbortSignal,
  ) =>
    getJson<GapsResponse>(
      '/api/gaps',
      {
        lang: options.lang,
        headlineTop: String(options.headlineTop),
        source: options.source,
        top: String(options.top ?? 20),
      },
      signal,
    ),

  getGapRecords: (
    skillId: string,
    options: { source: 'employee' | 'freelance' | 'all'; limit?: number },
    signal?: AbortSignal,
  ) =>
    getJson<GapRecordsResponse>(
      `/api/gaps/${encodeURIComponent(skillId)}/records`,
      { source: options.source, limit: String(options.limit ?? 200) },
      signal,
    ),

  getTrends: (options: { lang: Lang; period: Period; current?: string }, signal?: AbortSignal) =>
    getJson<TrendsResponse>(
      '/api/trends',
      { lang: options.lang, period: options.period, current: options.current },
      signal,
    ),

  getTrendRecords: (
    options: { measure: string; period: Period; key: string; limit?: number },
    signal?: AbortSignal,
  ) =>
    getJson<RecordSetResponse>(
      '/api/trends/records',
      {
        measure: options.measure,
        period: options.period,
        key: options.key,
        limit: String(options.limit ?? 1000),
      },
      signal,
    ),

  getUpskilling: (
    skillId: string,
    options: { lang: Lang; source: SupplySource; top?: number },
    signal?: AbortSignal,
  ) =>
    getJson<UpskillingResponse>(
      '/api/upskilling',
      { skill: skillId, lang: options.lang, source: options.source, top: String(options.top ?? 10) },
      signal,
    ),
};
