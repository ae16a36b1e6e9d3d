import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createEmptyDatabase, startServerProcess, type ServerProcess } from '@kakehashi/testing';
import { TEST_ADMIN_TOKEN } from './api-harness';
import { call, login, type HttpAnswer } from './account-client';

/**
 * Two API processes against one Redis share one budget: the per-client request limit and the
 * sign-in throttle both live in Redis when REDIS_URL is set, so a second replica (or a restart)
 * gives an attacker nothing more. Needs the Redis at 127.0.0.1:6379 (CI has one): without it this
 * suite says it skipped; with REQUIRE_REDIS=1 (CI) a missing Redis is a failure.
 */
const REDIS_HOST = '127.0.0.1';
const REDIS_PORT = 6379;
const required = process.env.REQUIRE_REDIS === '1';

/** True when a Redis answers PING at host:port within a second. */
function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: REDIS_HOST, port: REDIS_PORT });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

const where = `${REDIS_HOST}:${REDIS_PORT}`;

describe('limits shared through Redis by two API processes', () => {
  const servers: ServerProcess[] = [];
  let available = false;
  let env: Record<string, string>;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.warn(`redis-limits: no Redis at ${where}: this suite is SKIPPED${required ? ' — and FAILS (REQUIRE_REDIS=1)' : ' (REQUIRE_REDIS=1 makes that a failure)'}`);
      return;
    }
    buildApp('api');
    const db = await createEmptyDatabase();
    drop = db.drop;
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: `redis://${where}`,
      REDIS_KEY_PREFIX: `kakehashi-test-${randomUUID()}:`, // this run's keys only
      RATE_LIMIT_PER_MINUTE: '8',
      TRUST_PROXY: '1',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ADMIN_EMAIL: 'shared-admin@example.org',
      ADMIN_PASSWORD: 'shared-admin-password-1',
      LOG_LEVEL: 'warn',
    };
    // One after the other: the first runs the migrations.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await drop?.();
  });

  it(`has a Redis at ${where} (skipped without one; REQUIRE_REDIS=1: failed)`, (ctx) => {
    if (!available && required) expect.fail(`REQUIRE_REDIS=1 but no Redis answers at ${where}`);
    if (!available) ctx.skip();
  });

  const topics = (url: string, from: string) => call(url, '{ topics { key } }', {}, { from });

  it('one request budget for both: 8 a minute from one client, whichever process answers', async (ctx) => {
    if (!available) return ctx.skip();
    const [a, b] = servers;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await topics((i % 2 ? b : a)!.url, '198.51.100.1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]); // per process it would be 16
    expect((await topics(a!.url, '198.51.100.2')).status).toBe(200); // another client has its own
  });

  it('one sign-in throttle for both: 5 wrong passwords split over the two processes stop the address on both', async (ctx) => {
    if (!available) return ctx.skip();
    const [a, b] = servers;
    const from = '203.0.113.50';
    for (let i = 0; i < 5; i++) {
      const res = await login((i % 2 ? b : a)!.url, env.ADMIN_EMAIL!, `wrong-guess-${i}-pw`, { from });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const s of [a!, b!]) {
      const res: HttpAnswer = await login(s.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!, { from });
      expect(res.status).toBe(429);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_THROTTLED' });
    }
  });

  it('survives a restart: a fresh process still knows the spent budget', async (ctx) => {
    if (!available) return ctx.skip();
    await servers[1]!.stop();
    servers[1] = await startServerProcess(env);
    expect((await topics(servers[1].url, '198.51.100.1')).status).toBe(429);
    const again = await login(servers[1].url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!, { from: '203.0.113.50' });
    expect(again.status).toBe(429);
    expect(again.errors?.[0]?.extensions?.reason).toBe('LOGIN_THROTTLED');
  }, 120_000);
});
