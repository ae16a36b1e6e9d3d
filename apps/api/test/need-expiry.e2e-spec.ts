import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '@kakehashi/auth';
import { CalendarService, effectiveNeedStatus } from '@kakehashi/directory';
import { sampleDirectoryPath } from '@kakehashi/interchange';
import { Role, systemContext } from '@kakehashi/kernel';
import { startTestApi, type GraphQLResponse, type TestApi } from './api-harness';

/*
 * Issue 9, as a user saw it: on the sample directory Makassar's leakage need (expired 2026-03-31)
 * was listed by needs(filter: {status: OPEN}). Now no expired need reads as OPEN anywhere, and an
 * editor of the need's municipality can extend or reopen it.
 */
interface SampleNeed {
  key: string;
  municipality: string;
  status?: string;
  expiresOn?: string | null;
}
const sample: { needs: SampleNeed[] } = JSON.parse(readFileSync(sampleDirectoryPath(), 'utf8'));

let api: TestApi;
let today: string;
const token: Record<string, string> = {};
const NEEDS = `query($f: NeedFilter, $after: String) { needs(filter: $f, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { key status expiresOn } } } }`;
type NeedNode = { key: string; status: string; expiresOn: string | null };

async function allNeeds(filter: Record<string, unknown>): Promise<NeedNode[]> {
  const nodes: NeedNode[] = [];
  for (let after: string | null = null; ; ) {
    const res: GraphQLResponse<{ needs: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: NeedNode }[] } }> = await api.gql(NEEDS, { f: filter, after });
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data!.needs.edges.map((e) => e.node));
    if (!res.data!.needs.pageInfo.hasNextPage) return nodes;
    after = res.data!.needs.pageInfo.endCursor;
  }
}
const expected = (status: string) =>
  sample.needs
    .filter((n) => effectiveNeedStatus({ status: n.status ?? 'OPEN', expiresOn: n.expiresOn ?? null }, today) === status)
    .map((n) => n.key)
    .sort();

beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  today = api.app.get(CalendarService).today();
  const accounts = api.app.get(AccountService);
  await accounts.create(systemContext('expiry-spec'), { email: 'editor.makassar@expiry.example', password: 'makassar-editor-password', role: Role.EDITOR, municipalityKeys: ['makassar'] });
  for (const [who, email, password] of [
    ['makassar', 'editor.makassar@expiry.example', 'makassar-editor-password'],
    ['kawasaki', 'editor.kawasaki@demo.kakehashi.example', 'kawasaki-demo-editor'],
  ] as const) {
    const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
    token[who] = res.data!.login.accessToken;
  }
}, 120_000);
afterAll(() => api?.close());

describe('expired needs on the sample directory', () => {
  it('the sample has needs that have expired by now, Makassar’s leakage need among them', () => {
    expect(expected('EXPIRED')).toContain('makassar-leakage');
  });

  it('needs(filter: {status: OPEN}) never returns an expired need', async () => {
    const open = await allNeeds({ status: 'OPEN' });
    expect(open.map((n) => n.key).sort()).toEqual(expected('OPEN'));
    expect(open.filter((n) => n.status !== 'OPEN' || (n.expiresOn !== null && n.expiresOn < today))).toEqual([]);
    expect(open.map((n) => n.key)).not.toContain('makassar-leakage');
  });

  it('needs(filter: {status: EXPIRED}) lists exactly the open needs past their expiresOn, each reading EXPIRED', async () => {
    const expired = await allNeeds({ status: 'EXPIRED' });
    expect(expired.map((n) => n.key).sort()).toEqual(expected('EXPIRED'));
    expect(expired.every((n) => n.status === 'EXPIRED' && n.expiresOn! < today)).toBe(true);
  });

  it('reads as EXPIRED on the need, on its municipality and in search', async () => {
    const res = await api.gql<{ need: { status: string }; municipality: { needs: { key: string; status: string }[] }; search: { key: string; needStatus: string | null }[] }>(
      `{ need(key: "makassar-leakage") { status } municipality(key: "makassar") { needs { key status } } search(text: "makassar leakage", first: 10) { key needStatus } }`,
    );
    expect(res.data!.need.status).toBe('EXPIRED');
    expect(res.data!.municipality.needs.find((n) => n.key === 'makassar-leakage')!.status).toBe('EXPIRED');
    expect(res.data!.search.find((h) => h.key === 'makassar-leakage')!.needStatus).toBe('EXPIRED');
  });
});

describe('extending and reopening', () => {
  const version = async (key: string) => (await api.gql<{ need: { version: number } }>('query($k: String!) { need(key: $k) { version } }', { k: key })).data!.need.version;
  const EXTEND = 'mutation($i: ExtendNeedInput!) { extendNeed(input: $i) { key status expiresOn } }';
  const REOPEN = 'mutation($i: ReopenNeedInput!) { reopenNeed(input: $i) { key status expiresOn } }';

  it('an editor of another municipality may not extend it; the need stays expired', async () => {
    const res = await api.gql(EXTEND, { i: { key: 'makassar-leakage', version: await version('makassar-leakage'), expiresOn: '2099-03-31' } }, token['kawasaki']);
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql<{ need: { status: string } }>(`{ need(key: "makassar-leakage") { status } }`)).data!.need.status).toBe('EXPIRED');
  });

  it('refuses a new last day that has passed, naming input.expiresOn', async () => {
    const res = await api.gql(EXTEND, { i: { key: 'makassar-leakage', version: await version('makassar-leakage'), expiresOn: '2026-04-01' } }, token['makassar']);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IN_THE_PAST', details: [{ path: 'input.expiresOn' }] });
  });

  it('Makassar’s editor extends its need: it reads OPEN and is listed as open again, audited with the editor', async () => {
    // The other tests read this need as expired: put its last day back afterwards, whatever the order.
    const db = api.app.get(DataSource);
    const [{ expires_on: lastDay }] = await db.query(`SELECT expires_on::text FROM need WHERE key = 'makassar-leakage'`);
    try {
      const res = await api.gql<{ extendNeed: NeedNode }>(EXTEND, { i: { key: 'makassar-leakage', version: await version('makassar-leakage'), expiresOn: '2099-03-31' } }, token['makassar']);
      expect(res.errors).toBeUndefined();
      expect(res.data!.extendNeed).toEqual({ key: 'makassar-leakage', status: 'OPEN', expiresOn: '2099-03-31' });
      expect((await allNeeds({ status: 'OPEN' })).map((n) => n.key)).toContain('makassar-leakage');
      const entries = await db.query(
        `SELECT a.action, u.email FROM audit_log a JOIN app_user u ON u.id::text = a.actor_id WHERE a.entity = 'need' AND a.entity_key = 'makassar-leakage' AND a.action = 'extend'`,
      );
      expect(entries).toEqual([{ action: 'extend', email: 'editor.makassar@expiry.example' }]);
    } finally {
      await db.query(`UPDATE need SET expires_on = $1 WHERE key = 'makassar-leakage'`, [lastDay]);
    }
  });

  it('reopens a closed need of its municipality, and refuses to reopen one that is open', async () => {
    const closed = sample.needs.find((n) => n.status === 'CLOSED')!;
    const res = await api.gql<{ reopenNeed: NeedNode }>(REOPEN, { i: { key: closed.key, version: await version(closed.key), expiresOn: null } });
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const mine = await api.gql<{ reopenNeed: NeedNode }>(REOPEN, { i: { key: 'makassar-dma', version: await version('makassar-dma') } }, token['makassar']);
    expect(mine.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_OPEN' });
  });

  it('refuses EXPIRED as a status to set, naming input.status', async () => {
    const res = await api.gql('mutation { createNeed(input: { key: "set-expired", municipality: "makassar", title: "x", status: EXPIRED }) { key } }', {}, token['makassar']);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'input.status' }] });
  });
});
