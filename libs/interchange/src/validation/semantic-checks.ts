import { DEFAULT_TIME_ZONE, todayIn } from '@kakehashi/directory';
import type { ErrorDetail } from '@kakehashi/kernel';

/** What the document may refer to besides its own records. */
export interface KnownKeys {
  /** Every topic key of the taxonomy. */
  topics: ReadonlySet<string>;
  /** Municipality keys already in the database (those the document refers to suffice). */
  municipalities: ReadonlySet<string>;
  /** Event keys already in the database (those the document refers to suffice). */
  events: ReadonlySet<string>;
  /**
   * The day the document is judged on (YYYY-MM-DD in the configured zone): an EXPIRED need must
   * have passed its expiresOn by then. Left out: today in the default zone (Asia/Tokyo).
   */
  today?: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/*
 * These checks run on whatever the document holds, valid or not, so that one pass reports schema
 * and semantic problems together: each check looks only at values of the type it expects and
 * leaves wrong types to the schema.
 */

/** The objects of section `name` with their paths. */
function recordsOf(doc: Obj, name: string): [path: string, record: Obj][] {
  const section = doc[name];
  if (!Array.isArray(section)) return [];
  return section.flatMap((r, i) => (isObject(r) ? [[`$.${name}[${i}]`, r] as [string, Obj]] : []));
}

const stringsOf = (value: unknown): [index: number, value: string][] =>
  Array.isArray(value) ? value.flatMap((v, i) => (typeof v === 'string' ? [[i, v] as [number, string]] : [])) : [];

/** Reports the second and later occurrences of a value, pointing back at the first. */
class FirstSeen {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly problems: ErrorDetail[],
    private readonly what: string,
  ) {}
  check(value: string, path: string, label = `"${value}"`): void {
    const first = this.seen.get(value);
    if (first === undefined) this.seen.set(value, path);
    else this.problems.push({ path, message: `${this.what} ${label} is already used at ${first}` });
  }
}

function checkUniqueKeys(doc: Obj, problems: ErrorDetail[]): void {
  for (const section of ['municipalities', 'needs', 'partnerships', 'caseStudies', 'events']) {
    const keys = new FirstSeen(problems, 'key');
    for (const [path, r] of recordsOf(doc, section)) if (typeof r.key === 'string') keys.check(r.key, `${path}.key`);
  }
}

function checkList(problems: ErrorDetail[], path: string, value: unknown, what: string, known?: ReadonlySet<string>): void {
  const seen = new FirstSeen(problems, what);
  for (const [i, item] of stringsOf(value)) {
    if (known && !known.has(item)) problems.push({ path: `${path}[${i}]`, message: `"${item}" is not a ${what} of the taxonomy` });
    else seen.check(item, `${path}[${i}]`);
  }
}

/** A confirmation cannot lie in the future (ADR 8). */
function checkConfirmed(problems: ErrorDetail[], path: string, r: Obj, today: string): void {
  if (typeof r.lastConfirmedOn === 'string' && r.lastConfirmedOn > today) problems.push({ path: `${path}.lastConfirmedOn`, message: `must not be after today (${today})` });
}

function checkProvenance(problems: ErrorDetail[], path: string, r: Obj): void {
  const missing = r.source === undefined || r.source === null || (typeof r.source === 'string' && r.source.trim() === '');
  if (r.provenance === 'DOCUMENTED' && missing) problems.push({ path: `${path}.source`, message: 'is required when provenance is DOCUMENTED' });
}

/**
 * EXPIRED is what an OPEN need past its last day reads as (ADR 7): a document may say so, but only
 * of a need whose expiresOn has passed — to withdraw a current need, CLOSED says it.
 */
function checkExpired(problems: ErrorDetail[], path: string, r: Obj, today: string): void {
  if (r.status !== 'EXPIRED') return;
  if (r.expiresOn === undefined || r.expiresOn === null) {
    problems.push({ path: `${path}.status`, message: 'EXPIRED needs an expiresOn that has passed (use CLOSED to withdraw a need)' });
  } else if (typeof r.expiresOn === 'string' && r.expiresOn >= today) {
    problems.push({ path: `${path}.status`, message: `EXPIRED needs an expiresOn before ${today}, not ${r.expiresOn} (use CLOSED to withdraw a current need)` });
  }
}

/**
 * What the schema cannot see: unique keys per type, references (to the document's own records or
 * to the database), topic keys, duplicates inside lists, endYear ≥ startYear, the source that a
 * DOCUMENTED record must cite, that an EXPIRED need has indeed expired, and that no record was
 * confirmed after today.
 */
export function semanticProblems(input: unknown, known: KnownKeys): ErrorDetail[] {
  if (!isObject(input)) return [];
  const problems: ErrorDetail[] = [];
  const today = known.today ?? todayIn(DEFAULT_TIME_ZONE);
  checkUniqueKeys(input, problems);

  const keysOf = (section: string) => new Set(recordsOf(input, section).flatMap(([, r]) => (typeof r.key === 'string' ? [r.key] : [])));
  const municipalities = keysOf('municipalities');
  const events = keysOf('events');
  const refer = (path: string, value: unknown, what: string, inDocument: Set<string>, inDatabase: ReadonlySet<string>) => {
    if (typeof value === 'string' && !inDocument.has(value) && !inDatabase.has(value)) {
      problems.push({ path, message: `unknown ${what} "${value}": not in this document nor in the directory` });
    }
  };
  const municipality = (path: string, value: unknown) => refer(path, value, 'municipality', municipalities, known.municipalities);

  for (const [path, r] of recordsOf(input, 'municipalities')) {
    checkList(problems, `${path}.languages`, r.languages, 'language');
    checkConfirmed(problems, path, r, today);
    checkProvenance(problems, path, r);
  }
  const pairs = new FirstSeen(problems, 'expertise');
  for (const [path, r] of recordsOf(input, 'expertise')) {
    municipality(`${path}.municipality`, r.municipality);
    if (typeof r.topic === 'string' && !known.topics.has(r.topic)) {
      problems.push({ path: `${path}.topic`, message: `"${r.topic}" is not a topic of the taxonomy` });
    }
    if (typeof r.municipality === 'string' && typeof r.topic === 'string') {
      pairs.check(`${r.municipality}\u0000${r.topic}`, path, `of ${r.municipality} on ${r.topic}`);
    }
    checkProvenance(problems, path, r);
  }
  for (const [path, r] of recordsOf(input, 'needs')) {
    municipality(`${path}.municipality`, r.municipality);
    checkList(problems, `${path}.topics`, r.topics, 'topic', known.topics);
    checkList(problems, `${path}.schemes`, r.schemes, 'scheme');
    checkExpired(problems, path, r, today);
    checkConfirmed(problems, path, r, today);
    checkProvenance(problems, path, r);
  }
  for (const [path, r] of recordsOf(input, 'partnerships')) {
    checkList(problems, `${path}.topics`, r.topics, 'topic', known.topics);
    const members = new FirstSeen(problems, 'member');
    (Array.isArray(r.members) ? r.members : []).forEach((m: unknown, i) => {
      if (!isObject(m) || typeof m.municipality !== 'string') return;
      municipality(`${path}.members[${i}].municipality`, m.municipality);
      members.check(m.municipality, `${path}.members[${i}].municipality`);
    });
    if (typeof r.startYear === 'number' && typeof r.endYear === 'number' && r.endYear < r.startYear) {
      problems.push({ path: `${path}.endYear`, message: `must not be before startYear (${r.startYear})` });
    }
    checkConfirmed(problems, path, r, today);
    checkProvenance(problems, path, r);
  }
  for (const [path, r] of recordsOf(input, 'caseStudies')) {
    municipality(`${path}.municipality`, r.municipality);
    refer(`${path}.event`, r.event, 'event', events, known.events);
    checkList(problems, `${path}.topics`, r.topics, 'topic', known.topics);
    checkProvenance(problems, path, r);
  }
  for (const [path, r] of recordsOf(input, 'events')) checkProvenance(problems, path, r);
  return problems;
}

/**
 * The municipality and event keys the document refers to without defining them: the ones to look
 * up in the database before `semanticProblems` can judge the references.
 */
export function externalReferences(input: unknown): { municipalities: string[]; events: string[] } {
  if (!isObject(input)) return { municipalities: [], events: [] };
  const defined = (section: string) => new Set(recordsOf(input, section).map(([, r]) => r.key));
  const ownMunicipalities = defined('municipalities');
  const ownEvents = defined('events');
  const municipalities = new Set<string>();
  const events = new Set<string>();
  const add = (set: Set<string>, own: Set<unknown>, value: unknown) => {
    if (typeof value === 'string' && !own.has(value)) set.add(value);
  };
  for (const section of ['expertise', 'needs', 'caseStudies']) {
    for (const [, r] of recordsOf(input, section)) add(municipalities, ownMunicipalities, r.municipality);
  }
  for (const [, r] of recordsOf(input, 'partnerships')) {
    for (const m of Array.isArray(r.members) ? r.members : []) if (isObject(m)) add(municipalities, ownMunicipalities, m.municipality);
  }
  for (const [, r] of recordsOf(input, 'caseStudies')) add(events, ownEvents, r.event);
  return { municipalities: [...municipalities], events: [...events] };
}
