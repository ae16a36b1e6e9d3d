/**
 * The error codes a client may see (CONTRACT.md). Every domain error carries one; the API maps it
 * to GraphQL `extensions.code` and the CLI prints it.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one piece of input: `path` names the field (a JSON path or argument name). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * An expected failure with a code a client can act on. Anything that is not a DomainError is an
 * internal error and is masked before it reaches a client.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    /** A finer, stable reason inside the code, e.g. `INVALID_TRANSITION`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details: readonly ErrorDetail[] = [], reason?: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, details, reason);

export const notFound = (what: string, key: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} "${key}" was not found`, [{ path: 'key', message: `no ${what} with key "${key}"` }]);

export const conflict = (message: string, reason?: string): DomainError =>
  new DomainError('CONFLICT', message, [], reason);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
