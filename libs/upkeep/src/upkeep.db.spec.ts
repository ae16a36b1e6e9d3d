import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ENTITIES } from '@kakehashi/auth';
import { TransactionalConnection } from '@kakehashi/database';
import { CalendarService } from '@kakehashi/directory';
import { systemContext } from '@kakehashi/kernel';
import { createTestDatabase, insertMunicipality, insertNeed, insertPartnership, type TestDatabase } from '@kakehashi/testing';
import type { DataSource } from 'typeorm';
import { isOverdueIntroduction } from './overdue';
import { UpkeepService } from './upkeep.service';
import type { UpkeepReport, UpkeepSectionName } from './upkeep.types';

/*
 * The upkeep list on a real database, with the day pinned to 2026-12-01 in Tokyo: each section
 * lists exactly what it should (boundary days included), most overdue first, each item with the
 * enabled editors who can fix it.
 */
let db: TestDatabase;
let ds: DataSource;
let service: UpkeepService;
let report: UpkeepReport;
const ctx = systemContext('upkeep-spec');
const NOW = new Date('2026-12-01T03:00:00Z'); // 12:00 in Tokyo
const calendar = new CalendarService(null, () => NOW);

async function editor(email: string, municipalityId: string, disabled = false): Promise<void> {
  const [u] = await ds.query(`INSERT INTO app_user (email, role, disabled_at) VALUES ($1, 'EDITOR', $2) RETURNING id`, [email, disabled ? new Date() : null]);
  await ds.query(`INSERT INTO user_municipality (user_id, municipality_id) VALUES ($1, $2)`, [u.id, municipalityId]);
}
const introduce = (requester: { id: string }, candidate: { id: string }, at: string, status = 'REQUESTED') =>
  ds.query(
    `INSERT INTO introduction (list, requester_id, candidate_id, requested_by, created_at, status, decline_reason) VALUES ('PEER', $1, $2, 'spec', $3, $4, $5) RETURNING id`,
    [requester.id, candidate.id, at, status, status === 'DECLINED' ? 'TIMING' : null],
  );
const keys = (name: UpkeepSectionName) => report[name].items.map((i) => i.key);

let oita: { id: string; key: string };
let kurume: { id: string; key: string };
let overdueOnBoundary: string;

beforeAll(async () => {
  db = await createTestDatabase(AUTH_ENTITIES);
  ds = db.dataSource;
  service = new UpkeepService(new TransactionalConnection(ds), calendar);
  oita = await insertMunicipality(ds, { key: 'oita', name: 'Oita City', lastConfirmedOn: '2024-12-01' }); // 24 months to the day: stale
  kurume = await insertMunicipality(ds, { key: 'kurume', name: 'Kurume City', lastConfirmedOn: '2023-01-15' }); // staler, and nobody edits it
  await insertMunicipality(ds, { key: 'fukuoka', lastConfirmedOn: '2024-12-02' }); // a day short of stale
  await editor('editor.oita@example.org', oita.id);
  await editor('gone.oita@example.org', oita.id, true);

  await insertNeed(ds, oita, { key: 'oita-expired', expiresOn: '2026-11-30' });
  await insertNeed(ds, oita, { key: 'oita-last-day', expiresOn: '2026-12-01' });
  await insertNeed(ds, oita, { key: 'oita-in-30-days', expiresOn: '2026-12-31' });
  await insertNeed(ds, oita, { key: 'oita-in-31-days', expiresOn: '2027-01-01' });
  await insertNeed(ds, oita, { key: 'oita-closed', status: 'CLOSED', expiresOn: '2026-01-01' });
  await insertNeed(ds, kurume, { key: 'kurume-stale-need', lastConfirmedOn: '2024-06-01' });

  await insertPartnership(ds, { key: 'past-end', status: 'ACTIVE', endYear: 2025, members: [{ municipality: oita }, { municipality: kurume }] });
  await insertPartnership(ds, { key: 'ends-this-year', status: 'ACTIVE', endYear: 2026, members: [{ municipality: oita }] });
  await insertPartnership(ds, { key: 'completed-late', status: 'COMPLETED', endYear: 2020, members: [{ municipality: oita }] });

  // Requested on 1 Nov in Tokyo (23:30 JST = 14:30 UTC): 30 days ago, overdue. Half an hour later it is 2 Nov in Tokyo: not yet.
  [{ id: overdueOnBoundary }] = await introduce(kurume, oita, '2026-11-01T14:30:00Z');
  await introduce(oita, kurume, '2026-11-01T15:30:00Z');
  await introduce(kurume, oita, '2026-01-01T00:00:00Z', 'DECLINED');

  report = await service.report(ctx, 50);
});
afterAll(() => db?.drop());

describe('UpkeepService', () => {
  it('is made on the configured day, with the thresholds it used', () => {
    expect(report).toMatchObject({ asOf: '2026-12-01', timeZone: 'Asia/Tokyo', thresholds: { staleMonths: 24, expiringDays: 30, introductionDays: 30 } });
  });

  it('lists profiles unconfirmed for 24 months, stalest first, with their enabled editors (or none)', () => {
    expect(keys('staleProfiles')).toEqual(['kurume', 'oita']);
    const [k, o] = report.staleProfiles.items;
    expect(k!.fixers).toEqual([]);
    expect(o!.fixers.map((f) => f.email)).toEqual(['editor.oita@example.org']);
    expect(o).toMatchObject({ kind: 'STALE_PROFILE', recordType: 'MUNICIPALITY', date: '2024-12-01', days: 730, municipalityKeys: ['oita'] });
  });

  it('lists needs past their last day, and open needs whose last day is within 30 days', () => {
    expect(keys('expiredNeeds')).toEqual(['oita-expired']);
    expect(keys('expiringNeeds')).toEqual(['oita-last-day', 'oita-in-30-days']);
    expect(report.expiringNeeds.items.map((i) => i.days)).toEqual([0, -30]);
    expect(report.expiredNeeds.items[0]!.fixers.map((f) => f.email)).toEqual(['editor.oita@example.org']);
  });

  it('lists ACTIVE partnerships past their end year, fixable by any member’s editors', () => {
    expect(keys('partnershipsPastEnd')).toEqual(['past-end']);
    expect(report.partnershipsPastEnd.items[0]).toMatchObject({ date: '2025-12-31', municipalityKeys: ['oita', 'kurume'] });
    expect(report.partnershipsPastEnd.items[0]!.fixers.map((f) => f.municipalityKey)).toEqual(['oita']);
  });

  it('lists introductions unanswered for 30 days counted in Tokyo days, for the side asked to answer', () => {
    expect(keys('overdueIntroductions')).toEqual([overdueOnBoundary]);
    expect(report.overdueIntroductions.items[0]).toMatchObject({ date: '2026-11-01', days: 30, municipalityKeys: ['oita'], title: 'Kurume City asks to be introduced to Oita City' });
    expect(isOverdueIntroduction({ status: 'REQUESTED', createdAt: new Date('2026-11-01T14:30:00Z') }, '2026-12-01', 'Asia/Tokyo', 30)).toBe(true);
    expect(isOverdueIntroduction({ status: 'REQUESTED', createdAt: new Date('2026-11-01T15:30:00Z') }, '2026-12-01', 'Asia/Tokyo', 30)).toBe(false);
  });

  it('lists stale open needs', () => {
    expect(keys('staleNeeds')).toEqual(['kurume-stale-need']);
  });

  it('shows at most `first` items per section but counts them all, and refuses a bad size', async () => {
    const short = await service.report(ctx, 1);
    expect(short.staleProfiles).toMatchObject({ totalCount: 2, items: [{ key: 'kurume' }] });
    await expect(service.report(ctx, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'first' }] });
  });
});
