import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RowAccess } from '@kakehashi/directory';
import { editsEverything, Role, type RequestContext } from '@kakehashi/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The adapter of the directory's row-level access port (`ROW_ACCESS`, bound by AccessModule).
 * Batched: one query answers for a whole set of municipalities. Editor
 * bindings are read from the database (not the token), so removing a binding or disabling an
 * account takes effect on the next request.
 */
@Injectable()
export class AccessService implements RowAccess {
  constructor(private readonly db: TransactionalConnection) {}

  /** The subset of `municipalityIds` the actor of `ctx` may change. */
  async canEdit(ctx: RequestContext, municipalityIds: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(municipalityIds)];
    const actor = ctx.actor;
    if (!wanted.length || !actor) return new Set();
    if (editsEverything(actor)) return new Set(wanted);
    if (!actor.roles.includes(Role.EDITOR) || !UUID.test(actor.id) || !wanted.every((id) => UUID.test(id))) return new Set();
    const rows: { municipality_id: string }[] = await this.db.manager(ctx).query(
      `SELECT um.municipality_id FROM user_municipality um JOIN app_user u ON u.id = um.user_id
        WHERE um.user_id = $1 AND u.disabled_at IS NULL AND um.municipality_id = ANY($2::uuid[])`,
      [actor.id, wanted],
    );
    return new Set(rows.map((r) => r.municipality_id));
  }

  /**
   * The municipalities the actor of `ctx` may act for, for filtering lists in SQL: `'ALL'` for
   * coordinators and admins, the editor's own (still enabled) municipalities, or none.
   */
  async editableMunicipalityIds(ctx: RequestContext): Promise<'ALL' | string[]> {
    const actor = ctx.actor;
    if (editsEverything(actor)) return 'ALL';
    if (!actor || !actor.roles.includes(Role.EDITOR) || !UUID.test(actor.id)) return [];
    const rows: { municipality_id: string }[] = await this.db.manager(ctx).query(
      `SELECT um.municipality_id FROM user_municipality um JOIN app_user u ON u.id = um.user_id WHERE um.user_id = $1 AND u.disabled_at IS NULL`,
      [actor.id],
    );
    return rows.map((r) => r.municipality_id);
  }
}
