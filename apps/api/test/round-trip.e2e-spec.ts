import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterchangeExportService, InterchangeImportService } from '@kakehashi/interchange';
import { CooperationScheme, ISO_COUNTRY_CODES, MemberRole, MunicipalityKind, NeedPriority, OverseasExperience, PartnershipStatus, systemContext } from '@kakehashi/kernel';
import { startTestApi, TEST_ADMIN_TOKEN, type TestApi } from './api-harness';

/*
 * The promise of the kakehashi/v1 format (README, "Command line"), as a property: whatever writes the API accepts,
 * `export` produces a document that `import` accepts into an empty database, and exporting that
 * database again gives the identical document. Random writes come from fast-check — including
 * values the API used to accept and the importer refused (country "ZZ", an empty nameJa,
 * DOCUMENTED without a source); a write the API refuses is simply not made. Both databases are
 * real PostgreSQL (the test harness).
 */

const sys = systemContext('round-trip');
let source: TestApi;
beforeAll(async () => {
  source = await startTestApi();
});
afterAll(() => source?.close());

let serial = 0;
const key = (prefix: string) => `${prefix}-${++serial}`;

// Text as people write it, including what the rules normalise (a decomposed é) and what they keep.
const word = fc.constantFrom('Kawasaki', 'Makassar', '川崎市', 'Cafe\u0301', 'São Paulo', 'Hà Nội', 'Nagoya', 'water', 'leak', 'مياه', '🚰', "O'Neil", 'a-b');
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const text = fc.array(fc.oneof(word, fc.constant('\n'), fc.constant('\t')), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ').trim() || 'text');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const values = (o: object) => Object.values(o) as string[];
const TOPICS = ['nrw', 'nrw.leak-detection', 'nrw.metering', 'network.gis-mapping', 'people.engineer-training', 'resilience.earthquake'];
const sourced = fc.oneof(
  fc.constant({}),
  fc.constant({ provenance: 'DOCUMENTED' }),
  fc.record({ provenance: fc.constant('DOCUMENTED'), source: name }),
  fc.record({ provenance: fc.constant('ILLUSTRATIVE'), source: orNull(name) }),
);

const municipality = fc
  .tuple(
    fc.record(
      {
        name,
        nameJa: orNull(fc.oneof(name, fc.constant(''))),
        kind: fc.constantFrom(...values(MunicipalityKind)),
        country: fc.oneof(fc.constantFrom(...ISO_COUNTRY_CODES), fc.constantFrom('ZZ', 'XK')),
        region: orNull(name),
        population: orNull(fc.integer({ min: 0, max: 40_000_000 })),
        latitude: orNull(fc.double({ min: -90, max: 90, noNaN: true })),
        longitude: orNull(fc.double({ min: -180, max: 180, noNaN: true })),
        languages: fc.uniqueArray(fc.constantFrom('ja', 'en', 'pt-BR', 'id', 'vi', 'zh-Hant'), { maxLength: 4 }),
        capacity: orNull(fc.integer({ min: 0, max: 1000 })),
        overseasExperience: orNull(fc.constantFrom(...values(OverseasExperience))),
        website: orNull(fc.constantFrom('https://example.org/water', 'http://city.example.jp/')),
        contactEmail: orNull(fc.constantFrom('intl@city.example', 'water@example.org')),
      },
      { requiredKeys: ['name', 'kind', 'country'] },
    ),
    sourced,
  )
  .map(([m, s]) => ({ ...m, ...s }));

const need = fc.record(
  {
    title: name,
    description: optional(text),
    topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 3 }),
    priority: optional(fc.constantFrom(...values(NeedPriority))),
    status: optional(fc.constantFrom('OPEN', 'MATCHED', 'CLOSED')),
    schemes: fc.uniqueArray(fc.constantFrom(...values(CooperationScheme)), { maxLength: 3 }),
    expiresOn: optional(fc.constantFrom('2099-03-31', '2030-12-01')),
  },
  { requiredKeys: ['title'] },
);

const partnership = fc.record(
  {
    title: name,
    scheme: optional(fc.constantFrom(...values(CooperationScheme))),
    status: optional(fc.constantFrom(...values(PartnershipStatus))),
    startYear: optional(fc.integer({ min: 1990, max: 2020 })),
    summary: optional(text),
    topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 3 }),
    roles: fc.array(fc.constantFrom(...values(MemberRole)), { minLength: 1, maxLength: 3 }),
    outcomes: fc.array(fc.record({ indicator: fc.constantFrom('NRW_PERCENT', 'TRAINEES'), before: orNull(fc.integer({ min: 0, max: 100 })), after: orNull(fc.double({ min: 0, max: 100, noNaN: true })), note: orNull(text) }), { maxLength: 2 }),
  },
  { requiredKeys: ['title', 'roles'] },
);

const writes = fc.record({
  municipalities: fc.array(municipality, { minLength: 1, maxLength: 4 }),
  updates: fc.array(fc.record({ nameJa: orNull(name), capacity: orNull(fc.integer({ min: 0, max: 1000 })), languages: fc.uniqueArray(fc.constantFrom('ja', 'en', 'pt-BR'), { maxLength: 2 }) }), { maxLength: 2 }),
  expertise: fc.array(fc.record({ topic: fc.constantFrom(...TOPICS), level: fc.integer({ min: 1, max: 5 }), evidence: orNull(text) }), { maxLength: 3 }),
  needs: fc.array(need, { maxLength: 3 }),
  partnerships: fc.array(partnership, { maxLength: 2 }),
  events: fc.array(fc.record({ title: name, date: orNull(fc.constantFrom('2023-12-07', '2019-02-28')), location: orNull(name), participants: orNull(fc.integer({ min: 0, max: 500 })) }), { maxLength: 2 }),
});

type Writes = typeof writes extends fc.Arbitrary<infer T> ? T : never;

/** Sends one mutation as the administrator: the version it wrote, or null when it was refused. Only BAD_USER_INPUT may refuse it. */
async function write(query: string, input: Record<string, unknown>): Promise<number | null> {
  const res = await source.gql<Record<string, { version: number }>>(query, { input }, TEST_ADMIN_TOKEN);
  if (res.errors && res.errors[0]?.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`${query}\n${JSON.stringify(input)}\n${JSON.stringify(res.errors)}`);
  return res.errors ? null : Object.values(res.data!)[0]!.version;
}

async function applyWrites(w: Writes): Promise<void> {
  const keys: string[] = [];
  for (const m of w.municipalities) {
    const k = key('rt-town');
    if ((await write('mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { version } }', { key: k, ...m })) !== null) keys.push(k);
  }
  if (!keys.length) return;
  // Two updates may land on the same municipality (when only one was accepted): each sends the version it last saw.
  const versions = new Map(keys.map((k) => [k, 1]));
  for (const [i, u] of w.updates.entries()) {
    const k = keys[i % keys.length]!;
    const version = await write('mutation($input: UpdateMunicipalityInput!) { updateMunicipality(input: $input) { version } }', { key: k, version: versions.get(k)!, ...u });
    if (version !== null) versions.set(k, version);
  }
  for (const [i, e] of w.expertise.entries()) {
    await write('mutation($input: SetExpertiseInput!) { setExpertise(input: $input) { version } }', { municipality: keys[i % keys.length]!, ...e });
  }
  for (const [i, n] of w.needs.entries()) {
    await write('mutation($input: CreateNeedInput!) { createNeed(input: $input) { version } }', { key: key('rt-need'), municipality: keys[i % keys.length]!, ...n });
  }
  for (const { roles, ...p } of w.partnerships) {
    const members = roles.slice(0, keys.length).map((role, i) => ({ municipality: keys[i]!, role }));
    await write('mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { version } }', { key: key('rt-partnership'), members, ...p });
  }
  for (const e of w.events) {
    const k = key('rt-event');
    if ((await write('mutation($input: CreateEventInput!) { createEvent(input: $input) { version } }', { key: k, ...e })) === null) continue;
    await write('mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { version } }', { key: key('rt-case'), title: e.title, municipality: keys[0]!, event: k, lessons: ['one lesson'] });
  }
}

describe('export → import into an empty database → export', () => {
  it('gives the identical document, whatever valid writes came first', async () => {
    await fc.assert(
      fc.asyncProperty(writes, async (w) => {
        await applyWrites(w);
        const first = await source.app.get(InterchangeExportService).exportToString(sys);
        const target = await startTestApi();
        try {
          await target.app.get(InterchangeImportService).importText(sys, first);
          const second = await target.app.get(InterchangeExportService).exportToString(sys);
          expect(JSON.parse(second)).toEqual(JSON.parse(first));
          expect(second).toBe(first);
        } finally {
          await target.close();
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 300_000);
});
