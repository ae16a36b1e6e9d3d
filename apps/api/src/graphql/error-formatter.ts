import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { RateLimitedError } from '@kakehashi/auth';
import { isDomainError, type ErrorCode } from '@kakehashi/kernel';

/** Apollo's own codes for requests that never reached a resolver: all the client's fault. */
const CLIENT_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
};

/**
 * Duck-typed: Apollo (ESM) and this app (CJS) load two copies of graphql-js, so `instanceof
 * GraphQLError` is false for errors Apollo makes.
 */
function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof Error && 'originalError' in e && 'extensions' in e && 'locations' in e;
}

function originalOf(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

/** The code a client sees for `error`; INTERNAL_SERVER_ERROR for anything unexpected. */
export function clientCodeOf(formatted: Pick<GraphQLFormattedError, 'extensions'>, error: unknown): ErrorCode {
  const original = originalOf(error);
  if (isDomainError(original)) return original.code;
  const apolloCode = formatted.extensions?.['code'];
  const thrownByCode = original instanceof Error && !isGraphQLError(original);
  if (typeof apolloCode === 'string' && CLIENT_CODES[apolloCode] && !thrownByCode) return CLIENT_CODES[apolloCode];
  // A GraphQLError raised by graphql-js itself (validation, variable coercion) has no original error.
  if (isGraphQLError(original) && !original.originalError) return 'BAD_USER_INPUT';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * The one exhaustive mapping from errors to what a client sees. Domain errors keep their message,
 * code and field details; GraphQL request errors become BAD_USER_INPUT; everything else is masked
 * as INTERNAL_SERVER_ERROR (no SQL, stack or path). Logging happens in the error-log plugin, which
 * knows the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const code = clientCodeOf(formatted, error);
  if (isDomainError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.details.length ? { details: original.details } : {}),
        ...(original instanceof RateLimitedError ? { retryAfter: original.retryAfterSeconds } : {}),
      },
    };
  }
  if (code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code } };
}
