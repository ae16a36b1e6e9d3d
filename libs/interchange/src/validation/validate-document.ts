import { normaliseRecord, type ErrorDetail } from '@kakehashi/kernel';
import { SECTIONS, type KakehashiDocument, type Section } from '../document';
import { invalidDocument } from '../interchange.errors';
import { recordSchemaProblems, schemaProblems } from './schema-check';
import { SemanticChecker, type KnownKeys } from './semantic-checks';

const RECORD_PATH = /^\$\.(\w+)\[(\d+)\]/;

/** Orders problems as they appear in the document: by section, then record; stable within a record. */
function documentOrder(a: ErrorDetail, b: ErrorDetail): number {
  const rank = (p: string): [number, number] => {
    const m = RECORD_PATH.exec(p);
    if (!m) return [-1, 0];
    const section = SECTIONS.indexOf(m[1] as (typeof SECTIONS)[number]);
    return [section === -1 ? SECTIONS.length : section, Number(m[2])];
  };
  const [sa, ia] = rank(a.path);
  const [sb, ib] = rank(b.path);
  return sa - sb || ia - ib;
}

type Obj = Record<string, unknown>;
const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

/**
 * Validates a kakehashi/v1 document as it is read — top-level fields, then each record as it comes
 * — so a document of any size can be checked without holding it: schema per record (ajv), the
 * semantic rules (SemanticChecker), then the references settled once the database's keys are known.
 */
export class DocumentChecker {
  private root: unknown = {};
  private readonly problems: ErrorDetail[] = [];
  private readonly semantic: SemanticChecker;

  /** `today`: the day the document is judged on (see KnownKeys.today). */
  constructor(topics: ReadonlySet<string>, today?: string) {
    this.semantic = new SemanticChecker(topics, today);
  }

  /** The document is not an object at all (an array, a string…). */
  notAnObject(value: unknown): void {
    this.root = value;
  }

  /** A top-level field other than a section's array: `format`, an unknown field, a section that is not an array. */
  field(name: string, value: unknown): void {
    (this.root as Obj)[name] = value;
  }

  /** A top-level array starts; its records follow. False when it is no section (its records need no checks). */
  section(name: string): boolean {
    (this.root as Obj)[name] = [];
    return isSection(name);
  }

  /**
   * Checks record `index` of `section` against the directory's rule set and the document's own
   * rules; true when its shape is valid (it can be written). Its strings are NFC-normalised in
   * place, as the API stores them.
   */
  record(section: Section, index: number, record: unknown): boolean {
    const shape = recordSchemaProblems(section, index, record);
    this.problems.push(...shape);
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) Object.assign(record, normaliseRecord(record));
    this.semantic.record(section, `$.${section}[${index}]`, record);
    return shape.length === 0;
  }

  /** Problems found so far (references to records not yet seen are not judged until finish). */
  get problemCount(): number {
    return this.problems.length;
  }

  /** Keys referred to but not defined by the document: look them up in the database, then finish(). */
  externalReferences(): { municipalities: string[]; events: string[] } {
    return this.semantic.externalReferences();
  }

  /** Every problem, in document order; [] when the document is valid. */
  finish(known: Pick<KnownKeys, 'municipalities' | 'events'>): ErrorDetail[] {
    return [...schemaProblems(this.root), ...this.problems, ...this.semantic.finish(known)].sort(documentOrder);
  }
}

/** Feeds a parsed document to a checker, as a streamed one would be. */
function feed(checker: DocumentChecker, input: unknown): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return checker.notAnObject(input);
  for (const [name, value] of Object.entries(input)) {
    if (!Array.isArray(value)) checker.field(name, value);
    else if (checker.section(name)) value.forEach((record, i) => checker.record(name as Section, i, record));
  }
}

/**
 * Every problem of a would-be kakehashi/v1 document (schema and semantics, in document order),
 * each with its JSON path. Empty when the document is valid. Pure: what the database holds comes
 * in through `known`.
 */
export function documentProblems(input: unknown, known: KnownKeys): ErrorDetail[] {
  const checker = new DocumentChecker(known.topics, known.today);
  feed(checker, input);
  return checker.finish(known);
}

/** Returns the document typed when valid; otherwise throws BAD_USER_INPUT listing the problems. */
export function assertValidDocument(input: unknown, known: KnownKeys): KakehashiDocument {
  const problems = documentProblems(input, known);
  if (problems.length) throw invalidDocument(problems);
  return input as KakehashiDocument;
}

/** Parses the text of a document (a leading BOM is allowed); malformed JSON is BAD_USER_INPUT at `$`. */
export function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw invalidDocument([{ path: '$', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
}
