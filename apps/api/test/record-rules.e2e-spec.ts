import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '@kakehashi/auth';
import { InterchangeExportService, InterchangeImportService } from '@kakehashi/interchange';
import { Role, systemContext } from '@kakehashi/kernel';
import { startTestApi, TEST_ADMIN_TOKEN, type GraphQLResponse, type TestApi } from './api-harness';

/*
 * One rule set for the directory's records (RECORD_RULES in @kakehashi/kernel): the API and the
 * kakehashi/v1 importer accept and refuse the same records, for the same reason, at the same field.
 * Every bad field is reported at once, in words that read; names follow the Unicode policy (NFC,
 * no control, bidi-override or zero-width characters, no lone surrogates). Nothing is written on
 * bad input. Driven as an outside client over HTTP, and through the importer on the same database.
 */

let api: TestApi;
let ds: DataSource;
const sys = systemContext('record-rules');
beforeAll(async () => {
  api = await startTestApi();
  ds = api.app.get(DataSource);
});
afterAll(() => api?.close());

type Details = { path: string; message: string; reason?: string }[];
const CREATE = `mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { key name nameJa languages } }`;
const create = (input: Record<string, unknown>, token = TEST_ADMIN_TOKEN) => api.gql<{ createMunicipality: Record<string, unknown> }>(CREATE, { input }, token);
const detailsOf = (res: GraphQLResponse<unknown>): Details => (res.errors?.[0]?.extensions?.details ?? []) as Details;
const count = async (table: string): Promise<number> => Number((await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

let serial = 0;
const town = (fields: Record<string, unknown> = {}) => ({ key: `rules-town-${++serial}`, name: 'Rules Town', kind: 'LOCAL_GOVERNMENT', country: 'JP', ...fields });

/** The importer's verdict on one municipality record, as problems at `$.municipalities[0].…`. */
async function importerProblems(record: Record<string, unknown>): Promise<Details> {
  return api.app.get(InterchangeImportService).validate(sys, { format: 'kakehashi/v1', municipalities: [record] });
}

describe('the API and the importer judge a municipality alike', () => {
  it.each([
    ['an unassigned country code', { country: 'ZZ' }, 'country'],
    ['an empty Japanese name', { nameJa: '' }, 'nameJa'],
    ['DOCUMENTED without a source', { provenance: 'DOCUMENTED' }, 'source'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a language that is no tag', { languages: ['Japanese'] }, 'languages.0'],
    ['a repeated language', { languages: ['ja', 'ja'] }, 'languages.1'],
    ['a bidi override in the name', { name: 'Kawasaki\u202Egnp.exe' }, 'name'],
    ['a zero-width space in the name', { name: 'Kawa\u200Bsaki' }, 'name'],
    ['an ANSI escape in the name', { name: '\u001b[31mKawasaki' }, 'name'],
    ['a right-to-left isolate in the region', { region: 'Kanto\u2067' }, 'region'],
    ['a lone surrogate in the name', { name: 'Kawasaki \uD800' }, 'name'],
  ])('%s: refused by both, at the same field with the same message; nothing written', async (_case, bad, field) => {
    const record = town(bad);
    const [municipalities, audits] = [await count('municipality'), await count('audit_log')];
    const res = await create(record);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const api = detailsOf(res);
    expect(api.map((d) => d.path)).toEqual([`input.${field}`]);
    const imported = await importerProblems(record);
    const jsonPath = `$.municipalities[0].${field.replace(/\.(\d+)/g, '[$1]')}`;
    expect(imported.map((d) => d.path)).toEqual([jsonPath]);
    expect(imported[0]!.message).toBe(api[0]!.message);
    expect([await count('municipality'), await count('audit_log')]).toEqual([municipalities, audits]);
  });

  it('a regional language tag (pt-BR) is accepted by both', async () => {
    const record = town({ country: 'BR', languages: ['pt-BR', 'en'] });
    expect(await importerProblems(record)).toEqual([]);
    const res = await create(record);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createMunicipality.languages).toEqual(['pt-BR', 'en']);
  });
});

describe('bad input is reported whole, in words that read', () => {
  it('every bad field at once, each named by details.path, the message naming fields without the argument', async () => {
    const res = await create(town({ country: 'ZZ', nameJa: '', capacity: 5000, latitude: 91 }));
    const details = detailsOf(res);
    expect(details.map((d) => d.path).sort()).toEqual(['input.capacity', 'input.country', 'input.latitude', 'input.nameJa']);
    expect(details.find((d) => d.path === 'input.capacity')).toEqual({ path: 'input.capacity', message: 'must be at most 1000', reason: 'TOO_LARGE' });
    expect(res.errors![0]!.message).toContain('capacity must be at most 1000');
    expect(res.errors![0]!.message).not.toMatch(/input\.|greater than/);
  });

  it('setExpertise with level 6: "level must be at most 5" at input.level, not "input.level level must not be greater than 5"', async () => {
    await create(town({ key: 'rules-expert' }));
    const res = await api.gql(`mutation { setExpertise(input: { municipality: "rules-expert", topic: "nrw", level: 6, evidence: "" }) { level } }`, {}, TEST_ADMIN_TOKEN);
    expect(res.errors![0]!.message).toBe('Invalid input: level must be at most 5; evidence must not be empty');
    expect(detailsOf(res).map((d) => d.path)).toEqual(['input.level', 'input.evidence']);
  });

  it('partnership members: each bad member named by index; a DOCUMENTED update that clears its source is refused on the merged record', async () => {
    const bad = await api.gql(
      `mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { key } }`,
      { i: { key: 'rules-pship', title: 'T', startYear: 2024, endYear: 2020, members: [{ municipality: 'Not A Key', role: 'PEER' }] } },
      TEST_ADMIN_TOKEN,
    );
    expect(detailsOf(bad).map((d) => d.path).sort()).toEqual(['input.endYear', 'input.members.0.municipality']);

    const ok = await api.gql(`mutation { createEvent(input: { key: "rules-event", title: "Session", provenance: DOCUMENTED, source: "JICA report" }) { version } }`, {}, TEST_ADMIN_TOKEN);
    expect(ok.errors).toBeUndefined();
    const cleared = await api.gql(`mutation { updateEvent(input: { key: "rules-event", version: 1, source: null }) { version } }`, {}, TEST_ADMIN_TOKEN);
    expect(detailsOf(cleared)).toEqual([expect.objectContaining({ path: 'input.source', reason: 'SOURCE_REQUIRED' })]);
  });

  it("createNeed for a municipality the editor may not edit blames input.municipality", async () => {
    await create(town({ key: 'rules-mine' }));
    await create(town({ key: 'rules-theirs' }));
    await api.app.get(AccountService).create(sys, { email: 'rules-editor@example.org', password: 'rules-editor-password', role: Role.EDITOR, municipalityKeys: ['rules-mine'] });
    const login = await api.gql<{ login: { accessToken: string } }>(`mutation { login(input: { email: "rules-editor@example.org", password: "rules-editor-password" }) { accessToken } }`);
    const token = login.data!.login.accessToken;
    const res = await api.gql(`mutation { createNeed(input: { key: "rules-need", municipality: "rules-theirs", title: "Leaks" }) { key } }`, {}, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(detailsOf(res).map((d) => d.path)).toEqual(['input.municipality']);
  });
});

describe('Unicode policy: stored NFC, and the same text exported as imported', () => {
  it('a decomposed name is stored composed (NFC), by the API and by the importer alike', async () => {
    const decomposed = 'Cafe\u0301 City';
    const res = await create(town({ key: 'rules-nfc-api', name: decomposed }));
    expect(res.data!.createMunicipality.name).toBe('Caf\u00e9 City');
    await api.app.get(InterchangeImportService).import(sys, { format: 'kakehashi/v1', municipalities: [town({ key: 'rules-nfc-import', name: decomposed })] });
    const rows: { key: string; name: string }[] = await ds.query(`SELECT key, name FROM municipality WHERE key LIKE 'rules-nfc-%' ORDER BY key`);
    expect(rows).toEqual([
      { key: 'rules-nfc-api', name: 'Caf\u00e9 City' },
      { key: 'rules-nfc-import', name: 'Caf\u00e9 City' },
    ]);
    const exported = JSON.parse(await api.app.get(InterchangeExportService).exportToString(sys)) as { municipalities: { key: string; name: string }[] };
    expect(exported.municipalities.filter((m) => m.key.startsWith('rules-nfc-')).map((m) => m.name)).toEqual(['Caf\u00e9 City', 'Caf\u00e9 City']);
  });

  it('a lone surrogate is refused with its own reason (it used to be stored as U+FFFD)', async () => {
    const res = await api.gql(CREATE, { input: town({ name: 'Broken \uDC00 Town' }) }, TEST_ADMIN_TOKEN);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ path: 'input.name', reason: 'LONE_SURROGATE' })]);
    expect(await ds.query(`SELECT 1 FROM municipality WHERE name LIKE '%\uFFFD%'`)).toEqual([]);
  });

  it('free text keeps its line breaks, but not other control characters', async () => {
    const ok = await api.gql(`mutation($i: CreateEventInput!) { createEvent(input: $i) { key } }`, { i: { key: 'rules-text', title: 'T', source: 'line one\nline two\ttabbed' } }, TEST_ADMIN_TOKEN);
    expect(ok.errors).toBeUndefined();
    const bad = await api.gql(`mutation($i: CreateEventInput!) { createEvent(input: $i) { key } }`, { i: { key: 'rules-text-2', title: 'T', source: 'bell\u0007' } }, TEST_ADMIN_TOKEN);
    expect(detailsOf(bad)).toEqual([expect.objectContaining({ path: 'input.source', reason: 'CONTROL_CHARACTER' })]);
  });
});
