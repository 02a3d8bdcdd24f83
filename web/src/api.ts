/**
 * Typed calls to the Vivier API. Only the contract's types are imported (erased at build time), so the
 * bundle does not carry zod.
 */
import type {
  ErrorResponse,
  MatchesResponse,
  ProjectResponse,
  ProjectsResponse,
} from '../../src/contract/schemas.js';
import type { Lang } from './i18n';

export type {
  ExplanationOut,
  MatchOut,
  MatchesResponse,
  ProjectResponse,
} from '../../src/contract/schemas.js';
export type ProjectSummary = ProjectsResponse['projects'][number];
export type SourceFilter = 'all' | 'employee' | 'freelance';
export const SOURCE_FILTERS: readonly SourceFilter[] = ['all', 'employee', 'freelance'];

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

async function getJson<T>(path: string, query: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(qs ? `${path}?${qs}` : path, { signal, headers: { accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorResponse(body)) throw new ApiError(body.error.message, res.status, body.error.code);
    throw new ApiError(`${res.status} ${res.statusText || 'error'} from ${path}`, res.status, 'http_error');
  }
  if (body === null) throw new ApiError(`invalid JSON from ${path}`, res.status, 'invalid_json');
  return body as T;
}

const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const api = {
  listProjects: (signal?: AbortSignal) => getJson<ProjectsResponse>('/api/projects', {}, signal),

  getProject: (id: string, lang: Lang, signal?: AbortSignal) =>
    getJson<ProjectResponse>(projectPath(id), { lang }, signal),

  getMatches: (
    id: string,
    options: { lang: Lang; source: SourceFilter; top?: number },
    signal?: AbortSignal,
  ) =>
    getJson<MatchesResponse>(
      `${projectPath(id)}/matches`,
      { lang: options.lang, top: String(options.top ?? 20), source: options.source },
      signal,
    ),
};
