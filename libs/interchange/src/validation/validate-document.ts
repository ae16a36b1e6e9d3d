import type { ErrorDetail } from '@kakehashi/kernel';
import { SECTIONS, type KakehashiDocument } from '../document';
import { invalidDocument } from '../interchange.errors';
import { schemaProblems } from './schema-check';
import { semanticProblems, type KnownKeys } from './semantic-checks';

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

/**
 * Every problem of a would-be kakehashi/v1 document (schema and semantics, in document order),
 * each with its JSON path. Empty when the document is valid. Pure: what the database holds comes
 * in through `known`.
 */
export function documentProblems(input: unknown, known: KnownKeys): ErrorDetail[] {
  return [...schemaProblems(input), ...semanticProblems(input, known)].sort(documentOrder);
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
