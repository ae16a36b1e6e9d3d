import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionalConnection } from '@kakehashi/database';
import { createRequestContext, pageRequest } from '@kakehashi/kernel';
import { createTestDatabase, insertMunicipality, insertPartnership, type TestDatabase } from '@kakehashi/testing';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { PartnershipQueryService } from './partnership-query.service';

let db: TestDatabase;
let service: PartnershipQueryService;
const ctx = createRequestContext();

beforeAll(async () => {
  db = await createTestDatabase();
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  service = new PartnershipQueryService(conn, taxonomy, new MunicipalityQueryService(conn, taxonomy));
});
afterAll(() => db?.drop());

describe('PartnershipQueryService', () => {
  it('batches partnerships by member municipality, a shared partnership under each of its members', async () => {
    const [a, b, c] = [await insertMunicipality(db.dataSource), await insertMunicipality(db.dataSource), await insertMunicipality(db.dataSource)];
    const ab = await insertPartnership(db.dataSource, { key: 'p-ab', members: [{ municipality: a }, { municipality: b }] });
    const bc = await insertPartnership(db.dataSource, { key: 'p-bc', members: [{ municipality: b }, { municipality: c }] });
    const map = await service.byMunicipalityIds(ctx, [a.id, b.id, c.id]);
    expect(map.get(a.id)!.map((p) => p.key)).toEqual([ab.key]);
    expect(map.get(b.id)!.map((p) => p.key)).toEqual([ab.key, bc.key]);
    expect(map.get(c.id)!.map((p) => p.key)).toEqual([bc.key]);
    expect(map.get(b.id)![0]).toBe(map.get(a.id)![0]);
  });

  it('counts the total past the last page and says there is no next page', async () => {
    const all = await service.list(ctx, null, pageRequest(1, null));
    expect(all.totalCount).toBe(2);
    expect(all.hasNextPage).toBe(true);
    const past = await service.list(ctx, null, { first: 10, offset: 5 });
    expect(past).toMatchObject({ items: [], totalCount: 2, hasNextPage: false });
  });

  it('names filter.municipality when the member key is unknown', async () => {
    await expect(service.list(ctx, { municipality: 'nowhere' }, pageRequest(null, null))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'filter.municipality' }],
    });
  });
});
