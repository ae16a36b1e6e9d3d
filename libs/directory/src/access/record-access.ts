import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@kakehashi/kernel';
import { notYours } from '../directory.errors';

/**
 * Row-level access, as the directory needs it: a port the directory owns and the composition root
 * binds (the API and the CLI bind `ROW_ACCESS` to libs/auth's adapter). The directory sits below
 * auth: it never imports it (ADR 17).
 */
export interface RowAccess {
  /** The subset of `municipalityIds` the actor of `ctx` may change, in one query for the whole set. */
  canEdit(ctx: RequestContext, municipalityIds: readonly string[]): Promise<Set<string>>;
  /** `'ALL'` for actors who change any municipality's records, otherwise the ids they may change (possibly none). */
  editableMunicipalityIds(ctx: RequestContext): Promise<'ALL' | string[]>;
}

/** The injection token of the {@link RowAccess} port. */
export const ROW_ACCESS = Symbol('kakehashi.directory.RowAccess');

/** A record to be changed, and the municipality it belongs to (null: belongs to none). */
export interface OwnedRecord {
  key: string;
  municipalityId: string | null;
  /** The input field that names the municipality, blamed when it is refused (e.g. `input.municipality`); default `key`. */
  path?: string;
}

/**
 * The directory's rules over the port: which records an actor may change, and the FORBIDDEN
 * answer naming the ones refused. Matching uses it too (it sits above the directory).
 */
@Injectable()
export class RecordAccess implements RowAccess {
  constructor(@Inject(ROW_ACCESS) private readonly rows: RowAccess) {}

  canEdit(ctx: RequestContext, municipalityIds: readonly string[]): Promise<Set<string>> {
    return this.rows.canEdit(ctx, municipalityIds);
  }

  editableMunicipalityIds(ctx: RequestContext): Promise<'ALL' | string[]> {
    return this.rows.editableMunicipalityIds(ctx);
  }

  /**
   * FORBIDDEN (naming the records) unless the actor may change every record's municipality.
   * Records of no municipality are for actors who change everything (coordinators) only.
   */
  async assertCanEdit(ctx: RequestContext, what: string, records: readonly OwnedRecord[]): Promise<void> {
    const owned = records.flatMap((r) => (r.municipalityId ? [r.municipalityId] : []));
    const allowed = await this.rows.canEdit(ctx, owned);
    const orphansAllowed = owned.length === records.length || (await this.rows.editableMunicipalityIds(ctx)) === 'ALL';
    const refused = records.filter((r) => (r.municipalityId ? !allowed.has(r.municipalityId) : !orphansAllowed));
    if (refused.length) throw notYours(what, refused);
  }

  /** FORBIDDEN unless the actor may change at least one of `municipalityIds` (e.g. a partnership's members). */
  async assertCanEditAny(ctx: RequestContext, what: string, key: string, municipalityIds: readonly string[]): Promise<void> {
    if ((await this.rows.canEdit(ctx, municipalityIds)).size > 0) return;
    if ((await this.rows.editableMunicipalityIds(ctx)) !== 'ALL') throw notYours(what, [{ key }]);
  }
}
