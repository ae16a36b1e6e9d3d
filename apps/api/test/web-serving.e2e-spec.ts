import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** A stand-in for `dist/web`: an app with one hashed asset, and the IDE's page. */
async function fakeBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kakehashi-web-'));
  await mkdir(join(dir, 'app/assets'), { recursive: true });
  await mkdir(join(dir, 'graphiql/assets'), { recursive: true });
  await writeFile(join(dir, 'app/index.html'), '<!doctype html><title>APP</title><div id="root"></div>');
  await writeFile(join(dir, 'app/assets/index-abc123.js'), 'console.log(1)');
  await writeFile(join(dir, 'app/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir, 'graphiql/index.html'), '<!doctype html><title>IDE</title><div id="graphiql"></div>');
  await writeFile(join(dir, 'graphiql/assets/ide-xyz.js'), 'console.log(2)');
  return dir;
}

/** The headers every response carries (helmet), whatever answered it. */
function expectSecurityHeaders(res: Response, csp = /script-src 'self'(;|$)/) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  const policy = res.headers.get('content-security-policy') ?? '';
  expect(policy).toMatch(/default-src 'self'/);
  expect(policy).toMatch(csp);
  expect(policy).toMatch(/frame-ancestors 'none'/);
  expect(policy).toMatch(/object-src 'none'/);
  expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  expect(res.headers.get('x-powered-by')).toBeNull();
}

let dist: string;
let api: TestApi;
let prod: TestApi;
beforeAll(async () => {
  dist = await fakeBuild();
  [api, prod] = await Promise.all([startTestApi({ WEB_DIST: dist }), startTestApi({ WEB_DIST: dist, NODE_ENV: 'production', JWT_SECRET: 'production-test-secret-0123456789abcdef' })]);
});
afterAll(async () => {
  await Promise.all([api?.close(), prod?.close()]);
  await rm(dist, { recursive: true, force: true });
});

describe('the web app at /', () => {
  it('serves index.html for / and for client routes, never cached', async () => {
    for (const path of ['/', '/needs/makassar-leakage', '/municipalities/kawasaki?x=1', '/directory']) {
      const res = await fetch(`${api.url}${path}`, { headers: HTML });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>APP</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expectSecurityHeaders(res);
    }
  });

  it('serves hashed assets as immutable and other files revalidated', async () => {
    const asset = await fetch(`${api.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(asset);
    const icon = await fetch(`${api.url}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404, not the app', async () => {
    const res = await fetch(`${api.url}/assets/missing-000.js`, { headers: HTML });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('APP');
  });

  it('never shadows /graphql or /health', async () => {
    const health = await fetch(`${api.url}/health`, { headers: HTML });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { ...HTML, 'apollo-require-preflight': '1' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await api.gql('{ __typename }');
    expect(post.data).toEqual({ __typename: 'Query' });
  });

  it('puts the security headers on GraphQL answers and refusals too', async () => {
    const ok = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expectSecurityHeaders(ok);
    const bad = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad);
    expectSecurityHeaders(await fetch(`${api.url}/health`));
  });
});

describe('the GraphQL IDE at /graphql', () => {
  it('is the bundled page for a browser outside production, its assets from this server', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: HTML });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>IDE</title>');
    // Monaco needs inline styles and data: fonts on this page only; scripts stay 'self'.
    expectSecurityHeaders(res, /style-src 'self' 'unsafe-inline'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const asset = await fetch(`${api.url}/graphiql/assets/ide-xyz.js`);
    expect(asset.status).toBe(200);
  });

  it('is off in production: no page, no assets, the app still served', async () => {
    const res = await fetch(`${prod.url}/graphql`, { headers: HTML });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/<title>IDE|<html|graphiql/i);
    expect((await fetch(`${prod.url}/graphiql/assets/ide-xyz.js`)).status).toBe(404);
    const app = await fetch(`${prod.url}/needs/x`, { headers: HTML });
    expect(await app.text()).toContain('<title>APP</title>');
    expectSecurityHeaders(app);
  });
});

describe('without a build', () => {
  it('says how to build instead of failing obscurely', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'kakehashi-noweb-'));
    const bare = await startTestApi({ WEB_DIST: empty });
    try {
      const res = await fetch(`${bare.url}/`, { headers: HTML });
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/not built.*npm start/s);
      expectSecurityHeaders(res);
      expect((await fetch(`${bare.url}/graphql`, { headers: HTML })).status).toBe(503);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
