import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '@kakehashi/directory';
import { insertMunicipality, insertPartnership } from '@kakehashi/testing';
import { startTestApi, type TestApi } from './api-harness';

/*
 * Freshness over GraphQL on the sample directory: every record says when a person last confirmed
 * it and how fresh that is; editors confirm what is still true; ACTIVE partnerships past their end
 * year are flagged.
 */
let api: TestApi;
let ds: DataSource;
let today: string;
let editor: string;

beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  ds = api.app.get(DataSource);
  today = api.app.get(CalendarService).today();
  const res = await api.gql<{ login: { accessToken: string } }>('mutation { login(input: { email: "editor.kawasaki@demo.kakehashi.example", password: "kawasaki-demo-editor" }) { accessToken } }');
  editor = res.data!.login.accessToken;
}, 120_000);
afterAll(() => api?.close());

const municipality = async (key: string) =>
  (await api.gql<{ municipality: { lastConfirmedOn: string; freshness: string; version: number } }>('query($k: String!) { municipality(key: $k) { lastConfirmedOn freshness version } }', { k: key })).data!.municipality;

describe('freshness', () => {
  it('the sample, loaded today, is CURRENT everywhere, with lastConfirmedOn today', async () => {
    const res = await api.gql<{ municipality: { lastConfirmedOn: string; freshness: string; needs: { freshness: string }[]; partnerships: { lastConfirmedOn: string; freshness: string }[] } }>(
      `{ municipality(key: "kawasaki") { lastConfirmedOn freshness needs { freshness } partnerships { lastConfirmedOn freshness } } }`,
    );
    const m = res.data!.municipality;
    expect(m).toMatchObject({ lastConfirmedOn: today, freshness: 'CURRENT' });
    expect(m.partnerships.length).toBeGreaterThan(0);
    expect(m.partnerships.every((p) => p.lastConfirmedOn === today && p.freshness === 'CURRENT')).toBe(true);
  });

  it('a profile nobody confirmed for two years reads STALE and is found by the filter; its editor confirms it', async () => {
    await ds.query(`UPDATE municipality SET last_confirmed_on = $1::date - interval '25 months' WHERE key = 'kawasaki'`, [today]);
    expect((await municipality('kawasaki')).freshness).toBe('STALE');
    const stale = await api.gql<{ municipalities: { edges: { node: { key: string } }[] } }>(`{ municipalities(filter: { freshness: STALE }, first: 100) { edges { node { key } } } }`);
    expect(stale.data!.municipalities.edges.map((e) => e.node.key)).toEqual(['kawasaki']);

    const before = await municipality('kawasaki');
    const res = await api.gql<{ confirmMunicipality: { lastConfirmedOn: string; freshness: string; version: number } }>(
      'mutation($i: ConfirmInput!) { confirmMunicipality(input: $i) { lastConfirmedOn freshness version } }',
      { i: { key: 'kawasaki', version: before.version } },
      editor,
    );
    expect(res.data!.confirmMunicipality).toEqual({ lastConfirmedOn: today, freshness: 'CURRENT', version: before.version + 1 });
  });

  it('an editor confirms only its own records', async () => {
    const yokohama = await municipality('yokohama');
    const res = await api.gql('mutation($i: ConfirmInput!) { confirmMunicipality(input: $i) { key } }', { i: { key: 'yokohama', version: yokohama.version } }, editor);
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('flags an ACTIVE partnership once its end year is over', async () => {
    const year = Number(today.slice(0, 4));
    const m = await insertMunicipality(ds);
    const over = await insertPartnership(ds, { status: 'ACTIVE', startYear: year - 3, endYear: year - 1, members: [{ municipality: m }] });
    const running = await insertPartnership(ds, { status: 'ACTIVE', startYear: year - 3, endYear: year, members: [{ municipality: m }] });
    const done = await insertPartnership(ds, { status: 'COMPLETED', startYear: year - 3, endYear: year - 1, members: [{ municipality: m }] });
    const res = await api.gql<{ municipality: { partnerships: { key: string; pastEnd: boolean }[] } }>('query($k: String!) { municipality(key: $k) { partnerships { key pastEnd } } }', { k: m.key });
    expect(Object.fromEntries(res.data!.municipality.partnerships.map((p) => [p.key, p.pastEnd]))).toEqual({ [over.key]: true, [running.key]: false, [done.key]: false });
  });
});
