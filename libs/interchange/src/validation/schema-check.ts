import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ErrorDetail } from '@kakehashi/kernel';
import { RECORD_RULES, recordProblems } from '@kakehashi/kernel';
import { DOCUMENT_SCHEMA } from './document.schema';

export { isIsoDate } from '@kakehashi/kernel';

const TYPE_NAMES: Record<string, string> = { array: 'an array', object: 'an object' };

let validate: ValidateFunction | undefined;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.needs[0].topics[1]` from path segments. */
function toJsonPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === 'number' || /^\d+$/.test(s) ? `${path}[${s}]` : IDENTIFIER.test(s) ? `${path}.${s}` : `${path}[${JSON.stringify(s)}]`),
    '$',
  );
}

/** `$.needs[0].topics[1]` from a JSON pointer (`/needs/0/topics/1`) plus an optional child name. */
export function jsonPath(pointer: string, child?: string): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return toJsonPath(child === undefined ? segments : [...segments, child]);
}

function describe(error: ErrorObject): ErrorDetail {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: jsonPath(error.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: jsonPath(error.instancePath, String(p.additionalProperty)), message: 'is not a field of kakehashi/v1' };
    case 'type':
      return { path: jsonPath(error.instancePath), message: `must be ${TYPE_NAMES[String(p.type)] ?? String(p.type)}` };
    case 'const':
      return { path: jsonPath(error.instancePath), message: `must be ${JSON.stringify(p.allowedValue)}` };
    default:
      return { path: jsonPath(error.instancePath), message: error.message ?? 'is invalid' };
  }
}

/** Problems of the document's top level (its format, unknown fields, sections that are not arrays). */
export function schemaProblems(input: unknown): ErrorDetail[] {
  validate ??= new Ajv({ allErrors: true, strict: true }).compile(DOCUMENT_SCHEMA);
  if (validate(input)) return [];
  return (validate.errors ?? []).map(describe);
}

/**
 * The problems of record `index` of `section` under the directory's rule set, with their paths in
 * the document (`$.needs[3].title`). Every problem of the record, not only the first.
 */
export function recordSchemaProblems(section: keyof typeof RECORD_RULES, index: number, record: unknown): ErrorDetail[] {
  return recordProblems(RECORD_RULES[section], record, {}, [section, index]).map((p) => ({ path: toJsonPath(p.path), message: p.message }));
}
