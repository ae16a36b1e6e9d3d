import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { RATE_LIMITED_REASONS, retryAfterSecondsOf, type LimiterStore } from '@kakehashi/auth';
import type { ErrorCode } from '@kakehashi/kernel';
import { clientIpOf } from './client-ip';

/** A GraphQL-shaped error body, so clients parse every rejection the same way. */
function sendError(res: Response, status: number, code: ErrorCode, message: string, reason?: string, extra: Record<string, unknown> = {}): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, ...(reason ? { reason } : {}), ...extra } }] }));
}

/**
 * Per-client (IP) request limit on /graphql, before the body is even read: `perMinute` requests
 * per client per minute (fixed one-minute windows, in memory or Redis: LimiterStore). Over it:
 * the one answer every limit gives — HTTP 429, `Retry-After`, RATE_LIMITED with `retryAfter`.
 */
export function rateLimitMiddleware(store: LimiterStore, perMinute: number): (req: Request, res: Response, next: NextFunction) => void {
  const limiter = store.create({ name: 'requests', points: perMinute, durationS: 60 });
  return (req, res, next) => {
    limiter.hit(clientIpOf(req)).then((wait) => {
      if (wait === 0) return next();
      const seconds = retryAfterSecondsOf(wait);
      res.setHeader('retry-after', String(seconds));
      sendError(res, 429, 'RATE_LIMITED', `Too many requests from this client; retry in ${seconds} s`, RATE_LIMITED_REASONS.REQUEST_RATE, { retryAfter: seconds });
    }, next);
  };
}

/**
 * Errors raised by the body parser, before Nest or Apollo see the request (too large, not JSON,
 * unsupported charset): answered as clean 4xx GraphQL errors instead of Express's HTML page,
 * which outside production would even include a stack trace.
 */
export function bodyErrorHandler(maxBody: string): (err: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (err, _req, res, next) => {
    const e = err as { status?: number; type?: string };
    if (res.headersSent || typeof e?.status !== 'number' || e.status < 400 || e.status >= 500) return next(err);
    if (e.type === 'entity.too.large') return sendError(res, 413, 'BAD_USER_INPUT', `The request body is larger than ${maxBody}`, 'BODY_TOO_LARGE');
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON', 'BODY_NOT_JSON');
    sendError(res, e.status, 'BAD_USER_INPUT', 'The request body cannot be read', 'BODY_UNREADABLE');
  };
}

/** True when `value` (any JSON) holds a string with U+0000 anywhere. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => holdsNul(v, depth + 1));
}

/**
 * True when a string literal of the GraphQL document decodes to text holding U+0000, however it
 * is spelled: `\u0000`, the braced `\u{0}` / `\u{000000}`. graphql-js's own lexer decodes the
 * escapes, so no spelling is missed and a `\\u0000` (an escaped backslash) is not mistaken for one.
 * A document the lexer cannot read is left to Apollo, which answers it as a syntax error.
 */
export function documentHoldsNul(query: string): boolean {
  if (!/\\u/i.test(query)) return false;
  const lexer = new Lexer(new Source(query));
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if ((token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) && token.value.includes('\u0000')) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * PostgreSQL text cannot hold U+0000: such input would fail deep in a query as an internal
 * error. Refused at the edge for every operation, in variables, in the document (raw or as an
 * escape inside a GraphQL string, any spelling) and in GET parameters.
 */
export function rejectNulCharacters(req: Request, res: Response, next: NextFunction): void {
  const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.['query'];
  const escaped = typeof query === 'string' && documentHoldsNul(query);
  if (escaped || holdsNul(req.body) || holdsNul(req.query)) {
    return sendError(res, 400, 'BAD_USER_INPUT', 'Text may not contain the NUL character (U+0000)', 'NUL_CHARACTER');
  }
  next();
}
