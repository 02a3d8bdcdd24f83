/**
 * The one error the domain and services throw. Edges map `code` to an HTTP status (http/errors.ts)
 * or a process exit code (cli/exit-codes.ts); the set of codes is closed on purpose.
 */
export type DomainErrorCode =
  'not_found' | 'invalid_input' | 'too_large' | 'conflict' | 'unsupported' | 'unavailable';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The field, line or file the error is about, when there is one. */
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
