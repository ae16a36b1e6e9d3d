import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@kakehashi/kernel';
import { TransactionalConnection } from '../transactional-connection';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entity: string;
  key: string;
  /** Snapshot before the change (`null` for a creation). */
  before?: unknown;
  /** Snapshot after the change (`null` for a deletion). */
  after?: unknown;
}

/**
 * Writes the audit trail. Call it inside the mutation's transaction (`withTransaction`) so the
 * entry commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: TransactionalConnection) {}

  /** Appends one entry with the actor and request id of `ctx`, in the transaction on `ctx`. */
  async record(ctx: RequestContext, entry: AuditRecord): Promise<void> {
    const row: Omit<AuditEntryEntity, 'id' | 'at'> = {
      actorId: ctx.actor?.id ?? null,
      requestId: ctx.requestId,
      action: entry.action,
      entity: entry.entity,
      entityKey: entry.key,
      before: toJson(entry.before),
      after: toJson(entry.after),
    };
    // TypeORM's deep-partial insert type cannot express free-form jsonb; the row type above is the check.
    await this.db.manager(ctx).insert(AuditEntryEntity, row as never);
  }
}

/** JSON round-trip: Dates become ISO strings, undefined fields vanish, `undefined` becomes null. */
function toJson(value: unknown): Record<string, unknown> | null {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
