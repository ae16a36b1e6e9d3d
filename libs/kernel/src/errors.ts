/**
 * The error codes a client may see (the API contract; README lists them). Every domain error carries one; the API maps it
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
  /** A stable reason for this field's problem, e.g. `BIDI_CONTROL`, `TOO_LARGE`. */
  reason?: string;
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

/** One field's problem as the record rules report it (`RuleProblem`): path segments from the input. */
export interface FieldProblem {
  path: readonly (string | number)[];
  message: string;
  reason?: string;
}

/**
 * BAD_USER_INPUT listing every field's problem at once: details name each field under `root`
 * (`input.members.1.role`), and the message reads "Invalid input: level must be at most 5; …".
 */
export function invalidFields(problems: readonly FieldProblem[], root?: string): DomainError {
  const relative = (p: FieldProblem) => p.path.join('.');
  const details = problems.map((p) => ({ path: [root, ...p.path].filter((s) => s !== undefined && s !== '').join('.') || (root ?? ''), message: p.message, ...(p.reason ? { reason: p.reason } : {}) }));
  return badInput(`Invalid input: ${problems.map((p) => [relative(p), p.message].filter(Boolean).join(' ')).join('; ')}`, details);
}
