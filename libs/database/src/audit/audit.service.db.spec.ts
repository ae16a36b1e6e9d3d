import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { createRequestContext } from '@kakehashi/kernel';
import { TransactionalConnection } from '../transactional-connection';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';

let db: TestDatabase;
let tx: TransactionalConnection;
let audit: AuditService;
beforeAll(async () => {
  db = await createTestDatabase();
  tx = new TransactionalConnection(db.dataSource);
  audit = new AuditService(tx);
});
afterAll(() => db?.drop());

const ctx = createRequestContext({ requestId: 'req-1', actor: { id: 'alice', roles: ['ADMIN'], municipalityIds: [] } });
const entriesFor = (key: string) => db.dataSource.getRepository(AuditEntryEntity).findBy({ entityKey: key });

describe('AuditService', () => {
  it('records actor, request id and JSON snapshots inside the caller transaction', async () => {
    await tx.withTransaction(ctx, (t) => audit.record(t, { action: 'update', entity: 'municipality', key: 'kawasaki', before: { name: 'A' }, after: { name: 'B', at: new Date(0) } }));
    const [entry] = await entriesFor('kawasaki');
    expect(entry).toMatchObject({ actorId: 'alice', requestId: 'req-1', action: 'update', entity: 'municipality', before: { name: 'A' }, after: { name: 'B', at: '1970-01-01T00:00:00.000Z' } });
    expect(entry!.at).toBeInstanceOf(Date);
  });

  it('leaves no entry when the transaction rolls back', async () => {
    await expect(
      tx.withTransaction(ctx, async (t) => {
        await audit.record(t, { action: 'create', entity: 'need', key: 'rolled-back', after: { key: 'rolled-back' } });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await entriesFor('rolled-back')).toEqual([]);
  });
});
