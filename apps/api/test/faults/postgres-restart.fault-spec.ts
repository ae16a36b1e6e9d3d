import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../src/bootstrap';
import { waitFor } from '@kakehashi/testing';
import { startRestartablePostgres, type RestartablePostgres } from './fault-harness';

const ADMIN_TOKEN = 'fault-admin-token-0123456789';
let pg: RestartablePostgres;
let app: NestExpressApplication;
let url: string;

beforeAll(async () => {
  pg = await startRestartablePostgres();
  app = await createApiApp({
    overrides: { DATABASE_URL: pg.url, SAMPLE_DATA: 'off', ADMIN_TOKEN, LOG_LEVEL: 'silent', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '1000000', DB_POOL_SIZE: '10' },
  });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  await c.query(`INSERT INTO municipality (key, name, kind, country) VALUES ('kawasaki', 'Kawasaki City', 'LOCAL_GOVERNMENT', 'JP')`);
  await c.end();
});
afterAll(async () => {
  await app?.close();
  await pg?.destroy();
});

interface Attempt {
  email: string;
  at: number;
  ms: number;
  ok: boolean;
  code?: string;
}

/** One write: an invitation, acknowledged when the response carries it back. */
async function write(email: string): Promise<Attempt> {
  const at = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: `mutation($e: String!) { inviteEditor(input: { email: $e, municipalityKey: "kawasaki" }) { email } }`, variables: { e: email } }),
    });
    const body = (await res.json()) as { data?: { inviteEditor?: { email: string } } | null; errors?: { extensions?: { code?: string } }[] };
    const ok = body.data?.inviteEditor?.email === email;
    return { email, at, ms: performance.now() - at, ok, code: body.errors?.[0]?.extensions?.code };
  } catch (e) {
    return { email, at, ms: performance.now() - at, ok: false, code: `network: ${(e as Error).message}` };
  }
}

describe('PostgreSQL restarts under write load', () => {
  it('keeps serving, recovers within seconds and loses no acknowledged write', async () => {
    const attempts: Attempt[] = [];
    let running = true;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; running; i++) attempts.push(await write(`w${w}-${i}@example.org`));
    });
    const okSince = (t: number) => attempts.filter((a) => a.ok && a.at >= t).length;
    // Writes flow before the crash, fail while the server is down, flow again after it is back.
    await waitFor('30 acknowledged writes before the crash', () => okSince(0) >= 30);
    const crashAt = performance.now();
    await pg.crash();
    const healthDown = await fetch(`${url}/health`);
    await waitFor('writes failing during the outage', () => attempts.filter((a) => !a.ok && a.at >= crashAt).length >= 6);
    const startAt = performance.now();
    await pg.start();
    const upAt = performance.now();
    await waitFor('30 acknowledged writes after the restart', () => okSince(upAt) >= 30);
    running = false;
    await Promise.all(writers);
    const healthUp = await fetch(`${url}/health`);

    const firstOkAfter = attempts.filter((a) => a.ok && a.at >= upAt).sort((a, b) => a.at - b.at)[0];
    const acknowledged = new Set(attempts.filter((a) => a.ok).map((a) => a.email));
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    const stored = new Set(((await c.query('SELECT email FROM invitation')).rows as { email: string }[]).map((r) => r.email));
    await c.end();
    const lost = [...acknowledged].filter((e) => !stored.has(e));
    const failed = attempts.filter((a) => !a.ok);
    const report = {
      writesAttempted: attempts.length,
      acknowledged: acknowledged.size,
      stored: stored.size,
      acknowledgedButLost: lost.length,
      storedButNotAcknowledged: [...stored].filter((e) => !acknowledged.has(e)).length,
      failedDuringOutage: failed.length,
      failureCodes: [...new Set(failed.map((f) => f.code))],
      slowestFailureMs: Math.round(Math.max(0, ...failed.map((f) => f.ms))),
      outageMs: Math.round(upAt - crashAt),
      postgresStartMs: Math.round(upAt - startAt),
      recoveryAfterPostgresUpMs: firstOkAfter ? Math.round(firstOkAfter.at + firstOkAfter.ms - upAt) : null,
    };
    console.log('postgres restart fault:', JSON.stringify(report));

    expect(healthDown.status).toBe(503);
    expect(healthUp.status).toBe(200);
    expect(lost).toEqual([]);
    expect(firstOkAfter).toBeDefined();
    expect(report.recoveryAfterPostgresUpMs!).toBeLessThan(5000);
    expect(acknowledged.size).toBeGreaterThan(20);
    // The outage answers with masked, coded errors, and fast (no request hangs on a dead server).
    expect(report.failureCodes.every((c) => c === 'INTERNAL_SERVER_ERROR')).toBe(true);
    expect(report.slowestFailureMs).toBeLessThan(6000);
  });
});
