import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimitedError } from '@kakehashi/auth';
import type { GqlContext } from './request-context';

/** The RateLimitedError behind a GraphQL error (duck-typed chain: two copies of graphql-js). */
export function rateLimitedOf(error: unknown): RateLimitedError | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof RateLimitedError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * One convention for every limit: a response carrying a RATE_LIMITED error (a throttled password
 * check, for instance) is HTTP 429 with `Retry-After`, exactly like the per-client request limit
 * (http-protection.ts); `extensions.retryAfter` is added by the error formatter.
 */
export function rateLimitedPlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          const waits = (errors ?? []).map((e) => rateLimitedOf(e)?.retryAfterSeconds ?? 0);
          const seconds = Math.max(0, ...waits);
          if (seconds === 0) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
