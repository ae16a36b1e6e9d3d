import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES } from '@kakehashi/kernel';
import { formatError } from './error-formatter';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });
const formatted = (e: GraphQLError) => ({ message: e.message, path: e.path, extensions: e.extensions });

describe('formatError', () => {
  it('keeps a domain error’s code, message, reason and details', () => {
    const e = wrap(new DomainError('CONFLICT', 'stale', [{ path: 'version', message: 'old' }], 'STALE_VERSION'));
    expect(formatError(formatted(e), e)).toEqual({
      message: 'stale',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', details: [{ path: 'version', message: 'old' }] },
    });
  });

  it('masks anything else: no SQL, no stack, no internal message', () => {
    const e = wrap(Object.assign(new Error('duplicate key value violates unique constraint "municipality_key_uq"'), { stack: 'at /work/secret.ts:1' }));
    const out = formatError({ ...formatted(e), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, e);
    expect(out).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toMatch(/municipality|stack|secret/);
  });

  it('does not trust a thrown error that merely claims a client code', () => {
    const e = wrap(new Error('connection refused 10.0.0.3'));
    expect(formatError({ message: e.message, extensions: { code: 'BAD_USER_INPUT' } }, e).extensions!['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('maps graphql-js request errors to BAD_USER_INPUT', () => {
    const e = new GraphQLError('Cannot query field "nope" on type "Topic".');
    expect(formatError({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, e).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('only ever emits contract codes', () => {
    for (const e of [wrap(new Error('x')), new GraphQLError('y'), wrap(new DomainError('RATE_LIMITED', 'slow down'))]) {
      expect(ERROR_CODES).toContain(formatError(formatted(e), e).extensions!['code']);
    }
  });
});
