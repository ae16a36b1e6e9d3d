export interface TokenBucketOptions {
  /** Tokens a fresh key holds (the burst). */
  capacity: number;
  /** Milliseconds to regain one token. */
  refillMs: number;
  /** Keys remembered at most; beyond it the least recently touched are forgotten (memory bound). */
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per key, in memory (per process). A key not seen behaves as a full bucket, so
 * forgetting keys under memory pressure can only ever be lenient, never lock anyone out.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  private current(key: string): Bucket {
    const t = this.now();
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.options.capacity, at: t };
    const regained = Math.floor((t - b.at) / this.options.refillMs);
    if (regained <= 0) return b;
    const tokens = Math.min(this.options.capacity, b.tokens + regained);
    return { tokens, at: tokens === this.options.capacity ? t : b.at + regained * this.options.refillMs };
  }

  /** Milliseconds until `key` has a token again (0 = it has one now). Does not consume. */
  waitMs(key: string): number {
    const b = this.current(key);
    return b.tokens >= 1 ? 0 : Math.max(1, b.at + this.options.refillMs - this.now());
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(key: string): boolean {
    const b = this.current(key);
    if (b.tokens < 1) return false;
    this.buckets.delete(key); // re-insert: Map order is then least-recently-touched first
    this.buckets.set(key, { tokens: b.tokens - 1, at: b.at });
    this.evict();
    return true;
  }

  /** Forgets `key` (a full bucket again). */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
