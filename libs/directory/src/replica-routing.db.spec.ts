import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_ENTITIES, dataSourceOptions, startEmbeddedPostgres, TransactionalConnection, type EmbeddedDatabase } from '@kakehashi/database';
import { createRequestContext } from '@kakehashi/kernel';
import { createTestDatabase, insertMunicipality, type TestDatabase } from '@kakehashi/testing';
import { DIRECTORY_ENTITIES } from './directory.entities';
import { MunicipalityQueryService } from './municipality/municipality-query.service';
import { SearchService } from './search/search.service';
import { TaxonomyService } from './taxonomy/taxonomy.service';

/*
 * Read-replica routing (DATABASE_REPLICA_URLS) against two real servers: the test server is the
 * primary, a second embedded PostgreSQL stands in for the replica. They hold different rows, so
 * every answer shows which server it came from. (Replication itself is PostgreSQL's business; what
 * is ours is which reads go where.)
 */
const entities = [...DATABASE_ENTITIES, ...DIRECTORY_ENTITIES];
let primary: TestDatabase;
let replicaDir: string;
let replicaServer: EmbeddedDatabase;
let replica: DataSource;
let routed: DataSource;
let db: TransactionalConnection;
const ctx = createRequestContext();

beforeAll(async () => {
  primary = await createTestDatabase();
  replicaDir = await mkdtemp(join(tmpdir(), 'kakehashi-replica-'));
  replicaServer = await startEmbeddedPostgres({ dataDir: replicaDir, database: 'replica' });
  replica = new DataSource({ ...dataSourceOptions({ url: replicaServer.url, poolSize: 2, statementTimeoutMs: 30_000 }), entities });
  await replica.initialize();
  await insertMunicipality(primary.dataSource, { key: 'primary-town', name: 'Primary Town', country: 'JP' });
  await insertMunicipality(replica, { key: 'replica-town', name: 'Replica Town', country: 'JP' });
  routed = new DataSource({ ...dataSourceOptions({ url: primary.url, replicaUrls: [replicaServer.url], poolSize: 2, statementTimeoutMs: 30_000 }), entities });
  await routed.initialize();
  db = new TransactionalConnection(routed);
}, 120_000);
afterAll(async () => {
  await routed?.destroy();
  await replica?.destroy();
  await replicaServer?.stop();
  await primary?.drop();
  if (replicaDir) await rm(replicaDir, { recursive: true, force: true });
});

const keys = (rows: { key: string }[]) => rows.map((r) => r.key).sort();

describe('with DATABASE_REPLICA_URLS', () => {
  it('search and directory pages read from the replica', async () => {
    expect((await new SearchService(db).search(ctx, 'town', 10)).map((h) => h.key)).toEqual(['replica-town']);
    const page = await new MunicipalityQueryService(db, new TaxonomyService(db)).list(ctx, { country: 'JP' }, { first: 10, offset: 0 });
    expect(page.items.map((m) => m.key)).toEqual(['replica-town']);
    expect(keys(await db.read(ctx, 'SELECT key FROM municipality'))).toEqual(['replica-town']);
  });

  it('reads inside a transaction, writes and unrouted reads stay on the primary', async () => {
    expect(keys(await db.withTransaction(ctx, (tx) => db.read(tx, 'SELECT key FROM municipality')))).toEqual(['primary-town']);
    expect(keys(await db.withTransaction(ctx, (tx) => new SearchService(db).search(tx, 'town', 10)))).toEqual(['primary-town']);
    await db.manager(ctx).query(`UPDATE municipality SET name = 'Primary Town (renamed)' WHERE key = 'primary-town'`);
    expect(await db.manager(ctx).query(`SELECT name FROM municipality`)).toEqual([{ name: 'Primary Town (renamed)' }]);
    expect(await replica.query(`SELECT name FROM municipality`)).toEqual([{ name: 'Replica Town' }]);
  });

  it('without replicas, reads go to the one server', async () => {
    const single = new TransactionalConnection(primary.dataSource);
    expect(keys(await single.read(ctx, 'SELECT key FROM municipality'))).toEqual(['primary-town']);
  });
});
