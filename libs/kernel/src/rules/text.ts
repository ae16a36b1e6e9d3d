/**
 * The Unicode policy of the directory's text. Every string is stored NFC-normalised (so the same
 * name typed on two systems is one name). What may never be stored, anywhere: U+0000 (PostgreSQL
 * text cannot hold it) and lone surrogates (they cannot be encoded; PostgreSQL would store U+FFFD
 * instead, silently). Names and keys — what identifies a record to a reader — also refuse what
 * can make one name look like another or hide part of it: control characters (C0, C1: ANSI
 * escapes, newlines), bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), and zero-width or invisible characters (U+200B–U+200F, U+2060, U+FEFF, U+180E,
 * U+061C). Free text (descriptions, evidence) may hold tabs and line breaks, but no other control
 * character.
 */

/** Why a string is refused (a stable code inside BAD_USER_INPUT). */
export type TextReason = 'NUL_CHARACTER' | 'LONE_SURROGATE' | 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'INVISIBLE_CHARACTER';

export interface TextProblem {
  reason: TextReason;
  message: string;
}

/** One line of text that names something (a name, a title, a region, a key). */
export type TextKind = 'name' | 'text';

// With the `u` flag a surrogate class matches only unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_NAME = /[\u0001-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_TEXT = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u180E\u061C]/u;

const codePoint = (s: string, re: RegExp): string => {
  const c = re.exec(s)![0].codePointAt(0)!;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** The first thing the policy refuses in `value` (a `kind` of text), or undefined when it is acceptable. */
export function textProblem(value: string, kind: TextKind): TextProblem | undefined {
  if (value.includes('\u0000')) return { reason: 'NUL_CHARACTER', message: 'must not contain the NUL character (U+0000)' };
  if (LONE_SURROGATE.test(value)) return { reason: 'LONE_SURROGATE', message: 'must not contain a lone surrogate (broken UTF-16)' };
  const control = kind === 'name' ? CONTROL_IN_NAME : CONTROL_IN_TEXT;
  if (control.test(value)) {
    return { reason: 'CONTROL_CHARACTER', message: `must not contain control characters (found ${codePoint(value, control)}${kind === 'name' ? '; a name is one line' : ''})` };
  }
  if (kind === 'name' && BIDI_CONTROL.test(value)) {
    return { reason: 'BIDI_CONTROL', message: `must not contain bidirectional overrides or isolates (found ${codePoint(value, BIDI_CONTROL)})` };
  }
  if (kind === 'name' && INVISIBLE.test(value)) {
    return { reason: 'INVISIBLE_CHARACTER', message: `must not contain zero-width or invisible characters (found ${codePoint(value, INVISIBLE)})` };
  }
  return undefined;
}

/** The stored form of a string: NFC. A string with a lone surrogate is returned unchanged (it is refused anyway). */
export function normaliseText(value: string): string {
  return LONE_SURROGATE.test(value) ? value : value.normalize('NFC');
}
