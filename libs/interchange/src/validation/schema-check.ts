import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ErrorDetail } from '@kakehashi/kernel';
import { SLUG_PATTERN } from '@kakehashi/kernel';
import { isCountryCode } from './countries';
import { DOCUMENT_SCHEMA, LANGUAGE_PATTERN } from './document.schema';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const FORMATS: Record<string, { check: (value: string) => boolean; message: string }> = {
  date: { check: isIsoDate, message: 'must be a calendar date written YYYY-MM-DD' },
  country: { check: isCountryCode, message: 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "JP"' },
  url: { check: isHttpUrl, message: 'must be an http(s) URL' },
  email: { check: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), message: 'must be an e-mail address' },
};

const PATTERN_MESSAGES: Record<string, string> = {
  [SLUG_PATTERN.source]: 'must be a lower-case slug (a-z, 0-9 and single hyphens), e.g. "kawasaki-makassar-2022"',
  [LANGUAGE_PATTERN]: 'must be a language code such as "ja" or "en"',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false',
  null: 'null',
};

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of the whole document, or of one record of a section. Compiled once per process:
 * compiling the schema costs far more than validating a document.
 */
function validator(section?: string): ValidateFunction {
  const name = section ?? '';
  const found = compiled.get(name);
  if (found) return found;
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, strictNumbers: true, allowUnionTypes: true });
    for (const [format, spec] of Object.entries(FORMATS)) ajv.addFormat(format, { type: 'string', validate: spec.check });
  }
  const sections = DOCUMENT_SCHEMA.properties as Record<string, { items: object }>;
  const schema = section === undefined ? DOCUMENT_SCHEMA : sections[section]?.items;
  if (!schema) throw new Error(`no section ${section} in the document schema`);
  const validate = ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.needs[0].topics[1]` from a JSON pointer (`/needs/0/topics/1`) plus an optional child name. */
export function jsonPath(pointer: string, child?: string): string {
  return toJsonPath(pointer, child);
}

function toJsonPath(pointer: string, child?: string): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return segments.reduce(
    (path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : IDENTIFIER.test(s) ? `${path}.${s}` : `${path}[${JSON.stringify(s)}]`),
    '$',
  );
}

function describe(error: ErrorObject, prefix: string): ErrorDetail {
  const p = error.params as Record<string, unknown>;
  const jsonPath = (pointer: string, child?: string) => toJsonPath(prefix + pointer, child);
  switch (error.keyword) {
    case 'required':
      return { path: jsonPath(error.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: jsonPath(error.instancePath, String(p.additionalProperty)), message: 'is not a field of kakehashi/v1' };
    case 'type': {
      const types = String(p.type).split(',');
      return { path: jsonPath(error.instancePath), message: `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).filter((v) => v !== null);
      return { path: jsonPath(error.instancePath), message: `must be one of ${allowed.join(', ')}` };
    }
    case 'const':
      return { path: jsonPath(error.instancePath), message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'minimum':
      return { path: jsonPath(error.instancePath), message: `must be at least ${String(p.limit)}` };
    case 'maximum':
      return { path: jsonPath(error.instancePath), message: `must be at most ${String(p.limit)}` };
    case 'minLength':
      return { path: jsonPath(error.instancePath), message: 'must not be empty (leave it out or use null)' };
    case 'maxLength':
      return { path: jsonPath(error.instancePath), message: `must be at most ${String(p.limit)} characters long` };
    case 'maxItems':
      return { path: jsonPath(error.instancePath), message: `must have at most ${String(p.limit)} items` };
    case 'pattern':
      return { path: jsonPath(error.instancePath), message: PATTERN_MESSAGES[String(p.pattern)] ?? `must match ${String(p.pattern)}` };
    case 'format':
      return { path: jsonPath(error.instancePath), message: FORMATS[String(p.format)]?.message ?? `must be a valid ${String(p.format)}` };
    default:
      return { path: jsonPath(error.instancePath), message: error.message ?? 'is invalid' };
  }
}

/**
 * Checks `input` against the document schema; every problem with its JSON path. A value of the
 * wrong type reports only that (not also its enum, pattern or range).
 */
export function schemaProblems(input: unknown): ErrorDetail[] {
  return problemsOf(validator(), input, '');
}

/** `schemaProblems` of record `index` of `section` alone, with its paths in the document (`$.needs[3].title`). */
export function recordSchemaProblems(section: string, index: number, record: unknown): ErrorDetail[] {
  return problemsOf(validator(section), record, `/${section}/${index}`);
}

function problemsOf(validate: ValidateFunction, input: unknown, prefix: string): ErrorDetail[] {
  if (validate(input)) return [];
  const errors = validate.errors ?? [];
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath)).map((e) => describe(e, prefix));
}
