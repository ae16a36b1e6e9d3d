import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from '@kakehashi/auth';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { pageRequest, systemContext } from '@kakehashi/kernel';
import { createTestDatabase, insertMunicipality, insertNeed, insertPartnership, type TestDatabase } from '@kakehashi/testing';
import { CalendarService } from '../calendar/calendar.service';
import { ExpertiseService } from '../expertise/expertise.service';
import { MunicipalityCommandService } from '../municipality/municipality-command.service';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { NeedCommandService } from '../need/need-command.service';
import { PartnershipCommandService } from '../partnership/partnership-command.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { freshnessBounds, freshnessOf } from './freshness';

/*
 * lastConfirmedOn on a real database: every edit sets it to today (in Tokyo), a confirm sets only
 * it, changing expertise confirms the profile, and the freshness filter agrees with freshnessOf.
 */
let db: TestDatabase;
let conn: TransactionalConnection;
const ctx = systemContext('freshness-spec');
const TODAY = '2026-12-01';
const calendar = new CalendarService(null, () => new Date('2026-12-01T02:00:00Z'));

const row = async (table: string, key: string) =>
  (await db.dataSource.query(`SELECT to_char(last_confirmed_on, 'YYYY-MM-DD') AS confirmed, version FROM ${table} WHERE key = $1`, [key]))[0] as { confirmed: string; version: number };
const audit = async (entity: string, key: string) =>
  (await db.dataSource.query(`SELECT action, before, after FROM audit_log WHERE entity = $1 AND entity_key = $2 ORDER BY at, id`, [entity, key])) as { action: string; before: unknown; after: unknown }[];

let municipalities: MunicipalityCommandService;
let needs: NeedCommandService;
let partnerships: PartnershipCommandService;
let expertise: ExpertiseService;
let queries: MunicipalityQueryService;

beforeAll(async () => {
  db = await createTestDatabase();
  conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  const auditService = new AuditService(conn);
  const access = new RecordAccess(new AccessService(conn));
  queries = new MunicipalityQueryService(conn, taxonomy, calendar);
  municipalities = new MunicipalityCommandService(conn, auditService, access, calendar);
  needs = new NeedCommandService(conn, taxonomy, queries, auditService, access, calendar);
  partnerships = new PartnershipCommandService(conn, taxonomy, queries, auditService, access, calendar);
  expertise = new ExpertiseService(conn, taxonomy, auditService, access, calendar);
});
afterAll(() => db?.drop());

describe('lastConfirmedOn', () => {
  it('is today (in Tokyo) for what is created, and moves to today with every change', async () => {
    const created = await municipalities.create(ctx, { key: 'oita', name: 'Oita City', kind: 'LOCAL_GOVERNMENT', country: 'JP' });
    expect(created.lastConfirmedOn).toBe(TODAY);
    await db.dataSource.query(`UPDATE municipality SET last_confirmed_on = '2020-01-01' WHERE key = 'oita'`);
    const updated = await municipalities.update(ctx, { key: 'oita', version: 1, population: 475000 });
    expect(updated.lastConfirmedOn).toBe(TODAY);

    const owner = await insertMunicipality(db.dataSource);
    const need = await insertNeed(db.dataSource, owner, { lastConfirmedOn: '2020-01-01' });
    expect((await needs.update(ctx, { key: need.key, version: 1, priority: 'HIGH' })).lastConfirmedOn).toBe(TODAY);
    const p = await insertPartnership(db.dataSource, { status: 'PROPOSED', lastConfirmedOn: '2020-01-01', members: [{ municipality: owner }] });
    expect((await partnerships.changeStatus(ctx, p.key, 'AGREED', 1)).lastConfirmedOn).toBe(TODAY);
  });

  it('a confirm sets only lastConfirmedOn (and the version), audited as confirm; a stale version is a CONFLICT', async () => {
    const m = await insertMunicipality(db.dataSource, { key: 'kurume', population: 300000, lastConfirmedOn: '2023-05-01' });
    await expect(municipalities.confirm(ctx, 'kurume', 7)).rejects.toMatchObject({ code: 'CONFLICT' });
    const confirmed = await municipalities.confirm(ctx, 'kurume', 1);
    expect(confirmed).toMatchObject({ lastConfirmedOn: TODAY, version: 2, population: 300000, name: m.name });
    expect(await audit('municipality', 'kurume')).toEqual([{ action: 'confirm', before: { lastConfirmedOn: '2023-05-01' }, after: { lastConfirmedOn: TODAY } }]);

    const need = await insertNeed(db.dataSource, m, { lastConfirmedOn: '2023-05-01' });
    expect(await needs.confirm(ctx, need.key, 1)).toMatchObject({ lastConfirmedOn: TODAY, status: 'OPEN' });
    const p = await insertPartnership(db.dataSource, { lastConfirmedOn: '2023-05-01', members: [{ municipality: m }] });
    expect(await partnerships.confirm(ctx, p.key, 1)).toMatchObject({ lastConfirmedOn: TODAY, status: 'ACTIVE' });
    expect((await audit('partnership', p.key)).map((a) => a.action)).toEqual(['confirm']);
  });

  it('changing expertise confirms the profile without bumping its version', async () => {
    await insertMunicipality(db.dataSource, { key: 'kagoshima', lastConfirmedOn: '2022-02-02' });
    await expertise.set(ctx, { municipality: 'kagoshima', topic: 'nrw.leak-detection', level: 3 });
    expect(await row('municipality', 'kagoshima')).toEqual({ confirmed: TODAY, version: 1 });
  });
});

describe('freshness filter', () => {
  it('lists exactly the records freshnessOf puts in each class, boundary days included', async () => {
    const bounds = freshnessBounds(TODAY);
    const days = ['2024-11-30', '2024-12-01', '2025-11-30', '2025-12-01', '2026-12-01'];
    for (const [i, d] of days.entries()) await insertMunicipality(db.dataSource, { key: `fresh-${i}`, region: 'Boundary', lastConfirmedOn: d });
    for (const freshness of ['CURRENT', 'AGING', 'STALE'] as const) {
      const page = await queries.list(ctx, { region: 'Boundary', freshness }, pageRequest(100, null));
      const expected = days.flatMap((d, i) => (freshnessOf(d, TODAY) === freshness ? [`fresh-${i}`] : []));
      expect(page.items.map((m) => m.key), freshness).toEqual(expected);
    }
    expect(bounds).toEqual({ aging: '2025-12-01', stale: '2024-12-01' });
  });
});
