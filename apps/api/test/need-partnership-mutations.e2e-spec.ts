import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { insertEvent, insertMunicipality, insertNeed, insertPartnership, uniqueKey } from '@kakehashi/testing';
import type { MunicipalityEntity } from '@kakehashi/directory';
import { startTestApi, TEST_ADMIN_TOKEN, type GraphQLResponse, type TestApi } from './api-harness';

let api: TestApi;
let ds: DataSource;
let kawasaki: MunicipalityEntity;
let makassar: MunicipalityEntity;
beforeAll(async () => {
  api = await startTestApi();
  ds = api.app.get(DataSource);
  kawasaki = await insertMunicipality(ds, { name: 'Kawasaki City' });
  makassar = await insertMunicipality(ds, { name: 'Makassar', country: 'ID' });
});
afterAll(() => api?.close());

const auditOf = (entity: string, key: string): Promise<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]> =>
  ds.query('SELECT action, before, after FROM audit_log WHERE entity = $1 AND entity_key = $2 ORDER BY at, id', [entity, key]);
const error = (res: GraphQLResponse<unknown>) => ({
  code: res.errors?.[0]?.extensions?.code,
  reason: res.errors?.[0]?.extensions?.reason,
  paths: res.errors?.[0]?.extensions?.details?.map((d) => d.path).sort(),
});
const admin = <T>(query: string, variables: Record<string, unknown>) => api.gql<T>(query, variables, TEST_ADMIN_TOKEN);

const NEED_FIELDS = 'key title description priority status schemes expiresOn version municipality { key } topics { key }';
const CREATE_NEED = `mutation($input: CreateNeedInput!) { createNeed(input: $input) { ${NEED_FIELDS} } }`;
const UPDATE_NEED = `mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { ${NEED_FIELDS} } }`;
const PARTNERSHIP_FIELDS = 'key title scheme status startYear endYear version topics { key } members { role municipality { key } } outcomes { indicator before after note }';
const CREATE_PARTNERSHIP = `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { ${PARTNERSHIP_FIELDS} } }`;
const UPDATE_PARTNERSHIP = `mutation($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { ${PARTNERSHIP_FIELDS} } }`;
const CHANGE_STATUS = `mutation($key: String!, $status: PartnershipStatus!, $version: Int!) { changePartnershipStatus(key: $key, status: $status, version: $version) { status version } }`;

describe('needs', () => {
  it('creates a need with ordered topics, schemes and expiry (status OPEN by default), audited', async () => {
    const key = uniqueKey('need');
    const res = await admin<{ createNeed: unknown }>(CREATE_NEED, {
      input: { key, municipality: makassar.key, title: 'Reduce leakage', topics: ['nrw.leak-detection', 'nrw'], priority: 'HIGH', schemes: ['JICA_GRASSROOTS', 'WATER_OPERATORS_PARTNERSHIP'], expiresOn: '2099-03-31' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createNeed).toEqual({
      key,
      title: 'Reduce leakage',
      description: null,
      priority: 'HIGH',
      status: 'OPEN',
      schemes: ['JICA_GRASSROOTS', 'WATER_OPERATORS_PARTNERSHIP'],
      expiresOn: '2099-03-31',
      version: 1,
      municipality: { key: makassar.key },
      topics: [{ key: 'nrw.leak-detection' }, { key: 'nrw' }],
    });
    expect(await auditOf('need', key)).toMatchObject([{ action: 'create', before: null, after: { municipality: makassar.key, topics: ['nrw.leak-detection', 'nrw'] } }]);
  });

  it.each([
    [{ topics: ['nrw', 'nrw.nope'] }, 'input.topics.1'],
    [{ topics: ['nrw', 'nrw'] }, 'input.topics.1'],
    [{ municipality: 'atlantis' }, 'input.municipality'],
    [{ expiresOn: '2026-02-30' }, 'input.expiresOn'],
    [{ title: '' }, 'input.title'],
    [{ key: 'Bad_Key' }, 'input.key'],
  ])('refuses %o naming %s and writes nothing', async (bad, path) => {
    const key = uniqueKey('need');
    const res = await admin(CREATE_NEED, { input: { key, municipality: makassar.key, title: 'T', ...bad } });
    expect(error(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
    expect(await ds.query('SELECT 1 FROM need WHERE key = $1', [key])).toEqual([]);
    expect(await auditOf('need', key)).toEqual([]);
  });

  it('updates the status and replaces the topics; a stale version is CONFLICT, an unknown key NOT_FOUND', async () => {
    const need = await insertNeed(ds, makassar, { topics: ['nrw'] });
    const res = await admin<{ updateNeed: { status: string; topics: unknown; version: number } }>(UPDATE_NEED, { input: { key: need.key, version: 1, status: 'MATCHED', topics: ['network', 'nrw.metering'] } });
    expect(res.data!.updateNeed).toMatchObject({ status: 'MATCHED', topics: [{ key: 'network' }, { key: 'nrw.metering' }], version: 2 });
    expect(error(await admin(UPDATE_NEED, { input: { key: need.key, version: 1, status: 'CLOSED' } }))).toMatchObject({ code: 'CONFLICT' });
    expect(error(await admin(UPDATE_NEED, { input: { key: 'nope', version: 1, status: 'CLOSED' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(error(await admin(UPDATE_NEED, { input: { key: need.key, version: 2, status: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.status'] });
    const entries = await auditOf('need', need.key);
    expect(entries).toMatchObject([{ action: 'update', before: { topics: ['nrw'], need: { status: 'OPEN' } }, after: { topics: ['network', 'nrw.metering'], need: { status: 'MATCHED' } } }]);
  });

  it('is refused without the admin token', async () => {
    expect(error(await api.gql(CREATE_NEED, { input: { key: uniqueKey('need'), municipality: makassar.key, title: 'T' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('partnerships', () => {
  const create = (input: Record<string, unknown>) =>
    admin<{ createPartnership: { version: number } }>(CREATE_PARTNERSHIP, { input: { key: uniqueKey('p'), title: 'Leakage cooperation', ...input } });

  it('creates with members, topics and outcomes in order (PROPOSED by default), audited with keys', async () => {
    const key = uniqueKey('p');
    const res = await admin<{ createPartnership: unknown }>(CREATE_PARTNERSHIP, {
      input: {
        key,
        title: 'Kawasaki–Makassar',
        scheme: 'JICA_GRASSROOTS',
        startYear: 2022,
        endYear: 2025,
        topics: ['nrw.leak-detection', 'people'],
        members: [{ municipality: kawasaki.key, role: 'PROVIDER' }, { municipality: makassar.key, role: 'RECIPIENT' }],
        outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12, note: 'pilot DMA' }],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPartnership).toEqual({
      key,
      title: 'Kawasaki–Makassar',
      scheme: 'JICA_GRASSROOTS',
      status: 'PROPOSED',
      startYear: 2022,
      endYear: 2025,
      version: 1,
      topics: [{ key: 'nrw.leak-detection' }, { key: 'people' }],
      members: [{ role: 'PROVIDER', municipality: { key: kawasaki.key } }, { role: 'RECIPIENT', municipality: { key: makassar.key } }],
      outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12, note: 'pilot DMA' }],
    });
    expect(await auditOf('partnership', key)).toMatchObject([
      { action: 'create', after: { members: [{ municipality: kawasaki.key, role: 'PROVIDER' }, { municipality: makassar.key, role: 'RECIPIENT' }], topics: ['nrw.leak-detection', 'people'] } },
    ]);
  });

  it.each([
    [{ members: [{ municipality: 'atlantis', role: 'PEER' }] }, 'input.members.0.municipality'],
    [{ members: [{ municipality: 'ok-city', role: 'PEER' }, { municipality: 'Bad Key', role: 'PEER' }] }, 'input.members.1.municipality'],
    [{ members: [{ municipality: 'twice', role: 'PEER' }, { municipality: 'twice', role: 'PROVIDER' }] }, 'input.members.1.municipality'],
    [{ topics: ['water'] }, 'input.topics.0'],
    [{ startYear: 2025, endYear: 2020 }, 'input.endYear'],
    [{ startYear: 1800 }, 'input.startYear'],
    [{ outcomes: [{ indicator: '' }] }, 'input.outcomes.0.indicator'],
  ])('refuses %o naming %s', async (bad, path) => {
    const partnerships = (await ds.query('SELECT count(*)::int AS n FROM partnership'))[0].n;
    expect(error(await create(bad))).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
    expect((await ds.query('SELECT count(*)::int AS n FROM partnership'))[0].n).toBe(partnerships);
  });

  it('replaces the lists that were sent and keeps the others', async () => {
    const p = await insertPartnership(ds, { topics: ['nrw'], members: [{ municipality: kawasaki, role: 'PROVIDER' }], outcomes: [{ indicator: 'A', before: 1 }] });
    const res = await admin<{ updatePartnership: unknown }>(UPDATE_PARTNERSHIP, {
      input: { key: p.key, version: p.version, members: [{ municipality: makassar.key, role: 'RECIPIENT' }, { municipality: kawasaki.key, role: 'PEER' }], outcomes: null },
    });
    expect(res.data!.updatePartnership).toMatchObject({
      version: p.version + 1,
      topics: [{ key: 'nrw' }],
      members: [{ role: 'RECIPIENT', municipality: { key: makassar.key } }, { role: 'PEER', municipality: { key: kawasaki.key } }],
      outcomes: [],
    });
  });

  it('lets one of two concurrent updates win and refuses the other with CONFLICT, changing only what the winner sent', async () => {
    const p = await insertPartnership(ds, { members: [{ municipality: kawasaki }] });
    const results = await Promise.all(['A', 'B'].map((title) => admin(UPDATE_PARTNERSHIP, { input: { key: p.key, version: p.version, title, topics: [title === 'A' ? 'nrw' : 'sewerage'] } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(error)).toEqual([{ code: 'CONFLICT', reason: 'STALE_VERSION', paths: undefined }]);
    const { partnership } = (await api.gql<{ partnership: { title: string; topics: { key: string }[] } }>(`{ partnership(key: "${p.key}") { title topics { key } } }`)).data!;
    expect(partnership.topics).toEqual([{ key: partnership.title === 'A' ? 'nrw' : 'sewerage' }]);
    expect(await auditOf('partnership', p.key)).toHaveLength(1);
  });

  it('walks PROPOSED → AGREED → ACTIVE → DORMANT → ACTIVE → COMPLETED, auditing each step', async () => {
    const p = await insertPartnership(ds, { status: 'PROPOSED' });
    let version = p.version;
    for (const status of ['AGREED', 'ACTIVE', 'DORMANT', 'ACTIVE', 'COMPLETED']) {
      const res = await admin<{ changePartnershipStatus: { status: string; version: number } }>(CHANGE_STATUS, { key: p.key, status, version });
      expect(res.data!.changePartnershipStatus).toEqual({ status, version: version + 1 });
      version += 1;
    }
    expect((await auditOf('partnership', p.key)).map((e) => `${e.before?.['status']}→${e.after?.['status']}`)).toEqual([
      'PROPOSED→AGREED',
      'AGREED→ACTIVE',
      'ACTIVE→DORMANT',
      'DORMANT→ACTIVE',
      'ACTIVE→COMPLETED',
    ]);
  });

  it.each([
    ['PROPOSED', 'ACTIVE'],
    ['COMPLETED', 'ACTIVE'],
    ['CANCELLED', 'PROPOSED'],
    ['ACTIVE', 'PROPOSED'],
  ])('refuses %s → %s with INVALID_TRANSITION naming status, leaving no audit entry', async (from, to) => {
    const p = await insertPartnership(ds, { status: from as 'PROPOSED' });
    expect(error(await admin(CHANGE_STATUS, { key: p.key, status: to, version: p.version }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION', paths: ['status'] });
    expect(await auditOf('partnership', p.key)).toEqual([]);
  });

  it('refuses a status change from a stale version or on an unknown key, and without a token', async () => {
    const p = await insertPartnership(ds, { status: 'ACTIVE' });
    expect(error(await admin(CHANGE_STATUS, { key: p.key, status: 'COMPLETED', version: p.version + 3 }))).toMatchObject({ code: 'CONFLICT' });
    expect(error(await admin(CHANGE_STATUS, { key: 'nope', status: 'COMPLETED', version: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(error(await api.gql(CHANGE_STATUS, { key: p.key, status: 'COMPLETED', version: p.version }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await auditOf('partnership', p.key)).toEqual([]);
  });
});

describe('case studies and events', () => {
  const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { key title date location participants version } }`;
  const CREATE_CASE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { key title summary lessons version municipality { key } event { key } topics { key } } }`;
  const UPDATE_CASE = `mutation($input: UpdateCaseStudyInput!) { updateCaseStudy(input: $input) { key title lessons version municipality { key } event { key } } }`;

  it('creates an event and a case study presented there', async () => {
    const eventKey = uniqueKey('session');
    expect((await admin(CREATE_EVENT, { input: { key: eventKey, title: '9th Study Session', date: '2023-12-07', location: 'online', participants: 110 } })).data).toEqual({
      createEvent: { key: eventKey, title: '9th Study Session', date: '2023-12-07', location: 'online', participants: 110, version: 1 },
    });
    const key = uniqueKey('case');
    const res = await admin(CREATE_CASE, { input: { key, title: 'Leakage in Makassar', municipality: kawasaki.key, event: eventKey, topics: ['nrw.leak-detection'], lessons: ['one', 'two'] } });
    expect(res.data).toEqual({
      createCaseStudy: { key, title: 'Leakage in Makassar', summary: null, lessons: ['one', 'two'], version: 1, municipality: { key: kawasaki.key }, event: { key: eventKey }, topics: [{ key: 'nrw.leak-detection' }] },
    });
    expect((await auditOf('case-study', key)).map((e) => e.action)).toEqual(['create']);
    expect((await auditOf('event', eventKey)).map((e) => e.action)).toEqual(['create']);
  });

  it('updates a case study (detaching the event), with CONFLICT, NOT_FOUND and unknown references', async () => {
    const event = await insertEvent(ds);
    const key = uniqueKey('case');
    await admin(CREATE_CASE, { input: { key, title: 'T', municipality: kawasaki.key, event: event.key } });
    const res = await admin(UPDATE_CASE, { input: { key, version: 1, event: null, lessons: ['learned'] } });
    expect(res.data).toEqual({ updateCaseStudy: { key, title: 'T', lessons: ['learned'], version: 2, municipality: { key: kawasaki.key }, event: null } });
    expect(error(await admin(UPDATE_CASE, { input: { key, version: 1, title: 'X' } }))).toMatchObject({ code: 'CONFLICT' });
    expect(error(await admin(UPDATE_CASE, { input: { key: 'nope', version: 1, title: 'X' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(error(await admin(UPDATE_CASE, { input: { key, version: 2, event: 'no-such-event' } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.event'] });
    expect(error(await admin(UPDATE_CASE, { input: { key, version: 2, title: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.title'] });
  });

  it('refuses an event with a bad date or negative participants', async () => {
    expect(error(await admin(CREATE_EVENT, { input: { key: uniqueKey('e'), title: 'T', date: '7 Dec 2023' } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.date'] });
    expect(error(await admin(CREATE_EVENT, { input: { key: uniqueKey('e'), title: 'T', participants: -1 } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.participants'] });
  });
});
