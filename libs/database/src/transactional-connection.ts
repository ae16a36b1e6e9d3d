import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { conflict, notFound, type RequestContext } from '@kakehashi/kernel';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The way services reach the database: the repository or manager of the transaction that travels
 * on `ctx`, or of the pool when there is none.
 */
@Injectable()
export class TransactionalConnection {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /**
   * Runs a read that tolerates a little replication lag (directory pages, search, suggestions) on
   * a read replica when replicas are configured and `ctx` carries no transaction; otherwise where
   * `manager(ctx)` would. The manager handed to `work` is valid only until it returns.
   */
  async reading<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (ctx.transaction || !this.hasReplicas) return work(this.manager(ctx));
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** Raw SQL through `reading`. */
  read<T = Record<string, unknown>>(ctx: RequestContext, sql: string, parameters?: unknown[]): Promise<T[]> {
    return this.reading(ctx, (manager) => manager.query(sql, parameters));
  }

  private get hasReplicas(): boolean {
    const options = this.dataSource.options as { replication?: { slaves: unknown[] } };
    return Boolean(options.replication?.slaves.length);
  }

  getRepository<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>): Repository<T> {
    return this.manager(ctx).getRepository(entity);
  }

  /** Runs `fn` in a transaction (or the one already open on `ctx`), handing it a context that carries it. */
  async withTransaction<T>(ctx: RequestContext, fn: (txCtx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.transaction) return fn(ctx);
    return this.dataSource.transaction((manager) => fn({ ...ctx, transaction: manager }));
  }

  /**
   * Optimistic-locked update: `UPDATE … WHERE id = :id AND version = :expected`. TypeORM's save()
   * would silently overwrite a newer row. 0 rows → NOT_FOUND or CONFLICT, whichever is true.
   */
  async updateVersioned<T extends ObjectLiteral>(
    ctx: RequestContext,
    entity: EntityTarget<T>,
    what: string,
    row: { id: string; key: string },
    expectedVersion: number,
    values: Partial<T>,
  ): Promise<void> {
    const repo = this.getRepository(ctx, entity);
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({ ...values, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND version = :expectedVersion', { id: row.id, expectedVersion })
      .execute();
    if (result.affected !== 1) await this.explainMiss(repo, what, row, expectedVersion);
  }

  /**
   * Optimistic-locked delete: `DELETE … WHERE id = :id AND version = :expected`, with the same
   * NOT_FOUND / CONFLICT answers as `updateVersioned`.
   */
  async deleteVersioned<T extends ObjectLiteral>(
    ctx: RequestContext,
    entity: EntityTarget<T>,
    what: string,
    row: { id: string; key: string },
    expectedVersion: number,
  ): Promise<void> {
    const repo = this.getRepository(ctx, entity);
    const result = await repo.createQueryBuilder().delete().where('id = :id AND version = :expectedVersion', { id: row.id, expectedVersion }).execute();
    if (result.affected !== 1) await this.explainMiss(repo, what, row, expectedVersion);
  }

  /**
   * For a write that turns out to change nothing (and so is skipped): the version the caller read
   * must still be the row's, exactly as `updateVersioned` would have required; CONFLICT otherwise.
   */
  assertVersion(what: string, row: { key: string; version: number }, expectedVersion: number): void {
    if (row.version !== expectedVersion) throw staleVersion(what, row.key, row.version, expectedVersion);
  }

  /** A versioned write touched no row: the row is gone (NOT_FOUND) or newer (CONFLICT). */
  private async explainMiss<T extends ObjectLiteral>(repo: Repository<T>, what: string, row: { id: string; key: string }, expectedVersion: number): Promise<never> {
    const still = await repo.createQueryBuilder('r').select('r.version', 'version').where('r.id = :id', { id: row.id }).getRawOne<{ version: number }>();
    if (!still) throw notFound(what, row.key);
    throw staleVersion(what, row.key, still.version, expectedVersion);
  }
}

function staleVersion(what: string, key: string, current: number, sent: number): Error {
  return conflict(`${what} "${key}" was changed by someone else (version ${current}, you sent ${sent}); reload and retry`, 'STALE_VERSION');
}
