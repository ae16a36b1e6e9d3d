import { Injectable } from '@nestjs/common';
import { AuditEntryEntity, TransactionalConnection } from '@kakehashi/database';
import { UserEntity } from '../account/user.entity';
import { badInput, pageRequest, type Page, type RequestContext } from '@kakehashi/kernel';

/** What coordinators may filter the audit log by; every part optional, all parts must hold. */
export interface AuditLogFilter {
  entity?: string | null;
  entityKey?: string | null;
  action?: string | null;
  /** A user id, or `admin-token` / `system`. */
  actorId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/** One audit entry, with the email of the account that acted when it is one. */
export interface AuditLogEntry {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

/** PostgreSQL timestamps span years 4713 BC–294276 AD; anything unparsable or beyond is the client's mistake. */
function assertInstant(value: Date | null | undefined, path: string): void {
  if (value === null || value === undefined) return;
  const year = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || year < 1 || year > 9999) throw badInput(`${path} is not a date-time between years 1 and 9999`, [{ path, message: 'must be an ISO 8601 date-time' }]);
}

/** Reads the audit trail (written by AuditService in each mutation's transaction), newest first. */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: TransactionalConnection) {}

  async list(ctx: RequestContext, filter: AuditLogFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Page<AuditLogEntry>> {
    const page = pageRequest(first, after);
    const f = filter ?? {};
    assertInstant(f.since, 'filter.since');
    assertInstant(f.until, 'filter.until');
    const qb = this.db
      .getRepository(ctx, AuditEntryEntity)
      .createQueryBuilder('a')
      .leftJoin(UserEntity, 'u', 'u.id::text = a.actor_id')
      .addSelect('u.email', 'actor_email');
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityKey) qb.andWhere('a.entity_key = :entityKey', { entityKey: f.entityKey });
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.since) qb.andWhere('a.at >= :since', { since: f.since });
    if (f.until) qb.andWhere('a.at < :until', { until: f.until });
    const totalCount = await qb.getCount();
    const { entities, raw } = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').offset(page.offset).limit(page.first).getRawAndEntities();
    const items = entities.map((e, i) => ({ ...e, actorEmail: (raw[i] as { actor_email: string | null }).actor_email ?? null }));
    return { items, totalCount, offset: page.offset, hasNextPage: page.offset + items.length < totalCount };
  }
}
