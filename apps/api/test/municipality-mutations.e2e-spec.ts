import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { insertExpertise, insertMunicipality, insertNeed, uniqueKey } from '@kakehashi/testing';
import { startTestApi, TEST_ADMIN_TOKEN, type GraphQLResponse, type TestApi } from './api-harness';

let api: TestApi;
let ds: DataSource;
beforeAll(async () => {
  api = await startTestApi();
  ds = api.app.get(DataSource);
});
afterAll(() => api?.close());

interface AuditRow {
  action: string;
  actor_id: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const auditOf = (entity: string, key: string): Promise<AuditRow[]> =>
  ds.query('SELECT action, actor_id, request_id, before, after FROM audit_log WHERE entity = $1 AND entity_key = $2 ORDER BY at, id', [entity, key]);
const count = async (table: string): Promise<number> => Number((await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

const error = (res: GraphQLResponse<unknown>) => ({
  code: res.errors?.[0]?.extensions?.code,
  reason: res.errors?.[0]?.extensions?.reason,
  paths: res.errors?.[0]?.extensions?.details?.map((d) => d.path).sort(),
});

const CREATE = `mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id key name nameJa kind country population latitude languages capacity overseasExperience website contactEmail provenance source version } }`;
const UPDATE = `mutation($input: UpdateMunicipalityInput!) { updateMunicipality(input: $input) { key name region population version } }`;
const DELETE = `mutation($key: String!, $version: Int!) { deleteMunicipality(key: $key, version: $version) }`;
const SET_EXPERTISE = `mutation($input: SetExpertiseInput!) { setExpertise(input: $input) { level evidence version topic { key } municipality { key } } }`;
const REMOVE_EXPERTISE = `mutation($m: String!, $t: String!) { removeExpertise(municipality: $m, topic: $t) }`;

const newCity = (overrides: Record<string, unknown> = {}) => ({ key: uniqueKey('city'), name: 'Hamamatsu City', kind: 'LOCAL_GOVERNMENT', country: 'JP', ...overrides });

describe('createMunicipality', () => {
  it('creates with every field and writes an audit entry with the actor and request', async () => {
    const input = newCity({ nameJa: '浜松市', population: 790000, latitude: 34.71, languages: ['ja', 'en'], capacity: 2, overseasExperience: 'SOME', website: 'https://example.org', contactEmail: 'water@example.org', provenance: 'ILLUSTRATIVE', source: 'test' });
    const res = await api.gql<{ createMunicipality: Record<string, unknown> }>(CREATE, { input }, TEST_ADMIN_TOKEN);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createMunicipality).toMatchObject({ ...input, version: 1 });
    const [entry, ...more] = await auditOf('municipality', input.key);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', actor_id: expect.any(String), request_id: expect.any(String), before: null, after: { key: input.key, nameJa: '浜松市', version: 1 } });
  });

  it('refuses a taken key with CONFLICT naming input.key', async () => {
    const existing = await insertMunicipality(ds);
    const res = await api.gql(CREATE, { input: newCity({ key: existing.key }) }, TEST_ADMIN_TOKEN);
    expect(error(res)).toEqual({ code: 'CONFLICT', reason: 'DUPLICATE_KEY', paths: ['input.key'] });
    expect(await auditOf('municipality', existing.key)).toEqual([]);
  });

  it.each([
    [{ key: 'Not A Slug' }, 'input.key'],
    [{ key: 'a'.repeat(101) }, 'input.key'],
    [{ name: '  ' }, 'input.name'],
    [{ country: 'jp' }, 'input.country'],
    [{ country: 'JPN' }, 'input.country'],
    [{ population: -1 }, 'input.population'],
    [{ latitude: 90.5 }, 'input.latitude'],
    [{ longitude: -181 }, 'input.longitude'],
    [{ capacity: -1 }, 'input.capacity'],
    [{ languages: ['Japanese'] }, 'input.languages.0'],
    [{ contactEmail: 'not-an-email' }, 'input.contactEmail'],
    [{ website: 'javascript:alert(1)' }, 'input.website'],
  ])('refuses %o with BAD_USER_INPUT naming %s and writes nothing', async (bad, path) => {
    const [municipalities, audits] = [await count('municipality'), await count('audit_log')];
    const res = await api.gql(CREATE, { input: newCity(bad) }, TEST_ADMIN_TOKEN);
    expect(error(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
    expect([await count('municipality'), await count('audit_log')]).toEqual([municipalities, audits]);
  });

  it('names a bad enum value in the error', async () => {
    const res = await api.gql(CREATE, { input: newCity({ kind: 'CITY' }) }, TEST_ADMIN_TOKEN);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/kind/);
  });

  it('is refused without a token (UNAUTHENTICATED) and with a bad one, writing nothing', async () => {
    const input = newCity();
    expect(error(await api.gql(CREATE, { input }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(error(await api.gql(CREATE, { input }, 'not-the-admin-token-at-all'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await api.gql(`{ municipality(key: "${input.key}") { key } }`)).toMatchObject({ data: { municipality: null } });
  });
});

describe('updateMunicipality', () => {
  it('changes what was sent, clears what was nulled, keeps the rest, bumps the version and audits before/after', async () => {
    const m = await insertMunicipality(ds, { name: 'Old Name', region: 'Chubu', population: 100 });
    const res = await api.gql<{ updateMunicipality: unknown }>(UPDATE, { input: { key: m.key, version: m.version, name: 'New Name', region: null } }, TEST_ADMIN_TOKEN);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMunicipality).toEqual({ key: m.key, name: 'New Name', region: null, population: 100, version: m.version + 1 });
    const [entry] = await auditOf('municipality', m.key);
    expect(entry).toMatchObject({ action: 'update', before: { name: 'Old Name', region: 'Chubu', version: 1 }, after: { name: 'New Name', region: null, version: 2 } });
  });

  it('lets exactly one of two concurrent updates from the same version win; the other is CONFLICT and leaves no audit entry', async () => {
    const m = await insertMunicipality(ds);
    const results = await Promise.all(
      ['First', 'Second'].map((name) => api.gql<{ updateMunicipality: { name: string } }>(UPDATE, { input: { key: m.key, version: m.version, name } }, TEST_ADMIN_TOKEN)),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => error(r))).toEqual([{ code: 'CONFLICT', reason: 'STALE_VERSION', paths: undefined }]);
    const entries = await auditOf('municipality', m.key);
    expect(entries.map((e) => e.after?.['name'])).toEqual([winners[0]!.data!.updateMunicipality.name]);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const m = await insertMunicipality(ds, { name: 'Kept' });
    await api.gql(UPDATE, { input: { key: m.key, version: 1, population: 5 } }, TEST_ADMIN_TOKEN);
    const res = await api.gql(UPDATE, { input: { key: m.key, version: 1, name: 'Lost' } }, TEST_ADMIN_TOKEN);
    expect(error(res)).toMatchObject({ code: 'CONFLICT' });
    expect((await api.gql(`{ municipality(key: "${m.key}") { name version } }`)).data).toEqual({ municipality: { name: 'Kept', version: 2 } });
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    expect(error(await api.gql(UPDATE, { input: { key: 'atlantis', version: 1, name: 'X' } }, TEST_ADMIN_TOKEN))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    [{ name: null }, 'input.name'],
    [{ kind: null }, 'input.kind'],
    [{ country: null }, 'input.country'],
    [{ latitude: -91 }, 'input.latitude'],
    [{ version: 0 }, 'input.version'],
  ])('refuses %o naming %s', async (bad, path) => {
    const m = await insertMunicipality(ds);
    const res = await api.gql(UPDATE, { input: { key: m.key, version: m.version, ...bad } }, TEST_ADMIN_TOKEN);
    expect(error(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
    expect(await auditOf('municipality', m.key)).toEqual([]);
  });
});

describe('deleteMunicipality', () => {
  it('deletes with its expertise and needs, and audits what was there', async () => {
    const m = await insertMunicipality(ds);
    await insertExpertise(ds, m, 'nrw');
    const need = await insertNeed(ds, m);
    const res = await api.gql(DELETE, { key: m.key, version: m.version }, TEST_ADMIN_TOKEN);
    expect(res).toMatchObject({ data: { deleteMunicipality: true } });
    expect((await api.gql(`{ municipality(key: "${m.key}") { key } need(key: "${need.key}") { key } }`)).data).toEqual({ municipality: null, need: null });
    expect(await auditOf('municipality', m.key)).toMatchObject([{ action: 'delete', before: { key: m.key }, after: null }]);
  });

  it('refuses a stale version (CONFLICT) and an unknown key (NOT_FOUND)', async () => {
    const m = await insertMunicipality(ds);
    expect(error(await api.gql(DELETE, { key: m.key, version: m.version + 1 }, TEST_ADMIN_TOKEN))).toMatchObject({ code: 'CONFLICT' });
    expect(error(await api.gql(DELETE, { key: 'atlantis', version: 1 }, TEST_ADMIN_TOKEN))).toMatchObject({ code: 'NOT_FOUND' });
    expect(error(await api.gql(DELETE, { key: m.key, version: m.version }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await auditOf('municipality', m.key)).toEqual([]);
  });
});

describe('setExpertise / removeExpertise', () => {
  it('creates, then replaces, the entry of a municipality on a topic', async () => {
    const m = await insertMunicipality(ds);
    const created = await api.gql<{ setExpertise: { version: number } }>(SET_EXPERTISE, { input: { municipality: m.key, topic: 'nrw.metering', level: 2, evidence: 'meters' } }, TEST_ADMIN_TOKEN);
    expect(created.data!.setExpertise).toEqual({ level: 2, evidence: 'meters', version: 1, topic: { key: 'nrw.metering' }, municipality: { key: m.key } });
    const replaced = await api.gql(SET_EXPERTISE, { input: { municipality: m.key, topic: 'nrw.metering', level: 4, version: 1 } }, TEST_ADMIN_TOKEN);
    expect(replaced.data).toEqual({ setExpertise: { level: 4, evidence: null, version: 2, topic: { key: 'nrw.metering' }, municipality: { key: m.key } } });
    expect((await auditOf('expertise', `${m.key}/nrw.metering`)).map((e) => [e.action, e.before?.['level'] ?? null, e.after?.['level']])).toEqual([
      ['set', null, 2],
      ['set', 2, 4],
    ]);
  });

  it('refuses a stale version, an unknown topic, a level outside 1–5 and an unknown municipality', async () => {
    const m = await insertMunicipality(ds);
    await insertExpertise(ds, m, 'nrw', { level: 3 });
    const set = (input: Record<string, unknown>) => api.gql(SET_EXPERTISE, { input: { municipality: m.key, topic: 'nrw', level: 3, ...input } }, TEST_ADMIN_TOKEN);
    expect(error(await set({ version: 7 }))).toMatchObject({ code: 'CONFLICT' });
    expect(error(await set({ topic: 'nrw.nope' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERENCE', paths: ['input.topic'] });
    expect(error(await set({ level: 6 }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.level'] });
    expect(error(await set({ level: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.level'] });
    expect(error(await set({ municipality: 'atlantis' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditOf('expertise', `${m.key}/nrw`)).toEqual([]);
  });

  it('removes an entry, and answers NOT_FOUND for one that is not there', async () => {
    const m = await insertMunicipality(ds);
    await insertExpertise(ds, m, 'sewerage');
    expect((await api.gql(REMOVE_EXPERTISE, { m: m.key, t: 'sewerage' }, TEST_ADMIN_TOKEN)).data).toEqual({ removeExpertise: true });
    expect((await api.gql<{ municipality: { expertise: unknown[] } }>(`{ municipality(key: "${m.key}") { expertise { level } } }`)).data!.municipality.expertise).toEqual([]);
    expect(error(await api.gql(REMOVE_EXPERTISE, { m: m.key, t: 'sewerage' }, TEST_ADMIN_TOKEN))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await auditOf('expertise', `${m.key}/sewerage`)).map((e) => e.action)).toEqual(['remove']);
  });
});
