import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { Role, type Actor, type RequestContext } from '@kakehashi/kernel';
import { notYours } from '../auth.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Actors who may change any municipality's records: coordinators (admins are coordinators too) and the system. */
export function editsEverything(actor: Actor | null): boolean {
  return !!actor && (actor.roles.includes(Role.COORDINATOR) || actor.roles.includes(Role.ADMIN) || actor.roles.includes('SYSTEM'));
}

/** A record to be changed, and the municipality it belongs to (null: belongs to none). */
export interface OwnedRecord {
  key: string;
  municipalityId: string | null;
  /** The input field that names the municipality, blamed when it is refused (e.g. `input.municipality`); default `key`. */
  path?: string;
}

/**
 * Row-level access, batched: one query answers for a whole set of municipalities. Editor
 * bindings are read from the database (not the token), so removing a binding or disabling an
 * account takes effect on the next request.
 */
@Injectable()
export class AccessService {
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

  /**
   * FORBIDDEN (naming the records) unless the actor may change every record's municipality.
   * Records of no municipality are for coordinators only.
   */
  async assertCanEdit(ctx: RequestContext, what: string, records: readonly OwnedRecord[]): Promise<void> {
    const allowed = await this.canEdit(
      ctx,
      records.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])),
    );
    const refused = records.filter((r) => !(r.municipalityId ? allowed.has(r.municipalityId) : editsEverything(ctx.actor)));
    if (refused.length) throw notYours(what, refused);
  }

  /** FORBIDDEN unless the actor may change at least one of `municipalityIds` (e.g. a partnership's members). */
  async assertCanEditAny(ctx: RequestContext, what: string, key: string, municipalityIds: readonly string[]): Promise<void> {
    if (editsEverything(ctx.actor)) return;
    if ((await this.canEdit(ctx, municipalityIds)).size === 0) throw notYours(what, [{ key }]);
  }
}
