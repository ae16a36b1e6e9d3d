import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createEmptyDatabase, startServerProcess, type ServerProcess } from '@kakehashi/testing';

/*
 * U+0000 cannot be stored in PostgreSQL text. However a client spells it inside a GraphQL string,
 * the built server refuses it at the edge as BAD_USER_INPUT (NUL_CHARACTER) and logs nothing at
 * error level: it never reaches a resolver, let alone the database.
 */

let server: ServerProcess;
let drop: () => Promise<void>;
beforeAll(async () => {
  buildApp('api');
  const db = await createEmptyDatabase();
  drop = db.drop;
  server = await startServerProcess({ DATABASE_URL: db.url, LOG_LEVEL: 'info' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

async function post(query: string): Promise<{ status: number; codes: string[]; reasons: string[] }> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string; reason?: string } }[] };
  return { status: res.status, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? '?'), reasons: (body.errors ?? []).map((e) => e.extensions?.reason ?? '') };
}

/** Error-level (50) or worse pino lines the server wrote. */
const errorLines = (): string[] => server.output().split('\n').filter((l) => /"level":(5|6)\d/.test(l));

describe('NUL inside a GraphQL string literal', () => {
  it.each([
    ['the braced escape \\u{0}', '{ search(text: "a\\u{0}b") { __typename } }'],
    ['a long braced escape \\u{000000}', '{ search(text: "a\\u{000000}b") { __typename } }'],
    ['the classic escape \\u0000', '{ search(text: "a\\u0000b") { __typename } }'],
    ['an escape in a mutation argument', 'mutation { login(input: { email: "x\\u{0}@example.org", password: "p" }) { accessToken } }'],
  ])('%s: 400 BAD_USER_INPUT (NUL_CHARACTER), nothing logged at error level', async (_name, query) => {
    const answer = await post(query);
    expect(answer).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], reasons: ['NUL_CHARACTER'] });
    expect(errorLines()).toEqual([]);
  });

  it('an escaped backslash followed by u0000 is ordinary text, not a NUL', async () => {
    const answer = await post('{ search(text: "a\\\\u0000b") { __typename } }');
    expect(answer.status).toBe(200);
    expect(answer.codes).toEqual([]);
  });
});
