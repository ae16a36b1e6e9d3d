import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { badInput, type RequestContext } from '@kakehashi/kernel';
import { unknownReferences, type KeyRef } from '../directory.errors';
import { TopicEntity } from './topic.entity';

/** How long a process keeps the taxonomy it read outside a transaction. */
export const TAXONOMY_TTL_MS = 60_000;

/**
 * The topic taxonomy. Topics change only with a migration, so outside a transaction the list is
 * read at most once a minute per process (concurrent callers share one read) instead of once per
 * request; inside a transaction it is read in that transaction, as everything else there is.
 */
@Injectable()
export class TaxonomyService {
  constructor(private readonly db: TransactionalConnection) {}

  private cached: { at: number; topics: Promise<readonly TopicEntity[]> } | null = null;

  /** All topics, in taxonomy order (domains before their topics). Shared: do not modify them. */
  async list(ctx: RequestContext): Promise<TopicEntity[]> {
    if (ctx.transaction) return this.read(ctx);
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= TAXONOMY_TTL_MS) {
      const topics = this.read(ctx);
      this.cached = { at: now, topics };
      topics.catch(() => {
        if (this.cached?.topics === topics) this.cached = null; // a failed read is not kept
      });
    }
    return [...(await this.cached.topics)];
  }

  private read(ctx: RequestContext): Promise<TopicEntity[]> {
    return this.db.getRepository(ctx, TopicEntity).find({ order: { position: 'ASC' } });
  }

  /**
   * Expands topic keys to themselves plus their children (a parent key means the whole domain).
   * Unknown keys are a BAD_USER_INPUT naming `path`.
   */
  async expand(ctx: RequestContext, keys: readonly string[], path = 'topic'): Promise<string[]> {
    if (!keys.length) return [];
    const topics = await this.list(ctx);
    const known = new Set(topics.map((t) => t.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) throw badInput(`Unknown topic ${unknown.join(', ')}`, unknown.map((k) => ({ path, message: `"${k}" is not a topic key` })));
    const wanted = new Set(keys);
    return topics.filter((t) => wanted.has(t.key) || (t.parentKey !== null && wanted.has(t.parentKey))).map((t) => t.key);
  }

  /** Every referenced topic exists, or BAD_USER_INPUT naming the path of each unknown one (`input.topics.1`). */
  async assertKnown(ctx: RequestContext, refs: readonly KeyRef[]): Promise<void> {
    if (!refs.length) return;
    const known = new Set((await this.list(ctx)).map((t) => t.key));
    const unknown = refs.filter((r) => !known.has(r.key));
    if (unknown.length) throw unknownReferences('topic', unknown);
  }
}
