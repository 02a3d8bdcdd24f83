import type { DomainErrorCode } from '../core/errors.js';

/** Exit codes scripts can rely on; documented in the README. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalid_input: 3,
  not_found: 4,
  too_large: 5,
  conflict: 6,
  unsupported: 7,
  unavailable: 8,
} as const;

export function exitCodeFor(code: DomainErrorCode): number {
  return EXIT[code];
}
