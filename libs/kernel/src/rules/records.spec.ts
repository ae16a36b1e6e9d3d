import { describe, expect, it } from 'vitest';
import { inputRules, MUNICIPALITY_RULES, normaliseRecord, PARTNERSHIP_RULES, recordProblems, textProblem } from './index';

const town = (fields: Record<string, unknown> = {}) => ({ key: 'kawasaki', name: 'Kawasaki City', kind: 'LOCAL_GOVERNMENT', country: 'JP', ...fields });
const problems = (value: unknown, partial = false) => recordProblems(MUNICIPALITY_RULES, value, { partial }).map((p) => [p.path.join('.'), p.reason]);

describe('the record rules (pure: what the API, the importer and the web forms all check)', () => {
  it('the cases of issue 10: ZZ, an empty nameJa and DOCUMENTED without a source are refused; pt-BR is a language', () => {
    expect(problems(town({ country: 'ZZ', nameJa: '', provenance: 'DOCUMENTED', languages: ['pt-BR'] }))).toEqual([
      ['nameJa', 'EMPTY'],
      ['country', 'NOT_A_COUNTRY'],
      ['source', 'SOURCE_REQUIRED'],
    ]);
  });

  it('reports every bad field, unknown fields included; wrong types alone', () => {
    expect(problems({ key: 'Bad Key', name: 7, kind: 'CITY', mayor: 'x' })).toEqual([
      ['mayor', 'UNKNOWN_FIELD'],
      ['key', 'NOT_A_KEY'],
      ['name', 'WRONG_TYPE'],
      ['kind', 'NOT_ALLOWED'],
      ['country', 'REQUIRED'],
    ]);
  });

  it('an update may leave fields out, but not clear a required one', () => {
    expect(problems({ key: 'kawasaki', capacity: 2 }, true)).toEqual([]);
    expect(problems({ key: 'kawasaki', name: null }, true)).toEqual([['name', 'REQUIRED']]);
  });

  it('nested records and lists: the bad member by index, a repeated member at its municipality', () => {
    const p = recordProblems(PARTNERSHIP_RULES, { key: 'p', title: 'P', members: [{ municipality: 'a', role: 'PEER' }, { municipality: 'a', role: 'DONOR' }, { municipality: 'a', role: 'PEER' }] });
    expect(p.map((x) => [x.path.join('.'), x.reason])).toEqual([
      ['members.1.role', 'NOT_ALLOWED'],
      ['members.2.municipality', 'DUPLICATE'],
    ]);
  });

  it('inputRules: omits and adds fields', () => {
    const rules = inputRules(MUNICIPALITY_RULES, { omit: ['lastConfirmedOn'], extra: { version: { rule: { kind: 'integer', min: 1, max: 10 }, required: true } } });
    expect(recordProblems(rules, town({ lastConfirmedOn: '2026-01-01' })).map((p) => [p.path.join('.'), p.reason])).toEqual([
      ['lastConfirmedOn', 'UNKNOWN_FIELD'],
      ['version', 'REQUIRED'],
    ]);
  });
});

describe('the Unicode policy', () => {
  it.each([
    ['a\u0000b', 'text', 'NUL_CHARACTER'],
    ['a\uD800b', 'text', 'LONE_SURROGATE'],
    ['a\uDC00', 'name', 'LONE_SURROGATE'],
    ['\u001b[31mred', 'text', 'CONTROL_CHARACTER'],
    ['two\nlines', 'name', 'CONTROL_CHARACTER'],
    ['a\u0085b', 'name', 'CONTROL_CHARACTER'],
    ['evil\u202Etxt', 'name', 'BIDI_CONTROL'],
    ['iso\u2066late', 'name', 'BIDI_CONTROL'],
    ['zero\u200Bwidth', 'name', 'INVISIBLE_CHARACTER'],
    ['word\u2060joiner', 'name', 'INVISIBLE_CHARACTER'],
    ['\uFEFFbom', 'name', 'INVISIBLE_CHARACTER'],
  ] as const)('%j as %s: %s', (value, kind, reason) => {
    expect(textProblem(value, kind)?.reason).toBe(reason);
  });

  it.each([
    ['two\nlines\tand a tab', 'text'],
    ['川崎市上下水道局', 'name'],
    ['Nagoya 🚰', 'name'],
    ['مكة المكرمة', 'name'],
    ['evil\u202Etxt in a description', 'text'],
  ] as const)('accepts %j as %s', (value, kind) => {
    expect(textProblem(value, kind)).toBeUndefined();
  });

  it('stores NFC: a decomposed é becomes one code point, in nested lists and records too', () => {
    expect(normaliseRecord({ name: 'Cafe\u0301', lessons: ['e\u0301'], members: [{ municipality: 'x', note: 'e\u0301' }], n: 3, z: null })).toEqual({
      name: 'Caf\u00e9',
      lessons: ['\u00e9'],
      members: [{ municipality: 'x', note: '\u00e9' }],
      n: 3,
      z: null,
    });
  });
});
