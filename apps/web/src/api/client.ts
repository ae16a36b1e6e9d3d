import type { TypedDocumentString } from '../gql/graphql';

/** The contract's error codes, plus NETWORK (no answer) and UNKNOWN (an answer we cannot read). */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

const CODES = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

/** A field the API named as wrong, e.g. `{ path: 'evidence', message: 'must be at most 2000 characters' }`. */
export interface FieldProblem {
  path: string;
  message: string;
}

interface WireError {
  message?: string;
  extensions?: { code?: string; details?: FieldProblem[]; reason?: string };
}

/** An error from the API (or from reaching it), with the contract's code and the fields it names. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
    readonly details: FieldProblem[] = [],
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromWire(error: WireError | undefined, status: number): ApiError {
    const code = error?.extensions?.code;
    const known: ApiErrorCode = code && CODES.has(code) ? (code as ApiErrorCode) : status === 429 ? 'RATE_LIMITED' : 'UNKNOWN';
    return new ApiError(error?.message ?? `HTTP ${status}`, known, error?.extensions?.details ?? [], error?.extensions?.reason);
  }
}

/** The operation's name, e.g. `Search` for `query Search(...)`: a stable cache key part. */
export function operationName(document: { toString(): string }): string {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1] ?? 'anonymous';
}

export interface RequestOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string | null;
  /** Sent as Accept-Language (the API words some messages by it). */
  lang?: string;
  signal?: AbortSignal;
  /** Defaults to this origin's /graphql. */
  endpoint?: string;
  fetch?: typeof fetch;
}

/**
 * Runs one operation over GraphQL-over-HTTP (POST, JSON). Resolves with `data`; rejects with an
 * ApiError carrying the first error's code when the API answers with errors or cannot be reached.
 */
export async function gqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.lang) headers['accept-language'] = options.lang;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('The server could not be reached', 'NETWORK');
  }
  let body: { data?: TResult | null; errors?: WireError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw ApiError.fromWire(undefined, response.status);
  }
  if (body.errors?.length) throw ApiError.fromWire(body.errors[0], response.status);
  if (body.data === undefined || body.data === null) throw ApiError.fromWire(undefined, response.status);
  return body.data;
}
