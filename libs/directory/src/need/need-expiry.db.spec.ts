import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from '@kakehashi/auth';
import { RecordAccess } from '../access/record-access';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { pageRequest, systemContext } from '@kakehashi/kernel';
import { createTestDatabase, insertMunicipality, insertNeed, type TestDatabase } from '@kakehashi/testing';
import { CalendarService } from '../calendar/calendar.service';
import { MunicipalityQueryService } from '../municipality/municipality-query.service';
import { SearchService } from '../search/search.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { NeedCommandService } from './need-command.service';
import { NeedQueryService } from './need-query.service';
import { effectiveNeedStatus, NeedStatusSql, type EffectiveNeedStatus } from './need-status';

/*
 * Expiry on a real database at the day boundary: a need whose last day is 2026-03-31 is OPEN until
 * midnight in Tokyo (15:00 UTC) and EXPIRED from then on — for the filter, search and the rule in SQL.
 */
let db: TestDatabase;
let conn: TransactionalConnection;
const ctx = systemContext('need-expiry-spec');
const LAST_MINUTE_IN_TOKYO = new Date('2026-03-31T14:59:59Z');
const FIRST_MINUTE_AFTER = new Date('2026-03-31T15:00:00Z');

const calendarAt = (at: Date, zone?: string) => new CalendarService(zone ? { TIME_ZONE: zone } : null, () => at);
function queries(at: Date, zone?: string): NeedQueryService {
  const taxonomy = new TaxonomyService(conn);
  return new NeedQueryService(conn, taxonomy, new MunicipalityQueryService(conn, taxonomy), calendarAt(at, zone));
}
function commands(at: Date): NeedCommandService {
  const taxonomy = new TaxonomyService(conn);
  return new NeedCommandService(conn, taxonomy, new MunicipalityQueryService(conn, taxonomy), new AuditService(conn), new RecordAccess(new AccessService(conn)), calendarAt(at));
}
const keysWith = async (service: NeedQueryService, status: EffectiveNeedStatus, municipality: string) =>
  (await service.list(ctx, { status, municipality }, pageRequest(100, null))).items.map((n) => n.key);

let makassar: { id: string; key: string };

beforeAll(async () => {
  db = await createTestDatabase();
  conn = new TransactionalConnection(db.dataSource);
  makassar = await insertMunicipality(db.dataSource, { key: 'makassar', name: 'Makassar', country: 'ID' });
  await insertNeed(db.dataSource, makassar, { key: 'makassar-leakage', title: 'Reduce underground leakage', expiresOn: '2026-03-31' });
  await insertNeed(db.dataSource, makassar, { key: 'makassar-dma', title: 'District metered areas', expiresOn: null });
  await insertNeed(db.dataSource, makassar, { key: 'makassar-meters', title: 'Meters', status: 'MATCHED', expiresOn: '2020-01-01' });
});
afterAll(() => db?.drop());

describe('need expiry at the day boundary (Asia/Tokyo)', () => {
  it('lists the need as OPEN until its last day ends in Tokyo, then only as EXPIRED', async () => {
    const before = queries(LAST_MINUTE_IN_TOKYO);
    expect(await keysWith(before, 'OPEN', 'makassar')).toEqual(['makassar-dma', 'makassar-leakage']);
    expect(await keysWith(before, 'EXPIRED', 'makassar')).toEqual([]);
    const after = queries(FIRST_MINUTE_AFTER);
    expect(await keysWith(after, 'OPEN', 'makassar')).toEqual(['makassar-dma']);
    expect(await keysWith(after, 'EXPIRED', 'makassar')).toEqual(['makassar-leakage']);
    expect(await keysWith(after, 'MATCHED', 'makassar')).toEqual(['makassar-meters']);
  });

  it('follows the configured zone: in UTC the same instant is still the last day', async () => {
    expect(await keysWith(queries(FIRST_MINUTE_AFTER, 'UTC'), 'OPEN', 'makassar')).toContain('makassar-leakage');
  });

  it('gives search hits the status the need reads as', async () => {
    const hits = async (at: Date) => new SearchService(conn, calendarAt(at)).search(ctx, 'leakage', 5);
    expect((await hits(LAST_MINUTE_IN_TOKYO)).find((h) => h.key === 'makassar-leakage')?.needStatus).toBe('OPEN');
    expect((await hits(FIRST_MINUTE_AFTER)).find((h) => h.key === 'makassar-leakage')?.needStatus).toBe('EXPIRED');
  });

  it('agrees in SQL and in TypeScript for every status, day and expiry', async () => {
    const cases = (['OPEN', 'MATCHED', 'CLOSED'] as const).flatMap((status) =>
      [null, '2026-03-30', '2026-03-31', '2026-04-01'].flatMap((expiresOn) => ['2026-03-31', '2026-04-01'].map((today) => ({ status, expiresOn, today }))),
    );
    const rows: { effective: string; open: boolean; expired: boolean }[] = await db.dataSource.query(
      `SELECT ${NeedStatusSql.effective('n', 'n.today')} AS effective, ${NeedStatusSql.is('n', 'OPEN', 'n.today')} AS open, ${NeedStatusSql.is('n', 'EXPIRED', 'n.today')} AS expired
         FROM json_to_recordset($1::json) AS n(status need_status, expires_on date, today date, i int) ORDER BY n.i`,
      [JSON.stringify(cases.map((c, i) => ({ status: c.status, expires_on: c.expiresOn, today: c.today, i })))],
    );
    const expected = cases.map((c) => effectiveNeedStatus(c, c.today));
    expect(rows.map((r) => r.effective)).toEqual(expected);
    expect(rows.map((r) => r.open)).toEqual(expected.map((s) => s === 'OPEN'));
    expect(rows.map((r) => r.expired)).toEqual(expected.map((s) => s === 'EXPIRED'));
  });
});

describe('extending and reopening a need', () => {
  const need = async (key: string) => (await db.dataSource.query(`SELECT status, to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", version FROM need WHERE key = $1`, [key]))[0];
  const audit = async (key: string) => (await db.dataSource.query(`SELECT action FROM audit_log WHERE entity = 'need' AND entity_key = $1 ORDER BY at, id`, [key])).map((r: { action: string }) => r.action);

  it('extends an expired need to a new last day: it reads as OPEN again, audited as extend', async () => {
    await insertNeed(db.dataSource, makassar, { key: 'extend-me', expiresOn: '2026-03-31' });
    const extended = await commands(FIRST_MINUTE_AFTER).extend(ctx, { key: 'extend-me', version: 1, expiresOn: '2026-09-30' });
    expect(effectiveNeedStatus(extended, '2026-04-01')).toBe('OPEN');
    expect(await need('extend-me')).toMatchObject({ status: 'OPEN', expiresOn: '2026-09-30', version: 2 });
    expect(await audit('extend-me')).toEqual(['extend']);
  });

  it('refuses a last day that has passed, naming input.expiresOn, and changes nothing', async () => {
    await insertNeed(db.dataSource, makassar, { key: 'not-backwards', expiresOn: '2026-03-31' });
    await expect(commands(FIRST_MINUTE_AFTER).extend(ctx, { key: 'not-backwards', version: 1, expiresOn: '2026-03-31' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IN_THE_PAST',
      details: [{ path: 'input.expiresOn', message: expect.stringContaining('2026-04-01 or later') }],
    });
    expect(await need('not-backwards')).toMatchObject({ version: 1, expiresOn: '2026-03-31' });
  });

  it('reopens a closed need with a new last day, and an expired one only with a new day', async () => {
    await insertNeed(db.dataSource, makassar, { key: 'reopen-closed', status: 'CLOSED', expiresOn: null });
    await commands(FIRST_MINUTE_AFTER).reopen(ctx, { key: 'reopen-closed', version: 1, expiresOn: '2026-12-31' });
    expect(await need('reopen-closed')).toMatchObject({ status: 'OPEN', expiresOn: '2026-12-31' });
    expect(await audit('reopen-closed')).toEqual(['reopen']);

    await insertNeed(db.dataSource, makassar, { key: 'reopen-expired', expiresOn: '2026-03-31' });
    await expect(commands(FIRST_MINUTE_AFTER).reopen(ctx, { key: 'reopen-expired', version: 1 })).rejects.toMatchObject({ reason: 'IN_THE_PAST' });
    await commands(FIRST_MINUTE_AFTER).reopen(ctx, { key: 'reopen-expired', version: 1, expiresOn: null });
    expect(await need('reopen-expired')).toMatchObject({ status: 'OPEN', expiresOn: null });
  });

  it('does not reopen a need that is open, nor extend a closed one', async () => {
    await insertNeed(db.dataSource, makassar, { key: 'open-already', expiresOn: null });
    await expect(commands(FIRST_MINUTE_AFTER).reopen(ctx, { key: 'open-already', version: 1 })).rejects.toMatchObject({ reason: 'ALREADY_OPEN' });
    await insertNeed(db.dataSource, makassar, { key: 'closed-one', status: 'CLOSED' });
    await expect(commands(FIRST_MINUTE_AFTER).extend(ctx, { key: 'closed-one', version: 1, expiresOn: null })).rejects.toMatchObject({ reason: 'NOT_OPEN' });
  });

  it('refuses EXPIRED as a status to set: it follows from expiresOn', async () => {
    await expect(commands(FIRST_MINUTE_AFTER).create(ctx, { key: 'set-expired', municipality: 'makassar', title: 'x', status: 'EXPIRED' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'input.status' }],
    });
    expect(await need('set-expired')).toBeUndefined();
  });
});
