import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, CalendarService, effectiveNeedStatus } from '@kakehashi/directory';
import { sampleDirectoryPath } from '@kakehashi/interchange';
import { startTestApi, type GraphQLResponse, type TestApi } from './api-harness';

/*
 * The upkeep list over GraphQL, as a coordinator uses it on the sample directory: what to chase and
 * who can fix it. Only coordinators (and administrators) may ask.
 */
interface Item {
  key: string;
  kind: string;
  date: string;
  days: number;
  detail: string;
  fixers: { email: string; municipalityKey: string }[];
  municipalities: { key: string }[];
}
interface Upkeep {
  asOf: string;
  staleProfiles: { totalCount: number; items: Item[] };
  expiredNeeds: { totalCount: number; items: Item[] };
  expiringNeeds: { totalCount: number; items: Item[] };
  partnershipsPastEnd: { totalCount: number; items: Item[] };
  overdueIntroductions: { totalCount: number; items: Item[] };
}
const ITEM = 'totalCount items(first: 100) { key kind date days detail fixers { email municipalityKey } municipalities { key } }';
const UPKEEP = `{ upkeep { asOf staleProfiles { ${ITEM} } expiredNeeds { ${ITEM} } expiringNeeds { ${ITEM} } partnershipsPastEnd { ${ITEM} } overdueIntroductions { ${ITEM} } } }`;
const sample: { needs: { key: string; status?: string; expiresOn?: string | null }[] } = JSON.parse(readFileSync(sampleDirectoryPath(), 'utf8'));

let api: TestApi;
let ds: DataSource;
let today: string;
const token: Record<string, string> = {};

async function login(email: string, password: string): Promise<string> {
  const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
  return res.data!.login.accessToken;
}

beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  ds = api.app.get(DataSource);
  today = api.app.get(CalendarService).today();
  token['coordinator'] = await login('coordinator@demo.kakehashi.example', 'jica-demo-coordinator');
  token['editor'] = await login('editor.kawasaki@demo.kakehashi.example', 'kawasaki-demo-editor');
}, 120_000);
afterAll(() => api?.close());

const upkeep = async (): Promise<Upkeep> => {
  const res = await api.gql<{ upkeep: Upkeep }>(UPKEEP, {}, token['coordinator']);
  expect(res.errors).toBeUndefined();
  return res.data!.upkeep;
};

describe('upkeep on the sample directory', () => {
  it('lists every sample need that has expired, and those expiring within 30 days', async () => {
    const u = await upkeep();
    expect(u.asOf).toBe(today);
    const status = (n: (typeof sample.needs)[number]) => effectiveNeedStatus({ status: n.status ?? 'OPEN', expiresOn: n.expiresOn ?? null }, today);
    expect(u.expiredNeeds.items.map((i) => i.key).sort()).toEqual(sample.needs.filter((n) => status(n) === 'EXPIRED').map((n) => n.key).sort());
    expect(u.expiredNeeds.items.map((i) => i.key)).toContain('makassar-leakage');
    const soon = sample.needs.filter((n) => status(n) === 'OPEN' && n.expiresOn && n.expiresOn <= addDays(today, 30)).map((n) => n.key);
    expect(u.expiringNeeds.items.map((i) => i.key).sort()).toEqual(soon.sort());
    const makassar = u.expiredNeeds.items.find((i) => i.key === 'makassar-leakage')!;
    expect(makassar).toMatchObject({ kind: 'EXPIRED_NEED', date: '2026-03-31', municipalities: [{ key: 'makassar' }], fixers: [] });
    expect(makassar.detail).toMatch(/extend it/);
  });

  it('names the editor who can fix a stale profile', async () => {
    await ds.query(`UPDATE municipality SET last_confirmed_on = $1::date - interval '30 months' WHERE key = 'kawasaki'`, [today]);
    const item = (await upkeep()).staleProfiles.items.find((i) => i.key === 'kawasaki')!;
    expect(item.kind).toBe('STALE_PROFILE');
    expect(item.fixers).toEqual([{ email: 'editor.kawasaki@demo.kakehashi.example', municipalityKey: 'kawasaki' }]);
  });

  it('lists an introduction nobody answered for 30 days, for the side asked, and flags it as overdue', async () => {
    const [{ id }] = await ds.query(
      `INSERT INTO introduction (list, requester_id, candidate_id, requested_by, created_at)
       SELECT 'PEER', r.id, c.id, 'spec', now() - interval '40 days' FROM municipality r, municipality c WHERE r.key = 'kurume' AND c.key = 'kawasaki' RETURNING id`,
    );
    const item = (await upkeep()).overdueIntroductions.items.find((i) => i.key === id)!;
    expect(item).toMatchObject({ kind: 'OVERDUE_INTRODUCTION', municipalities: [{ key: 'kawasaki' }], fixers: [{ email: 'editor.kawasaki@demo.kakehashi.example' }] });
    expect(item.days).toBeGreaterThanOrEqual(39);
    const listed = await api.gql<{ introductions: { id: string; overdue: boolean }[] }>('{ introductions(municipalityKey: "kawasaki") { id overdue } }', {}, token['editor']);
    expect(listed.data!.introductions.find((i) => i.id === id)!.overdue).toBe(true);
  });

  it('is for coordinators only: the public is UNAUTHENTICATED, an editor FORBIDDEN', async () => {
    const codes = async (t?: string) => ((await api.gql(UPKEEP, {}, t)) as GraphQLResponse).errors?.[0]?.extensions?.code;
    expect(await codes()).toBe('UNAUTHENTICATED');
    expect(await codes(token['editor'])).toBe('FORBIDDEN');
  });
});
