import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { requireMunicipalityIds } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';

/** Municipality keys ↔ ids for accounts: the directory's key lookup, and who edits what. */
@Injectable()
export class MunicipalityLookup {
  constructor(private readonly db: TransactionalConnection) {}

  /** Ids of `keys`, in order; BAD_USER_INPUT (UNKNOWN_REFERENCE) naming `path` for unknown keys. */
  async idsOf(ctx: RequestContext, keys: readonly string[], path = 'municipalityKeys'): Promise<string[]> {
    const ids = await requireMunicipalityIds(this.db, ctx, keys.map((key) => ({ key, path })));
    return keys.map((k) => ids.get(k)!);
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
