import type { AuditService, TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import type { EntityTarget } from 'typeorm';
import { loadByKey, type Keyed } from './records';

/** A record that carries when a person last confirmed it. */
export interface Confirmable extends Keyed {
  lastConfirmedOn: string;
}

export interface ConfirmSpec<T extends Confirmable> {
  entity: EntityTarget<T>;
  /** Name in messages (`Need`) and in the audit trail (`need`). */
  what: string;
  auditEntity: string;
  key: string;
  version: number;
  today: string;
  /** Throws FORBIDDEN unless the actor may change this record. */
  authorize: (tx: RequestContext, record: T) => Promise<void>;
}

/**
 * "Still true": sets the record's lastConfirmedOn to today and changes nothing else. Version-checked
 * like any edit (confirming what someone changed meanwhile is a CONFLICT), audited as `confirm`.
 */
export async function confirmRecord<T extends Confirmable>(db: TransactionalConnection, audit: AuditService, ctx: RequestContext, spec: ConfirmSpec<T>): Promise<T> {
  return db.withTransaction(ctx, async (tx) => {
    const before = await loadByKey(db, tx, spec.entity, spec.what, spec.key);
    await spec.authorize(tx, before);
    await db.updateVersioned(tx, spec.entity, spec.what, before, spec.version, { lastConfirmedOn: spec.today } as Partial<T>);
    const after = await loadByKey(db, tx, spec.entity, spec.what, spec.key);
    await audit.record(tx, { action: 'confirm', entity: spec.auditEntity, key: spec.key, before: { lastConfirmedOn: before.lastConfirmedOn }, after: { lastConfirmedOn: after.lastConfirmedOn } });
    return after;
  });
}
