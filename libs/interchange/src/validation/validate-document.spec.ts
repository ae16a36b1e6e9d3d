import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDED_TOPICS } from '@kakehashi/database';
import { DomainError } from '@kakehashi/kernel';
import { InvalidDocumentError, MAX_LISTED_PROBLEMS } from '../interchange.errors';
import { sampleDirectoryPath } from '../sample-data/sample-directory';
import { jsonPath } from './schema-check';
import { externalReferences } from './semantic-checks';
import { assertValidDocument, documentProblems, parseDocument } from './validate-document';

/** Tests break documents in arbitrary ways: untyped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const known = { topics: new Set(SEEDED_TOPICS.map((t) => t.key)), municipalities: new Set<string>(), events: new Set<string>(), today: '2026-12-01' };

/** A small valid document with one record of every type; each test breaks one thing. */
function doc(): Loose {
  return {
    format: 'kakehashi/v1',
    municipalities: [
      { key: 'kawasaki', name: 'Kawasaki City', kind: 'LOCAL_GOVERNMENT', country: 'JP', languages: ['ja', 'en'], capacity: 3 },
      { key: 'makassar', name: 'Makassar', kind: 'UTILITY', country: 'ID', latitude: -5.14, longitude: 119.42, population: 1_400_000 },
    ],
    expertise: [{ municipality: 'kawasaki', topic: 'nrw.leak-detection', level: 4, evidence: 'Leak surveys since 1980' }],
    needs: [{ key: 'makassar-leakage', municipality: 'makassar', title: 'Reduce leakage', topics: ['nrw.leak-detection', 'nrw'], priority: 'HIGH', expiresOn: '2026-03-31' }],
    partnerships: [
      {
        key: 'kawasaki-makassar-2022',
        title: 'Leakage prevention',
        scheme: 'JICA_GRASSROOTS',
        status: 'COMPLETED',
        startYear: 2022,
        endYear: 2025,
        members: [
          { municipality: 'kawasaki', role: 'PROVIDER' },
          { municipality: 'makassar', role: 'RECIPIENT' },
        ],
        outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12 }],
      },
    ],
    caseStudies: [{ key: 'kawasaki-makassar-lessons', title: 'Lessons', municipality: 'kawasaki', event: 'jica-study-session-9', lessons: ['Start small'] }],
    events: [{ key: 'jica-study-session-9', title: '9th Study Session', date: '2023-12-07', participants: 110, provenance: 'DOCUMENTED', source: 'JICA report' }],
  };
}

const problemsOf = (d: unknown, k = known) => documentProblems(d, k);

describe('documentProblems: valid documents', () => {
  it('accepts the minimal document (only the format)', () => {
    expect(problemsOf({ format: 'kakehashi/v1' })).toEqual([]);
  });

  it('accepts one record of every type, with nulls wherever a field is optional', () => {
    expect(problemsOf(doc())).toEqual([]);
    const d = doc();
    Object.assign(d.municipalities[0], { nameJa: null, region: null, population: null, website: null, contactEmail: null, provenance: null, source: null });
    Object.assign(d.needs[0], { status: null, priority: null, expiresOn: null });
    expect(problemsOf(d)).toEqual([]);
  });

  it('accepts EXPIRED for a need whose expiresOn has passed (what export writes)', () => {
    const d = doc();
    Object.assign(d.needs[0], { status: 'EXPIRED', expiresOn: '2026-11-30' });
    expect(problemsOf(d)).toEqual([]);
  });

  it('accepts the sample directory shipped in data/sample', () => {
    const sample = parseDocument(readFileSync(sampleDirectoryPath(), 'utf8'));
    expect(problemsOf(sample)).toEqual([]);
  });

  it('resolves references to records the database already holds', () => {
    const d = { format: 'kakehashi/v1', needs: [{ key: 'n', municipality: 'osaka', title: 'T' }], caseStudies: [{ key: 'c', title: 'T', event: 'ev' }] };
    expect(problemsOf(d)).toHaveLength(2);
    expect(problemsOf(d, { ...known, municipalities: new Set(['osaka']), events: new Set(['ev']) })).toEqual([]);
  });
});

describe('documentProblems: each kind of error, at its exact path', () => {
  const cases: [string, (d: Loose) => void, string, RegExp][] = [
    ['unknown field', (d) => (d.municipalities[1].mayor = 'x'), '$.municipalities[1].mayor', /not a field/],
    ['unknown top-level section', (d) => (d.cities = []), '$.cities', /not a field/],
    ['missing required field', (d) => delete d.municipalities[0].name, '$.municipalities[0].name', /is required/],
    ['wrong format', (d) => (d.format = 'kakehashi/v2'), '$.format', /must be "kakehashi\/v1"/],
    ['wrong type', (d) => (d.municipalities[1].population = '1.4M'), '$.municipalities[1].population', /must be an integer/],
    ['non-integer', (d) => (d.municipalities[1].population = 1.5), '$.municipalities[1].population', /integer/],
    ['negative population', (d) => (d.municipalities[1].population = -1), '$.municipalities[1].population', /at least 0/],
    ['negative capacity', (d) => (d.municipalities[0].capacity = -2), '$.municipalities[0].capacity', /at least 0/],
    ['latitude out of range', (d) => (d.municipalities[1].latitude = 91), '$.municipalities[1].latitude', /at most 90/],
    ['longitude out of range', (d) => (d.municipalities[1].longitude = -181), '$.municipalities[1].longitude', /at least -180/],
    ['bad enum', (d) => (d.municipalities[0].kind = 'CITY'), '$.municipalities[0].kind', /one of LOCAL_GOVERNMENT, UTILITY/],
    ['bad enum in a list', (d) => (d.needs[0].schemes = ['JICA_GRASSROOTS', 'GRANT']), '$.needs[0].schemes[1]', /one of JICA_GRASSROOTS/],
    ['bad member role', (d) => (d.partnerships[0].members[1].role = 'DONOR'), '$.partnerships[0].members[1].role', /one of PROVIDER/],
    ['key not a slug', (d) => (d.partnerships[0].key = 'Kawasaki Makassar'), '$.partnerships[0].key', /lower-case slug/],
    ['country not ISO alpha-2', (d) => (d.municipalities[1].country = 'XX'), '$.municipalities[1].country', /ISO 3166-1 alpha-2/],
    ['country in lower case', (d) => (d.municipalities[1].country = 'jp'), '$.municipalities[1].country', /ISO 3166-1 alpha-2/],
    ['impossible date', (d) => (d.events[0].date = '2023-02-30'), '$.events[0].date', /YYYY-MM-DD/],
    ['level above 5', (d) => (d.expertise[0].level = 6), '$.expertise[0].level', /at most 5/],
    ['level below 1', (d) => (d.expertise[0].level = 0), '$.expertise[0].level', /at least 1/],
    ['year out of range', (d) => (d.partnerships[0].startYear = 1800), '$.partnerships[0].startYear', /at least 1900/],
    ['endYear before startYear', (d) => (d.partnerships[0].endYear = 2021), '$.partnerships[0].endYear', /not be before startYear \(2022\)/],
    ['empty string', (d) => (d.needs[0].description = ''), '$.needs[0].description', /must not be empty/],
    ['too long', (d) => (d.municipalities[0].name = 'x'.repeat(201)), '$.municipalities[0].name', /at most 200 characters/],
    ['bad language', (d) => (d.municipalities[0].languages = ['ja', 'English']), '$.municipalities[0].languages[1]', /language code/],
    ['bad e-mail', (d) => (d.municipalities[0].contactEmail = 'nobody'), '$.municipalities[0].contactEmail', /e-mail/],
    ['bad website', (d) => (d.municipalities[0].website = 'ftp://x.jp'), '$.municipalities[0].website', /http\(s\) URL/],
    ['duplicate key', (d) => d.municipalities.push({ ...d.municipalities[0] }), '$.municipalities[2].key', /"kawasaki" is already used at \$\.municipalities\[0\]\.key/],
    ['unknown municipality', (d) => (d.needs[0].municipality = 'osaka'), '$.needs[0].municipality', /unknown municipality "osaka"/],
    ['unknown member', (d) => (d.partnerships[0].members[1].municipality = 'hue'), '$.partnerships[0].members[1].municipality', /unknown municipality "hue"/],
    ['unknown event', (d) => (d.caseStudies[0].event = 'session-10'), '$.caseStudies[0].event', /unknown event "session-10"/],
    ['unknown topic', (d) => (d.needs[0].topics[1] = 'leaks'), '$.needs[0].topics[1]', /"leaks" is not a topic/],
    ['unknown expertise topic', (d) => (d.expertise[0].topic = 'nrw.leaks'), '$.expertise[0].topic', /not a topic/],
    ['duplicate topic', (d) => (d.needs[0].topics = ['nrw', 'nrw']), '$.needs[0].topics[1]', /topic "nrw" is already listed \(item 0\)/],
    ['duplicate expertise', (d) => d.expertise.push({ municipality: 'kawasaki', topic: 'nrw.leak-detection', level: 2 }), '$.expertise[1]', /expertise of kawasaki on nrw.leak-detection is already used at \$\.expertise\[0\]/],
    [
      'member listed twice',
      (d) => d.partnerships[0].members.push({ municipality: 'kawasaki', role: 'PEER' }),
      '$.partnerships[0].members[2].municipality',
      /member "kawasaki" is already listed \(item 0\)/,
    ],
    ['DOCUMENTED without source', (d) => (d.events[0].source = null), '$.events[0].source', /required when provenance is DOCUMENTED/],
    ['bad provenance', (d) => (d.needs[0].provenance = 'RUMOUR'), '$.needs[0].provenance', /one of DOCUMENTED, ILLUSTRATIVE/],
    ['EXPIRED without expiresOn', (d) => Object.assign(d.needs[0], { status: 'EXPIRED', expiresOn: null }), '$.needs[0].status', /EXPIRED needs an expiresOn that has passed/],
    ['EXPIRED on its last day', (d) => Object.assign(d.needs[0], { status: 'EXPIRED', expiresOn: '2026-12-01' }), '$.needs[0].status', /before 2026-12-01, not 2026-12-01/],
  ];

  it.each(cases)('%s', (_name, breakIt, path, message) => {
    const d = doc();
    breakIt(d);
    const problems = problemsOf(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(path);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports a wrong type alone, not also the enum or pattern it would fail', () => {
    const d = doc();
    d.municipalities[0].kind = 7;
    expect(problemsOf(d)).toEqual([{ path: '$.municipalities[0].kind', message: 'must be a string' }]);
  });

  it('rejects what is not a document at all', () => {
    expect(problemsOf([])).toEqual([{ path: '$', message: 'must be an object' }]);
    expect(problemsOf({})).toEqual([{ path: '$.format', message: 'is required' }]);
    expect(problemsOf({ format: 'kakehashi/v1', needs: {} })).toEqual([{ path: '$.needs', message: 'must be an array' }]);
  });

  it('lists schema and semantic problems together, in document order', () => {
    const d = doc();
    d.events[0].participants = -5;
    d.municipalities[1].kind = 'TOWN';
    d.needs[0].topics = ['nope'];
    d.municipalities[0].population = -1;
    expect(problemsOf(d).map((p) => p.path)).toEqual([
      '$.municipalities[0].population',
      '$.municipalities[1].kind',
      '$.needs[0].topics[0]',
      '$.events[0].participants',
    ]);
  });
});

describe('assertValidDocument', () => {
  it('throws BAD_USER_INPUT listing the first 100 problems and counting all of them', () => {
    const d = { format: 'kakehashi/v1', municipalities: Array.from({ length: 150 }, (_, i) => ({ key: `m-${i}`, name: 'M', kind: 'CITY', country: 'JP' })) };
    let error: unknown;
    try {
      assertValidDocument(d, known);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect(error).toBeInstanceOf(DomainError);
    const e = error as InvalidDocumentError;
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.problemCount).toBe(150);
    expect(e.details).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(e.details[99]).toEqual({ path: '$.municipalities[99].kind', message: expect.stringMatching(/one of/) });
    expect(e.message).toMatch(/150 problems \(the first 100 are listed\)/);
  });

  it('returns the document when it is valid', () => {
    const d = doc();
    expect(assertValidDocument(d, known)).toBe(d);
  });
});

describe('parseDocument', () => {
  it('reads JSON with or without a byte-order mark', () => {
    expect(parseDocument('\ufeff{"format":"kakehashi/v1"}')).toEqual({ format: 'kakehashi/v1' });
  });
  it('reports malformed JSON at $', () => {
    expect(() => parseDocument('{"format": ')).toThrow(InvalidDocumentError);
    try {
      parseDocument('{"format": ');
    } catch (e) {
      expect((e as InvalidDocumentError).details[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) });
    }
  });
});

describe('externalReferences', () => {
  it('lists the keys referred to but not defined in the document', () => {
    const d = doc();
    d.needs[0].municipality = 'osaka';
    d.partnerships[0].members.push({ municipality: 'hue', role: 'PEER' });
    d.caseStudies[0].event = 'session-10';
    expect(externalReferences(d)).toEqual({ municipalities: ['osaka', 'hue'], events: ['session-10'] });
  });
});

describe('jsonPath', () => {
  it('turns JSON pointers into readable paths', () => {
    expect(jsonPath('/needs/0/topics/1')).toBe('$.needs[0].topics[1]');
    expect(jsonPath('', 'format')).toBe('$.format');
    expect(jsonPath('/municipalities/3', 'odd key')).toBe('$.municipalities[3]["odd key"]');
  });
});
