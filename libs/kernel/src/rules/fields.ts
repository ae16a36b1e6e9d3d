import { isCountryCode } from './countries';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug';
import { normaliseText, textProblem, type TextKind } from './text';

/**
 * Field rules: what one field of a directory record may hold, declared once and checked the same
 * way wherever a record comes in (the GraphQL API, the kakehashi/v1 importer, the web forms).
 * Pure: no Node, no framework.
 */
export type Rule =
  /** A record's own key: a lower-case slug. */
  | { kind: 'key' }
  /** The key of another record (whether it exists is for whoever holds the records). */
  | { kind: 'reference' }
  /** One line naming something: a name, a title, a place; not blank. */
  | { kind: 'name'; max: number }
  /** Free text: may span lines; not blank. */
  | { kind: 'text'; max: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'country' }
  | { kind: 'language' }
  | { kind: 'url'; max: number }
  | { kind: 'email'; max: number }
  | { kind: 'date' }
  /** A list; `unique` names each item (repeats are refused) and says what an item is in messages. */
  | { kind: 'list'; item: Rule; max: number; unique?: { what: string; by: (item: unknown) => unknown; field?: string } }
  | { kind: 'record'; rules: RecordRules };

export interface Field {
  rule: Rule;
  /** Must be present and not null (on create; on update it may be left out, not cleared). */
  required?: boolean;
}

/** A problem with one field: `path` from the record (`['members', 1, 'role']`), a message without the field's name, a stable reason. */
export interface RuleProblem {
  path: (string | number)[];
  message: string;
  reason: string;
}

export interface RecordRules {
  /** What the record is, in messages: `a municipality`. */
  what: string;
  fields: Readonly<Record<string, Field>>;
  /** Rules across fields, on a whole record (for an update: the record as it would be after it). */
  across?: (record: Readonly<Record<string, unknown>>) => RuleProblem[];
}

export interface CheckOptions {
  /**
   * An update: fields may be left out, `null` clears an optional one, and the rules across fields
   * wait for the merged record (see `acrossProblems`).
   */
  partial?: boolean;
}

/** BCP 47-ish language tag: `ja`, `en`, `pt-BR`, `zh-Hant`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar day written YYYY-MM-DD, years 1000–9999 (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m || m[1]!.startsWith('0')) return false;
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

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (path: (string | number)[], message: string, reason: string): RuleProblem => ({ path, message, reason });

function typeProblem(rule: Rule, value: unknown): string | undefined {
  switch (rule.kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'must be an integer';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'list':
      return Array.isArray(value) ? undefined : 'must be a list';
    case 'record':
      return isObject(value) ? undefined : 'must be an object';
    default:
      return typeof value === 'string' ? undefined : 'must be a string';
  }
}

function stringProblems(rule: Rule, value: string, path: (string | number)[]): RuleProblem[] {
  const kind: TextKind = rule.kind === 'text' ? 'text' : 'name';
  const text = textProblem(value, kind);
  if (text) return [problem(path, text.message, text.reason)];
  const max = 'max' in rule ? rule.max : undefined;
  switch (rule.kind) {
    case 'key':
    case 'reference':
      if (value.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(value)) {
        return [problem(path, `must be a lower-case slug (a-z, 0-9 and single hyphens, at most ${SLUG_MAX_LENGTH} characters), e.g. "kawasaki-makassar-2022"`, 'NOT_A_KEY')];
      }
      return [];
    case 'enum':
      return rule.values.includes(value) ? [] : [problem(path, `must be one of ${rule.values.join(', ')}`, 'NOT_ALLOWED')];
    case 'country':
      return isCountryCode(value) ? [] : [problem(path, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "JP"', 'NOT_A_COUNTRY')];
    case 'language':
      return value.length <= 35 && LANGUAGE_PATTERN.test(value) ? [] : [problem(path, 'must be a language code such as "ja", "en" or "pt-BR"', 'NOT_A_LANGUAGE')];
    case 'date':
      return isIsoDate(value) ? [] : [problem(path, 'must be a calendar date written YYYY-MM-DD', 'NOT_A_DATE')];
    case 'url':
      if (!isHttpUrl(value)) return [problem(path, 'must be an http(s) URL', 'NOT_A_URL')];
      break;
    case 'email':
      if (!EMAIL.test(value)) return [problem(path, 'must be an e-mail address', 'NOT_AN_EMAIL')];
      break;
    case 'name':
    case 'text':
      if (value.trim() === '') return [problem(path, 'must not be empty', 'EMPTY')];
      break;
  }
  if (max !== undefined && value.length > max) return [problem(path, `must be at most ${max} characters long`, 'TOO_LONG')];
  return [];
}

/** Every problem of one value under `rule`, at `path`. A value of the wrong type reports only that. */
export function ruleProblems(rule: Rule, value: unknown, path: (string | number)[] = []): RuleProblem[] {
  const wrongType = typeProblem(rule, value);
  if (wrongType) return [problem(path, wrongType, 'WRONG_TYPE')];
  if (typeof value === 'string') return stringProblems(rule, value, path);
  if (rule.kind === 'integer' || rule.kind === 'number') {
    const n = value as number;
    if (rule.min !== undefined && n < rule.min) return [problem(path, `must be at least ${rule.min}`, 'TOO_SMALL')];
    if (rule.max !== undefined && n > rule.max) return [problem(path, `must be at most ${rule.max}`, 'TOO_LARGE')];
    return [];
  }
  if (rule.kind === 'record') return recordProblems(rule.rules, value, {}, path);
  if (rule.kind === 'list') return listProblems(rule, value as unknown[], path);
  return [];
}

function listProblems(rule: Extract<Rule, { kind: 'list' }>, items: unknown[], path: (string | number)[]): RuleProblem[] {
  if (items.length > rule.max) return [problem(path, `must have at most ${rule.max} items`, 'TOO_MANY')];
  const out: RuleProblem[] = [];
  const seen = new Map<unknown, number>();
  items.forEach((item, i) => {
    const found = item === null || item === undefined ? [problem([...path, i], 'must not be null', 'REQUIRED')] : ruleProblems(rule.item, item, [...path, i]);
    out.push(...found);
    if (found.length || !rule.unique) return;
    const id = rule.unique.by(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else out.push(problem(rule.unique.field ? [...path, i, rule.unique.field] : [...path, i], `${rule.unique.what} "${String(id)}" is already listed (item ${first})`, 'DUPLICATE'));
  });
  return out;
}

/**
 * Every problem of a record under `rules` — all of them, not only the first — each naming its
 * field by path. Unknown fields are problems too. `prefix` is where the record sits in something
 * larger.
 */
export function recordProblems(rules: RecordRules, value: unknown, options: CheckOptions = {}, prefix: (string | number)[] = []): RuleProblem[] {
  if (!isObject(value)) return [problem(prefix, 'must be an object', 'WRONG_TYPE')];
  const out: RuleProblem[] = [];
  for (const name of Object.keys(value)) {
    if (!(name in rules.fields)) out.push(problem([...prefix, name], `is not a field of ${rules.what}`, 'UNKNOWN_FIELD'));
  }
  for (const [name, field] of Object.entries(rules.fields)) {
    const v = value[name];
    const path = [...prefix, name];
    if (v === undefined) {
      if (field.required && !options.partial) out.push(problem(path, 'is required', 'REQUIRED'));
    } else if (v === null) {
      if (field.required) out.push(problem(path, options.partial ? 'may be left out, but not set to null' : 'is required', 'REQUIRED'));
    } else {
      out.push(...ruleProblems(field.rule, v, path));
    }
  }
  if (!options.partial && rules.across) out.push(...rules.across(value).map((p) => ({ ...p, path: [...prefix, ...p.path] })));
  return out;
}

/** The rules across fields alone, on a whole record: what an update would leave behind. */
export function acrossProblems(rules: RecordRules, record: Readonly<Record<string, unknown>>): RuleProblem[] {
  return rules.across?.(record) ?? [];
}

/** The record as it is stored: every string NFC-normalised (nested lists and records too). Other values are kept. */
export function normaliseRecord<T>(value: T): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  if (Array.isArray(value)) return value.map((v) => normaliseRecord(v)) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseRecord(v)])) as T;
  return value;
}
