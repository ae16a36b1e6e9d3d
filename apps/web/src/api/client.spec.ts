import { describe, expect, it, vi } from 'vitest';
import { canActFor, type Account } from '../auth/session';
import { HomeNumbersDocument, SearchDocument } from '../gql/graphql';
import { ApiError, gqlRequest, operationName } from './client';

const reply = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('gqlRequest', () => {
  it('posts the document and variables as JSON with the token and language, and returns data', async () => {
    const fetch = reply(200, { data: { search: [] } });
    const data = await gqlRequest(SearchDocument, { text: '漏水', first: 5 }, { token: 'T', lang: 'ja', fetch });
    expect(data).toEqual({ search: [] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ authorization: 'Bearer T', 'accept-language': 'ja', 'content-type': 'application/json' });
    const body = JSON.parse(String(init.body));
    expect(body.variables).toEqual({ text: '漏水', first: 5 });
    expect(body.query).toMatch(/^\s*query Search\(/);
  });

  it('rejects with the first error’s contract code and the fields it names', async () => {
    const fetch = reply(400, { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', details: [{ path: 'text', message: 'too long' }] } }] });
    const error = await gqlRequest(SearchDocument, { text: 'x' }, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'text', message: 'too long' }] });
  });

  it('names an unreachable server NETWORK and an unreadable 429 RATE_LIMITED', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(gqlRequest(HomeNumbersDocument, {}, { fetch: down })).rejects.toMatchObject({ code: 'NETWORK' });
    const limited = vi.fn(async () => new Response('slow down', { status: 429 }));
    await expect(gqlRequest(HomeNumbersDocument, {}, { fetch: limited })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keys the cache by operation name', () => {
    expect(operationName(SearchDocument)).toBe('Search');
    expect(operationName(HomeNumbersDocument)).toBe('HomeNumbers');
  });
});

describe('canActFor', () => {
  const editor: Account = { id: '1', email: 'e@x', role: 'EDITOR', municipalityKeys: ['makassar'] };
  it('lets editors act for their municipalities and coordinators for all', () => {
    expect(canActFor(editor, 'makassar')).toBe(true);
    expect(canActFor(editor, 'kawasaki')).toBe(false);
    expect(canActFor({ ...editor, role: 'COORDINATOR', municipalityKeys: [] }, 'kawasaki')).toBe(true);
    expect(canActFor(null, 'makassar')).toBe(false);
  });
});
