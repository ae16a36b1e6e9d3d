import { DomainError } from '@kakehashi/kernel';

/** Stable reasons inside the codes this library raises (clients may branch on them). */
export const AUTH_REASONS = {
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  REFRESH_REUSED: 'REFRESH_REUSED',
  SESSION_ENDED: 'SESSION_ENDED',
  INVITATION_INVALID: 'INVITATION_INVALID',
  ACCOUNT_EXISTS: 'ACCOUNT_EXISTS',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
} as const;

/** One message for every failed sign-in: it must not tell whether the email exists. */
export const badCredentials = (): DomainError =>
  new DomainError('UNAUTHENTICATED', 'Email or password is wrong', [], AUTH_REASONS.BAD_CREDENTIALS);

const WHY_NOT_VALID: Partial<Record<string, string>> = {
  [AUTH_REASONS.TOKEN_EXPIRED]: ' any more (expired)',
  [AUTH_REASONS.SESSION_ENDED]: ' any more (its session has ended: signed out, revoked or disabled)',
};

export const invalidToken = (what: string, reason: string = AUTH_REASONS.TOKEN_INVALID): DomainError =>
  new DomainError('UNAUTHENTICATED', `The ${what} is not valid${WHY_NOT_VALID[reason] ?? ''}`, [], reason);

/**
 * RATE_LIMITED with the seconds to wait. The API answers it the same way wherever it is raised:
 * HTTP 429, a `Retry-After` header and `extensions.retryAfter` (seconds).
 */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
    reason: string,
    details: DomainError['details'] = [],
  ) {
    super('RATE_LIMITED', message, details, reason);
  }
}

/** Reasons of RATE_LIMITED answers outside this library (the per-client request limit). */
export const RATE_LIMITED_REASONS = { REQUEST_RATE: 'REQUEST_RATE', LOGIN_THROTTLED: AUTH_REASONS.LOGIN_THROTTLED } as const;

/** Whole seconds to wait (at least 1) for a wait in milliseconds. */
export const retryAfterSecondsOf = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 1000));

export const loginThrottled = (retryAfterSeconds: number): RateLimitedError =>
  new RateLimitedError(
    retryAfterSeconds,
    `Too many failed password attempts; try again in ${retryAfterSeconds} s`,
    AUTH_REASONS.LOGIN_THROTTLED,
    [{ path: 'password', message: `retry after ${retryAfterSeconds} s` }],
  );
