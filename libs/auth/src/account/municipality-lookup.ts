import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { DomainError, type RequestContext } from '@kakehashi/kernel';

/**
 * Municipality keys ↔ ids, by plain SQL: libs/directory imports this library (for its row-level
 * checks), so this library must not import the directory's entities back.
 */
@Injectable()
export class MunicipalityLookup {
  constructor(private readonly db: TransactionalConnection) {}

  /** Ids of `keys`, in order; NOT_FOUND naming the first unknown key. */
  async idsOf(ctx: RequestContext, keys: readonly string[], path = 'municipalityKeys'): Promise<string[]> {
    if (!keys.length) return [];
    const rows: { id: string; key: string }[] = await this.db.manager(ctx).query('SELECT id, key FROM municipality WHERE key = ANY($1::text[])', [keys]);
    const byKey = new Map(rows.map((r) => [r.key, r.id]));
    const missing = keys.find((k) => !byKey.has(k));
    if (missing !== undefined) throw new DomainError('NOT_FOUND', `municipality "${missing}" was not found`, [{ path, message: `no municipality with key "${missing}"` }]);
    return keys.map((k) => byKey.get(k)!);
  }

  /** Keys of the municipalities each user edits, sorted, for every user id given (one query). */
  async keysByUser(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return result;
    const rows: { user_id: string; key: string }[] = await this.db
      .manager(ctx)
      .query(
        'SELECT um.user_id, m.key FROM user_municipality um JOIN municipality m ON m.id = um.municipality_id WHERE um.user_id = ANY($1::uuid[]) ORDER BY m.key',
        [userIds],
      );
    for (const r of rows) result.get(r.user_id)?.push(r.key);
    return result;
  }
}
