import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig, type Logger } from '@kakehashi/config';

/** A named budget: `points` hits per `durationS`-second window, per key. */
export interface LimitSpec {
  /** Part of the storage key, so budgets never share counters. */
  name: string;
  points: number;
  durationS: number;
}

/**
 * One budget over many keys (an address, an account…), in this process's memory or in Redis.
 * Every method answers in milliseconds to wait: 0 means "go ahead".
 */
export class Limiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly spec: LimitSpec,
  ) {}

  /** Spends one point for `key`; when none was left, nothing is spent and the wait is returned. */
  async hit(key: string): Promise<number> {
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (e) {
      return waitOf(e);
    }
  }

  /** The wait before `key` may spend a point again, without spending one. */
  async waitMs(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res && res.consumedPoints >= this.spec.points ? Math.max(1, res.msBeforeNext) : 0;
  }

  /** Counts one more point against `key`, even past its budget (a failure that happened). */
  async record(key: string): Promise<void> {
    await this.limiter.penalty(key, 1);
  }

  /** Forgets `key` (a full budget again). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

const REDIS_BOOT_WAIT_MS = 3000;

function waitOf(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
  throw rejection; // a store error without an insurance limiter: not a verdict, let it surface
}

/**
 * Makes the API's limiters: in process memory by default (each replica counts on its own, a restart
 * forgets), or in Redis when REDIS_URL is set (every replica shares one budget). When Redis cannot
 * answer, each limiter falls back to an in-memory twin (per-process budgets) rather than refusing
 * every request or letting every request through unchecked; the outage is logged.
 */
@Injectable()
export class LimiterStore implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly logger: Logger;
  private down = false;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    this.logger = logger.child({ component: 'limits' });
    this.redis = config.REDIS_URL ? this.connect(config.REDIS_URL) : null;
  }

  /** Where the counters live: `memory` or `redis`. */
  get kind(): 'memory' | 'redis' {
    return this.redis ? 'redis' : 'memory';
  }

  create(spec: LimitSpec): Limiter {
    const memory = new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.durationS });
    if (!this.redis) return new Limiter(memory, spec);
    const redis = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${this.config.REDIS_KEY_PREFIX}${spec.name}`,
      points: spec.points,
      duration: spec.durationS,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
    return new Limiter(redis, spec);
  }

  /** At boot, waits (briefly) for Redis, so the first requests already share the budget. */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REDIS_BOOT_WAIT_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) this.logger.warn(`Redis not ready after ${REDIS_BOOT_WAIT_MS} ms: rate limits start in per-process memory`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis!.disconnect());
  }

  private connect(url: string): Redis {
    // No offline queue: while Redis is unreachable a limiter answers from its in-memory twin at
    // once instead of holding the request until a reconnect.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.on('ready', () => {
      if (this.down) this.logger.info('Redis reachable again: rate limits are shared between replicas');
      this.down = false;
    });
    client.on('error', (err: Error) => {
      if (!this.down) this.logger.warn({ err: err.message }, 'Redis unreachable: rate limits fall back to per-process memory');
      this.down = true;
    });
    return client;
  }
}
