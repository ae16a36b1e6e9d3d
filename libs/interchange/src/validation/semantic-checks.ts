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
 * leaves wrong types to the schema. They see one record at a time (a document may be streamed),
 * so what needs the whole document — references to records defined later — is settled in finish().
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
  has(value: string): boolean {
    return this.seen.has(value);
  }
}

/** Topic keys the taxonomy does not have (repeats in a list are the record rules' business). */
function checkTopics(problems: ErrorDetail[], path: string, value: unknown, known: ReadonlySet<string>): void {
  for (const [i, item] of stringsOf(value)) if (!known.has(item)) problems.push({ path: `${path}[${i}]`, message: `"${item}" is not a topic of the taxonomy` });
}

/** A confirmation cannot lie in the future (ADR 8). */
function checkConfirmed(problems: ErrorDetail[], path: string, r: Obj, today: string): void {
  if (typeof r.lastConfirmedOn === 'string' && r.lastConfirmedOn > today) problems.push({ path: `${path}.lastConfirmedOn`, message: `must not be after today (${today})` });
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

const KEYED_SECTIONS = ['municipalities', 'needs', 'partnerships', 'caseStudies', 'events'];
/** Sections in document (`SECTIONS`) order. */
const SECTION_ORDER = ['municipalities', 'expertise', 'needs', 'partnerships', 'caseStudies', 'events'];

/** A reference to a municipality or event, kept until finish() when the document has not defined it (yet). */
interface Reference {
  path: string;
  value: string;
  what: 'municipality' | 'event';
}

/**
 * What the record rules cannot see, because it needs the whole document or the database: unique
 * keys per type, references (to the document's own records or to the database), topic keys, one
 * expertise entry per municipality and topic, EXPIRED needs, confirmations not in the future. Feed it every record with `record()`, in document order; ask
 * `externalReferences()` which keys to look up in the database; then `finish()`.
 */
export class SemanticChecker {
  private readonly problems: ErrorDetail[] = [];
  private readonly keys = new Map(KEYED_SECTIONS.map((s) => [s, new FirstSeen(this.problems, 'key')]));
  private readonly pairs = new FirstSeen(this.problems, 'expertise');
  private readonly pending: Reference[] = [];

  private readonly today: string;

  constructor(
    private readonly topics: ReadonlySet<string>,
    today?: string,
  ) {
    this.today = today ?? todayIn(DEFAULT_TIME_ZONE);
  }

  /** Checks one record of `section` found at `path` (`$.needs[3]`). */
  record(section: string, path: string, r: unknown): void {
    if (!isObject(r)) return;
    const problems = this.problems;
    if (typeof r.key === 'string') this.keys.get(section)?.check(r.key, `${path}.key`);
    const municipality = (p: string, value: unknown) => this.refer(p, value, 'municipality');
    switch (section) {
      case 'municipalities':
        checkConfirmed(problems, path, r, this.today);
        break;
      case 'expertise':
        municipality(`${path}.municipality`, r.municipality);
        if (typeof r.topic === 'string' && !this.topics.has(r.topic)) problems.push({ path: `${path}.topic`, message: `"${r.topic}" is not a topic of the taxonomy` });
        if (typeof r.municipality === 'string' && typeof r.topic === 'string') this.pairs.check(`${r.municipality}\u0000${r.topic}`, path, `of ${r.municipality} on ${r.topic}`);
        break;
      case 'needs':
        municipality(`${path}.municipality`, r.municipality);
        checkTopics(problems, `${path}.topics`, r.topics, this.topics);
        checkExpired(problems, path, r, this.today);
        checkConfirmed(problems, path, r, this.today);
        break;
      case 'partnerships': {
        checkTopics(problems, `${path}.topics`, r.topics, this.topics);
        (Array.isArray(r.members) ? r.members : []).forEach((m: unknown, i) => {
          if (isObject(m)) municipality(`${path}.members[${i}].municipality`, m.municipality);
        });
        checkConfirmed(problems, path, r, this.today);
        break;
      }
      case 'events':
        (Array.isArray(r.agenda) ? r.agenda : []).forEach((item: unknown, i) => {
          if (!isObject(item)) return;
          (Array.isArray(item.municipalities) ? item.municipalities : []).forEach((m: unknown, j) => municipality(`${path}.agenda[${i}].municipalities[${j}]`, m));
          checkTopics(problems, `${path}.agenda[${i}].topics`, item.topics, this.topics);
        });
        break;
      case 'caseStudies':
        municipality(`${path}.municipality`, r.municipality);
        this.refer(`${path}.event`, r.event, 'event');
        checkTopics(problems, `${path}.topics`, r.topics, this.topics);
        break;
    }
  }

  /** The municipality and event keys referred to but not defined by the document: to look up in the database. */
  externalReferences(): { municipalities: string[]; events: string[] } {
    const out = { municipalities: new Set<string>(), events: new Set<string>() };
    for (const ref of this.unresolved()) (ref.what === 'municipality' ? out.municipalities : out.events).add(ref.value);
    return { municipalities: [...out.municipalities], events: [...out.events] };
  }

  /** Every problem found, once the database's keys are known. */
  finish(known: Pick<KnownKeys, 'municipalities' | 'events'>): ErrorDetail[] {
    for (const ref of this.unresolved()) {
      if (!(ref.what === 'municipality' ? known.municipalities : known.events).has(ref.value)) {
        this.problems.push({ path: ref.path, message: `unknown ${ref.what} "${ref.value}": not in this document nor in the directory` });
      }
    }
    this.pending.length = 0;
    return this.problems;
  }

  private refer(path: string, value: unknown, what: Reference['what']): void {
    if (typeof value !== 'string') return;
    if (!this.defined(what, value)) this.pending.push({ path, value, what });
  }

  private defined(what: Reference['what'], key: string): boolean {
    return this.keys.get(what === 'municipality' ? 'municipalities' : 'events')!.has(key);
  }

  /** Pending references the document has still not defined. */
  private unresolved(): Reference[] {
    return this.pending.filter((ref) => !this.defined(ref.what, ref.value));
  }
}

/** Semantic problems of a whole parsed document (see SemanticChecker). */
export function semanticProblems(input: unknown, known: KnownKeys): ErrorDetail[] {
  if (!isObject(input)) return [];
  const checker = new SemanticChecker(known.topics, known.today);
  for (const section of SECTION_ORDER) {
    for (const [path, r] of recordsOf(input, section)) checker.record(section, path, r);
  }
  return checker.finish(known);
}

/**
 * The municipality and event keys the document refers to without defining them: the ones to look
 * up in the database before `semanticProblems` can judge the references.
 */
export function externalReferences(input: unknown): { municipalities: string[]; events: string[] } {
  const checker = new SemanticChecker(new Set());
  if (isObject(input)) for (const section of SECTION_ORDER) for (const [path, r] of recordsOf(input, section)) checker.record(section, path, r);
  return checker.externalReferences();
}
