import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@kakehashi/testing';
import { startTestApi, type TestApi } from './api-harness';

/**
 * What an outside client meets when it abuses the endpoint: every rejection is a 4xx with a
 * GraphQL-shaped, coded error, answered within milliseconds.
 */
let api: TestApi;
beforeAll(async () => {
  buildApp('graphiql'); // the IDE page below is served from its build (a fresh checkout has none)
  api = await startTestApi();
}, 180_000);
afterAll(() => api?.close());

interface Answer {
  status: number;
  ms: number;
  text: string;
  codes: string[];
  reasons: string[];
}

async function send(init: RequestInit & { path?: string }): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${api.url}${init.path ?? '/graphql'}`, init);
  const text = await res.text();
  const ms = performance.now() - started;
  let body: { errors?: { extensions?: { code?: string; reason?: string } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: the assertions on codes will say so */
  }
  return { status: res.status, ms, text, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? '?'), reasons: (body.errors ?? []).map((e) => e.extensions?.reason ?? '') };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Fast enough on a shared 2-core CI machine; the point is "no work was done". */
const QUICK_MS = 500;

describe('abusive requests get clean 4xx answers, fast', () => {
  it('an alias bomb', async () => {
    const a = await post({ query: `{ topics { ${Array.from({ length: 500 }, (_, i) => `a${i}: key`).join(' ')} } }` });
    expect(a.status).toBe(400);
    expect(a.codes).toContain('BAD_USER_INPUT');
    expect(a.text).not.toContain('"data"');
    expect(a.ms).toBeLessThan(QUICK_MS);
  });

  it('sixteen aliased __typename', async () => {
    const a = await post({ query: `{ ${Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ')} }` });
    expect(a.status).toBe(400);
    expect(a.reasons).toEqual(['TOO_MANY_ALIASES']);
  });

  it('a 12-deep query', async () => {
    const a = await post({ query: `{ topics { ${'a { '.repeat(10)}b${' }'.repeat(10)} } }` });
    expect(a.status).toBe(400);
    expect(a.reasons).toContain('QUERY_TOO_DEEP');
    expect(a.ms).toBeLessThan(QUICK_MS);
  });

  it('six directives', async () => {
    const a = await post({ query: `{ topics { ${Array.from({ length: 6 }, () => 'key @include(if: true)').join(' ')} } }` });
    expect(a.status).toBe(400);
    expect(a.reasons).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('more than 1,000 tokens', async () => {
    const a = await post({ query: `{ topics { ${'key '.repeat(1200)} } }` });
    expect(a.status).toBe(400);
    expect(a.codes).toEqual(['BAD_USER_INPUT']);
    expect(a.text).toMatch(/more that 1000 tokens/); // graphql-js wording
    expect(a.ms).toBeLessThan(QUICK_MS);
  });

  it('a 2 MB body', async () => {
    const a = await post({ query: '{ topics { key } }', variables: { pad: 'x'.repeat(2_000_000) } });
    expect(a.status).toBe(413);
    expect(a.codes).toEqual(['BAD_USER_INPUT']);
    expect(a.reasons).toEqual(['BODY_TOO_LARGE']);
    expect(a.ms).toBeLessThan(QUICK_MS * 2);
  });

  it('a body that is not JSON (no HTML, no stack trace)', async () => {
    const a = await post('{"query": "{ topics { key } }"');
    expect(a.status).toBe(400);
    expect(a.reasons).toEqual(['BODY_NOT_JSON']);
    expect(a.text).not.toMatch(/at .*\.js|<html/i);
  });

  it('a NUL character, in variables or as an escape in the document (PostgreSQL text cannot hold it)', async () => {
    const inVariables = await post({ query: 'query($k: String!) { municipality(key: $k) { key } }', variables: { k: 'a\u0000b' } });
    expect(inVariables.status).toBe(400);
    expect(inVariables.reasons).toEqual(['NUL_CHARACTER']);
    const inDocument = await post({ query: '{ municipality(key: "a\\u0000b") { key } }' });
    expect(inDocument.status).toBe(400);
    expect(inDocument.reasons).toEqual(['NUL_CHARACTER']);
  });

  it('a costly page hidden behind a small variable default (priced with the value sent)', async () => {
    const query = `query($n: Int = 1) { municipalities(first: $n) { edges { node { partnerships { members { municipality { needs { key } } } } } } } }`;
    const cheap = await post({ query, variables: { n: 1 } });
    expect(cheap.status).toBe(200);
    const a = await post({ query, variables: { n: 100 } });
    expect(a.status).toBe(400);
    expect(a.codes).toEqual(['BAD_USER_INPUT']);
    expect(a.reasons).toEqual(['QUERY_TOO_COSTLY']);
    expect(a.ms).toBeLessThan(QUICK_MS);
  });

  it('a mutation over GET', async () => {
    const q = encodeURIComponent('mutation { logout(refreshToken: "x") }');
    const withPreflight = await send({ method: 'GET', path: `/graphql?query=${q}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(withPreflight.status).toBe(405);
    expect(withPreflight.codes).toEqual(['BAD_USER_INPUT']);
    const simple = await send({ method: 'GET', path: `/graphql?query=${q}` });
    expect(simple.status).toBe(400); // CSRF prevention: a "simple" request is refused outright
  });

  it('a text/plain POST (CSRF prevention)', async () => {
    const a = await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { logout(refreshToken: "x") }' }) });
    expect(a.status).toBe(400);
    expect(a.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('a batched array', async () => {
    const a = await post([{ query: '{ topics { key } }' }, { query: '{ topics { key } }' }]);
    expect(a.status).toBe(400);
    expect(a.codes).toEqual(['BAD_USER_INPUT']);
    expect(a.text).toMatch(/batch/i);
  });

  it('a browser outside production gets the IDE landing page (production has none: see production spec)', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<html/i);
  });

  it('a field suggestion outside production still says "Did you mean" (production hides it: see production spec)', async () => {
    const a = await post({ query: '{ topic { key } }' });
    expect(a.text).toContain('Did you mean');
  });
});

describe('per-client rate limit', () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => limited?.close());

  it('answers the 6th request in a burst with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      // A forged X-Forwarded-For changes nothing while no proxy is trusted (TRUST_PROXY=0).
      last = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` }, body: '{"query":"{ topics { key } }"}' });
      statuses.push(last.status);
      if (i < 5) await last.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const seconds = Number(last!.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    // The one convention of every limit (sign-in throttles too: lockout.e2e-spec.ts).
    expect(await last!.json()).toEqual({ errors: [{ message: expect.stringMatching(/Too many requests/), extensions: { code: 'RATE_LIMITED', reason: 'REQUEST_RATE', retryAfter: seconds } }] });
    expect((await fetch(`${limited.url}/health`)).status).toBe(200); // health checks are not GraphQL traffic
  });
});

describe('per-client rate limit behind a trusted proxy', () => {
  let proxied: TestApi;
  beforeAll(async () => {
    proxied = await startTestApi({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => proxied?.close());

  it('keys on the client address the proxy reports', async () => {
    const from = (ip: string) =>
      fetch(`${proxied.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: '{"query":"{ topics { key } }"}' }).then(async (r) => {
        await r.text();
        return r.status;
      });
    expect([await from('198.51.100.1'), await from('198.51.100.1'), await from('198.51.100.1')]).toEqual([200, 200, 429]);
    expect(await from('198.51.100.2')).toBe(200);
  });
});
