import { afterEach, describe, expect, it } from 'vitest';
import { createRootLogger, loadConfig } from '@kakehashi/config';
import { LimiterStore } from './limiter-store';

const silent = createRootLogger({ LOG_LEVEL: 'silent' });
let store: LimiterStore | undefined;
afterEach(async () => {
  await store?.onModuleDestroy();
  store = undefined;
});

describe('LimiterStore', () => {
  it('counts in memory without REDIS_URL: a budget per key, then the wait', async () => {
    store = new LimiterStore(loadConfig({}), silent);
    expect(store.kind).toBe('memory');
    const limiter = store.create({ name: 'spec', points: 2, durationS: 60 });
    expect([await limiter.hit('a'), await limiter.hit('a')]).toEqual([0, 0]);
    const wait = await limiter.hit('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await limiter.hit('b')).toBe(0);
    await limiter.reset('a');
    expect(await limiter.waitMs('a')).toBe(0);
  });

  it('falls back to per-process memory while Redis is unreachable, instead of failing requests', async () => {
    store = new LimiterStore(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), silent);
    expect(store.kind).toBe('redis');
    const limiter = store.create({ name: 'spec-down', points: 1, durationS: 60 });
    expect(await limiter.hit('a')).toBe(0);
    expect(await limiter.hit('a')).toBeGreaterThan(0);
    await limiter.record('b');
    expect(await limiter.waitMs('b')).toBeGreaterThan(0);
  });
});
