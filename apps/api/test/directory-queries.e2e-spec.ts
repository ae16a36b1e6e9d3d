import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { insertCaseStudy, insertEvent, insertExpertise, insertMunicipality, insertNeed, insertPartnership } from '@kakehashi/testing';
import { startTestApi, TEST_ADMIN_TOKEN, type GraphQLResponse, type TestApi } from './api-harness';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  const ds = api.app.get(DataSource);
  const kawasaki = await insertMunicipality(ds, {
    key: 'kawasaki',
    name: 'Kawasaki City',
    nameJa: '川崎市',
    region: 'Kanto',
    subdivision: 'Kanagawa',
    population: 1540000,
    latitude: 35.53,
    longitude: 139.7,
    organization: 'Kawasaki City Waterworks and Sewerage Bureau',
    languages: ['ja', 'en'],
    capacity: 3,
    overseasExperience: 'EXTENSIVE',
    contactEmail: 'intl@example.org',
    provenance: 'DOCUMENTED',
    source: 'JICA study session 2023',
  });
  const yokohama = await insertMunicipality(ds, { key: 'yokohama', name: 'Yokohama City', nameJa: '横浜市', region: 'Kanto', overseasExperience: 'EXTENSIVE' });
  const nagoya = await insertMunicipality(ds, { key: 'nagoya', name: 'Nagoya City', nameJa: '名古屋市', region: 'Chubu', overseasExperience: 'SOME' });
  const asahikawa = await insertMunicipality(ds, { key: 'asahikawa', name: 'Asahikawa City', region: 'Hokkaido', overseasExperience: 'NONE' });
  const makassar = await insertMunicipality(ds, { key: 'makassar', name: 'Makassar', kind: 'UTILITY', country: 'ID', organization: 'PDAM Makassar', overseasExperience: 'NONE' });
  const mexico = await insertMunicipality(ds, { key: 'mexico-city', name: 'Mexico City', country: 'MX', overseasExperience: 'SOME' });

  await insertExpertise(ds, kawasaki, 'nrw.leak-detection', { level: 5, evidence: 'Makassar pilot' });
  await insertExpertise(ds, kawasaki, 'people.trainee-hosting', { level: 3 });
  await insertExpertise(ds, yokohama, 'people.engineer-training', { level: 5 });
  await insertExpertise(ds, nagoya, 'resilience.earthquake', { level: 4 });

  await insertNeed(ds, makassar, {
    key: 'makassar-leakage',
    title: 'Reduce underground leakage',
    description: 'Half of the water produced is lost underground.',
    topics: ['nrw.leak-detection', 'people.engineer-training'],
    priority: 'HIGH',
    status: 'OPEN',
    schemes: ['JICA_GRASSROOTS'],
    expiresOn: '2026-03-31',
  });
  await insertNeed(ds, mexico, { key: 'mexico-earthquake', title: 'Earthquake-proof pipes', topics: ['resilience.earthquake'], priority: 'MEDIUM', status: 'MATCHED' });
  await insertNeed(ds, asahikawa, { key: 'asahikawa-first-step', title: 'Start international cooperation', topics: ['cooperation.project-formation'], priority: 'LOW', status: 'OPEN' });

  await insertPartnership(ds, {
    key: 'kawasaki-makassar-2022',
    title: 'Kawasaki–Makassar grassroots cooperation',
    summary: 'Underground leakage surveys and repair training.',
    scheme: 'JICA_GRASSROOTS',
    status: 'COMPLETED',
    startYear: 2022,
    endYear: 2025,
    topics: ['nrw.leak-detection', 'people'],
    members: [{ municipality: kawasaki, role: 'PROVIDER' }, { municipality: makassar, role: 'RECIPIENT' }],
    outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12, note: 'pilot DMA' }],
  });
  await insertPartnership(ds, {
    key: 'nagoya-mexico',
    title: 'Earthquake countermeasures in Mexico City',
    scheme: 'JICA_TECHNICAL_COOPERATION',
    status: 'ACTIVE',
    topics: ['resilience.earthquake'],
    members: [{ municipality: nagoya, role: 'PROVIDER' }, { municipality: mexico, role: 'RECIPIENT' }],
  });
  await insertPartnership(ds, {
    key: 'yokohama-africa',
    title: 'Training urban waterworks engineers in Africa',
    scheme: 'JICA_ISSUE_SPECIFIC_TRAINING',
    status: 'ACTIVE',
    topics: ['people.engineer-training'],
    members: [{ municipality: yokohama, role: 'PROVIDER' }],
  });
  const session = await insertEvent(ds, { key: 'jica-study-session-9', title: '9th Study Session', date: '2023-12-07', location: 'online', participants: 110 });
  await insertCaseStudy(ds, {
    key: 'kawasaki-makassar-leakage',
    title: 'Lessons from Makassar',
    summary: 'How Kawasaki engineers found underground leakage.',
    municipalityId: kawasaki.id,
    eventId: session.id,
    topics: ['nrw.leak-detection'],
    lessons: ['Train local staff first'],
  });
});
afterAll(() => api?.close());

const ok = <T>(res: GraphQLResponse<T>): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const codeAndPaths = (res: GraphQLResponse) => ({ code: res.errors?.[0]?.extensions?.code, paths: res.errors?.[0]?.extensions?.details?.map((d) => d.path) });

describe('lookups by key', () => {
  it('returns a municipality with every interchange field and its relations', async () => {
    const data = ok(
      await api.gql<{ municipality: Record<string, unknown> }>(`{ municipality(key: "kawasaki") {
        id key name nameJa kind country region subdivision population latitude longitude organization languages capacity
        overseasExperience website contactEmail provenance source version
        expertise { level evidence topic { key parentKey labelEn } }
        needs { key }
        partnerships { key scheme status startYear endYear topics { key } members { role municipality { key country } } outcomes { indicator before after note } }
        caseStudies { key lessons event { key date participants } topics { key } }
      } }`),
    );
    expect(data.municipality).toMatchObject({
      key: 'kawasaki',
      name: 'Kawasaki City',
      nameJa: '川崎市',
      kind: 'LOCAL_GOVERNMENT',
      country: 'JP',
      region: 'Kanto',
      subdivision: 'Kanagawa',
      population: 1540000,
      latitude: 35.53,
      longitude: 139.7,
      languages: ['ja', 'en'],
      capacity: 3,
      overseasExperience: 'EXTENSIVE',
      website: null,
      contactEmail: null, // the public does not see it; signed-in users do (below)
      provenance: 'DOCUMENTED',
      source: 'JICA study session 2023',
      version: 1,
      expertise: [
        { level: 5, evidence: 'Makassar pilot', topic: { key: 'nrw.leak-detection', parentKey: 'nrw', labelEn: 'Leak detection and repair' } },
        { level: 3, evidence: null, topic: { key: 'people.trainee-hosting', parentKey: 'people', labelEn: expect.any(String) } },
      ],
      needs: [],
      partnerships: [
        {
          key: 'kawasaki-makassar-2022',
          scheme: 'JICA_GRASSROOTS',
          status: 'COMPLETED',
          startYear: 2022,
          endYear: 2025,
          topics: [{ key: 'nrw.leak-detection' }, { key: 'people' }],
          members: [
            { role: 'PROVIDER', municipality: { key: 'kawasaki', country: 'JP' } },
            { role: 'RECIPIENT', municipality: { key: 'makassar', country: 'ID' } },
          ],
          outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12, note: 'pilot DMA' }],
        },
      ],
      caseStudies: [{ key: 'kawasaki-makassar-leakage', lessons: ['Train local staff first'], event: { key: 'jica-study-session-9', date: '2023-12-07', participants: 110 }, topics: [{ key: 'nrw.leak-detection' }] }],
    });
    expect(data.municipality['id']).toMatch(/^[0-9a-f-]{36}$/);
    const signedIn = await api.gql<{ municipality: { contactEmail: string } }>('{ municipality(key: "kawasaki") { contactEmail } }', {}, TEST_ADMIN_TOKEN);
    expect(signedIn.data).toEqual({ municipality: { contactEmail: 'intl@example.org' } });
  });

  it('returns null for an unknown key', async () => {
    expect(ok(await api.gql('{ municipality(key: "atlantis") { key } need(key: "nope") { key } partnership(key: "nope") { key } caseStudy(key: "nope") { key } event(key: "nope") { key } }'))).toEqual({
      municipality: null,
      need: null,
      partnership: null,
      caseStudy: null,
      event: null,
    });
  });

  it('returns a need with its municipality, ordered topics, schemes and expiry: past its expiresOn it reads as EXPIRED', async () => {
    const data = ok(await api.gql(`{ need(key: "makassar-leakage") { key title priority status schemes expiresOn municipality { key name } topics { key } } }`));
    expect(data).toEqual({
      need: {
        key: 'makassar-leakage',
        title: 'Reduce underground leakage',
        priority: 'HIGH',
        status: 'EXPIRED',
        schemes: ['JICA_GRASSROOTS'],
        expiresOn: '2026-03-31',
        municipality: { key: 'makassar', name: 'Makassar' },
        topics: [{ key: 'nrw.leak-detection' }, { key: 'people.engineer-training' }],
      },
    });
  });

  it('returns an event with the case studies presented there, and the municipality behind each', async () => {
    const data = ok(await api.gql(`{ event(key: "jica-study-session-9") { title location caseStudies { key municipality { key } } } }`));
    expect(data).toEqual({ event: { title: '9th Study Session', location: 'online', caseStudies: [{ key: 'kawasaki-makassar-leakage', municipality: { key: 'kawasaki' } }] } });
  });
});

const municipalityKeys = async (filter: Record<string, unknown>): Promise<string[]> => {
  const data = ok(await api.gql<{ municipalities: { edges: { node: { key: string } }[] } }>(`query($f: MunicipalityFilter) { municipalities(filter: $f) { edges { node { key } } } }`, { f: filter }));
  return data.municipalities.edges.map((e) => e.node.key);
};

describe('municipalities(filter)', () => {
  it.each([
    [{ country: 'ID' }, ['makassar']],
    [{ region: 'kanto' }, ['kawasaki', 'yokohama']],
    [{ kind: 'UTILITY' }, ['makassar']],
    [{ overseasExperience: 'NONE' }, ['asahikawa', 'makassar']],
    [{ topic: 'nrw.leak-detection' }, ['kawasaki']],
    [{ topic: 'people' }, ['kawasaki', 'yokohama']],
    [{ topic: 'resilience' }, ['nagoya']],
    [{ topic: 'sewerage' }, []],
    [{ text: '横浜' }, ['yokohama']],
    [{ text: 'CITY', country: 'JP', overseasExperience: 'EXTENSIVE' }, ['kawasaki', 'yokohama']],
  ])('%o → %o', async (filter, expected) => {
    expect(await municipalityKeys(filter)).toEqual(expected);
  });

  it('names filter.topic for an unknown topic and filter.country for a malformed country', async () => {
    expect(codeAndPaths(await api.gql(`{ municipalities(filter: { topic: "nrw.nope" }) { totalCount } }`))).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.topic'] });
    expect(codeAndPaths(await api.gql(`{ municipalities(filter: { country: "jp" }) { totalCount } }`))).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.country'] });
  });
});

describe('needs(filter)', () => {
  const needKeys = async (filter: Record<string, unknown>) =>
    ok(await api.gql<{ needs: { edges: { node: { key: string } }[] } }>(`query($f: NeedFilter) { needs(filter: $f) { edges { node { key } } } }`, { f: filter })).needs.edges.map((e) => e.node.key);

  it.each([
    [{}, ['asahikawa-first-step', 'makassar-leakage', 'mexico-earthquake']],
    [{ status: 'OPEN' }, ['asahikawa-first-step']],
    [{ status: 'EXPIRED' }, ['makassar-leakage']],
    [{ status: 'MATCHED' }, ['mexico-earthquake']],
    [{ priority: 'HIGH' }, ['makassar-leakage']],
    [{ topic: 'resilience' }, ['mexico-earthquake']],
    [{ topic: 'people' }, ['makassar-leakage']],
    [{ country: 'MX' }, ['mexico-earthquake']],
    [{ municipality: 'makassar' }, ['makassar-leakage']],
    [{ municipality: 'kawasaki' }, []],
    [{ status: 'OPEN', country: 'JP' }, ['asahikawa-first-step']],
  ])('%o → %o', async (filter, expected) => {
    expect(await needKeys(filter)).toEqual(expected);
  });

  it('names filter.municipality for an unknown municipality', async () => {
    expect(codeAndPaths(await api.gql(`{ needs(filter: { municipality: "atlantis" }) { totalCount } }`))).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.municipality'] });
  });
});

describe('partnerships(filter)', () => {
  const partnershipKeys = async (filter: Record<string, unknown>) =>
    ok(await api.gql<{ partnerships: { edges: { node: { key: string } }[] } }>(`query($f: PartnershipFilter) { partnerships(filter: $f) { edges { node { key } } } }`, { f: filter })).partnerships.edges.map(
      (e) => e.node.key,
    );

  it.each([
    [{ scheme: 'JICA_GRASSROOTS' }, ['kawasaki-makassar-2022']],
    [{ status: 'ACTIVE' }, ['nagoya-mexico', 'yokohama-africa']],
    [{ municipality: 'makassar' }, ['kawasaki-makassar-2022']],
    [{ topic: 'people' }, ['kawasaki-makassar-2022', 'yokohama-africa']],
    [{ topic: 'people.engineer-training', status: 'ACTIVE' }, ['yokohama-africa']],
  ])('%o → %o', async (filter, expected) => {
    expect(await partnershipKeys(filter)).toEqual(expected);
  });

  it('names the filter field of unknown keys', async () => {
    expect(codeAndPaths(await api.gql(`{ partnerships(filter: { topic: "water" }) { totalCount } }`))).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.topic'] });
    expect(codeAndPaths(await api.gql(`{ partnerships(filter: { municipality: "atlantis" }) { totalCount } }`))).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.municipality'] });
  });
});

describe('pagination', () => {
  type Conn = { municipalities: { totalCount: number; edges: { cursor: string; node: { key: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const page = (first: number | null, after: string | null) =>
    api.gql<Conn>(`query($first: Int, $after: String) { municipalities(first: $first, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`, { first, after });

  it('walks every page in key order with a stable total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const m: Conn['municipalities'] = ok(await page(4, after)).municipalities;
      pages++;
      expect(m.totalCount).toBe(6);
      seen.push(...m.edges.map((e) => e.node.key));
      expect(m.pageInfo.endCursor).toBe(m.edges.at(-1)!.cursor);
      if (!m.pageInfo.hasNextPage) break;
      after = m.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(['asahikawa', 'kawasaki', 'makassar', 'mexico-city', 'nagoya', 'yokohama']);
  });

  it('defaults to 20 and reports the total past the end', async () => {
    const { municipalities: all } = ok(await page(null, null));
    expect(all.edges).toHaveLength(6);
    const { municipalities: past } = ok(await page(5, all.pageInfo.endCursor));
    expect(past).toEqual({ totalCount: 6, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([0, 101, -1])('refuses first = %i naming first', async (first) => {
    expect(codeAndPaths(await page(first, null))).toEqual({ code: 'BAD_USER_INPUT', paths: ['first'] });
  });

  it('refuses a cursor it did not make, naming after', async () => {
    expect(codeAndPaths(await page(2, 'bm9wZQ'))).toEqual({ code: 'BAD_USER_INPUT', paths: ['after'] });
  });
});

describe('search', () => {
  type Hits = { search: { kind: string; key: string; title: string; snippet: string; score: number; municipality: { key: string } | null; need: { key: string; municipality: { key: string } } | null; partnership: { key: string } | null; caseStudy: { key: string } | null }[] };
  const search = (text: string, first?: number) =>
    api.gql<Hits>(`query($t: String!, $f: Int) { search(text: $t, first: $f) { kind key title snippet score municipality { key } need { key municipality { key } } partnership { key } caseStudy { key } } }`, { t: text, f: first });

  it('finds by an English word, with the typed field of the hit set and the others null', async () => {
    const { search: hits } = ok(await search('leakage'));
    expect(hits.map((h) => h.key)).toEqual(expect.arrayContaining(['makassar-leakage', 'kawasaki-makassar-2022', 'kawasaki-makassar-leakage']));
    const need = hits.find((h) => h.kind === 'NEED')!;
    expect(need).toMatchObject({ need: { key: 'makassar-leakage', municipality: { key: 'makassar' } }, municipality: null, partnership: null, caseStudy: null });
    expect(hits.find((h) => h.kind === 'PARTNERSHIP')!.partnership).toEqual({ key: 'kawasaki-makassar-2022' });
    expect(hits.find((h) => h.kind === 'CASE_STUDY')!.caseStudy).toEqual({ key: 'kawasaki-makassar-leakage' });
    expect([...hits].sort((a, b) => b.score - a.score)).toEqual(hits);
  });

  it('forgives a typo ("leakge") in a key or title and puts the record with the word in its title first', async () => {
    const { search: hits } = ok(await search('leakge'));
    // Similar to a record's key and title (ADR 28), not to its summary: kawasaki-makassar-2022 says "leakage" only there.
    expect(hits.map((h) => h.key).sort()).toEqual(['kawasaki-makassar-leakage', 'makassar-leakage']);
    expect(hits[0]).toMatchObject({ kind: 'NEED', key: 'makassar-leakage' });
  });

  it('finds a Japanese name (川崎) with the municipality first', async () => {
    const { search: hits } = ok(await search('川崎'));
    expect(hits[0]).toMatchObject({ kind: 'MUNICIPALITY', key: 'kawasaki', municipality: { key: 'kawasaki' } });
    expect(hits[0]!.snippet).toContain('川崎市');
  });

  it('limits to first and refuses blank or over-long text, naming the argument', async () => {
    expect(ok(await search('city', 2)).search).toHaveLength(2);
    expect(codeAndPaths(await search('  '))).toEqual({ code: 'BAD_USER_INPUT', paths: ['text'] });
    expect(codeAndPaths(await search('x'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', paths: ['text'] });
    expect(codeAndPaths(await search('city', 500))).toEqual({ code: 'BAD_USER_INPUT', paths: ['first'] });
  });
});
