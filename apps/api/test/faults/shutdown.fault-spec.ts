import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createEmptyDatabase, startServerProcess, waitFor, type ServerProcess } from '@kakehashi/testing';

const ADMIN_TOKEN = 'fault-admin-token-0123456789';
const dbs: { drop(): Promise<void> }[] = [];
const servers: ServerProcess[] = [];

beforeAll(() => buildApp('api'), 180_000);
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const db of dbs) await db.drop();
});

async function server(): Promise<{ s: ServerProcess; databaseUrl: string }> {
  const db = await createEmptyDatabase();
  dbs.push(db);
  const s = await startServerProcess({ DATABASE_URL: db.url, ADMIN_TOKEN, TRUST_PROXY: '1' }); // a proxy's x-request-id is honoured
  servers.push(s);
  return { s, databaseUrl: db.url };
}

const invite = (url: string, email: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query: `mutation { inviteEditor(input: { email: "${email}", municipalityKey: "kawasaki" }) { email } }` }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: { inviteEditor?: { email: string } } } }));

describe('the server process', () => {
  it('on SIGTERM stops accepting, lets in-flight requests finish, then exits', async () => {
    const { s, databaseUrl } = await server();
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO municipality (key, name, kind, country) VALUES ('kawasaki', 'Kawasaki City', 'LOCAL_GOVERNMENT', 'JP')`);
    // Hold the invitation table: the five writes below get in and wait inside their transactions.
    const blocker = new Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE invitation IN EXCLUSIVE MODE');
    const inFlight = [1, 2, 3, 4, 5].map((i) => invite(s.url, `inflight${i}@example.org`));
    await waitFor('five writes waiting on the lock', async () => {
      const [{ waiting }] = (await db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'kakehashi'`)).rows;
      return waiting >= 5;
    });
    const signalledAt = performance.now();
    s.child.kill('SIGTERM');
    // New connections are refused while the five requests are still held inside their transactions.
    const late = await waitFor(
      'the server to refuse new connections',
      () => fetch(`${s.url}/health`).then(
        () => undefined,
        () => 'refused',
      ),
      { timeoutMs: 5000 },
    );
    const stillHeld = (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'kakehashi'`)).rows[0].n;
    await blocker.query('ROLLBACK');
    await blocker.end();
    const results = await Promise.all(inFlight);
    const exit = await s.exited;
    const shutdownMs = performance.now() - signalledAt;
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM invitation')).rows;
    await db.end();
    console.log('graceful shutdown:', JSON.stringify({ inFlight: results.length, completed: results.filter((r) => r.body.data?.inviteEditor).length, stored: n, shutdownMs: Math.round(shutdownMs), exit }));

    expect(late).toBe('refused');
    expect(stillHeld).toBe(5);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.data?.inviteEditor?.email).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `inflight${i}@example.org`));
    expect(n).toBe(5);
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(shutdownMs).toBeLessThan(10_000);
  });

  it('exits promptly on SIGTERM when idle', async () => {
    const { s } = await server();
    const started = performance.now();
    s.child.kill('SIGTERM');
    const exit = await s.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('logs a masked internal error server-side with the request id, and tells the client nothing', async () => {
    const { s, databaseUrl } = await server();
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('ALTER TABLE topic RENAME TO topic_gone');
    await db.end();
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'fault-req-42' }, body: '{"query":"{ topics { key } }"}' });
    const body = await res.text();
    expect(res.headers.get('x-request-id')).toBe('fault-req-42');
    expect(JSON.parse(body).errors[0]).toEqual({ message: 'Internal server error', path: ['topics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(body).not.toMatch(/relation|topic_gone|select/i);
    // pino writes asynchronously: wait for the line rather than for a guessed time.
    const logged = await waitFor('the internal error in the log', () => {
      const lines = s.output().split('\n').filter((l) => l.includes('internal error'));
      return lines.length ? lines : undefined;
    });
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged[0]).toContain('fault-req-42');
    expect(logged[0]).toMatch(/relation \\"topic\\" does not exist/);
    s.child.kill('SIGTERM');
    await s.exited;
  });
});
