import { acrossProblems, badInput, invalidFields, type RecordRules } from '@kakehashi/kernel';

/** The sent fields `K` of `T`; those in `R` are known not to be null. */
export type Patch<T, K extends keyof T, R extends keyof T> = { [P in K]?: P extends R ? NonNullable<T[P]> : T[P] };

/**
 * The fields of a partial update that were actually sent: `undefined` means "leave as is",
 * `null` means "clear". Fields in `required` may not be cleared (BAD_USER_INPUT naming them).
 */
export function patchOf<T extends object, K extends keyof T, R extends keyof T = never>(
  input: T,
  fields: readonly K[],
  required: readonly R[] = [],
  prefix = 'input',
): Patch<T, K, R> {
  const cleared = required.filter((f) => input[f] === null);
  if (cleared.length) {
    throw badInput(
      `${cleared.join(', ')} cannot be cleared`,
      cleared.map((f) => ({ path: `${prefix}.${String(f)}`, message: 'may be left out, but not set to null' })),
    );
  }
  const patch: Record<string, unknown> = {};
  for (const f of fields) if (input[f] !== undefined) patch[f as string] = input[f];
  return patch as Patch<T, K, R>;
}

/**
 * The record rules across fields (a DOCUMENTED record cites its source, years run forwards) on the
 * record an update leaves behind: `current` with the fields of `patch` that were sent. BAD_USER_INPUT
 * naming the fields under `input` otherwise.
 */
export function assertAcross(rules: RecordRules, current: object, patch: object): void {
  const sent = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const problems = acrossProblems(rules, { ...(current as Record<string, unknown>), ...sent });
  if (problems.length) throw invalidFields(problems, 'input');
}

/** Equal as stored values: null and undefined alike, arrays item by item, objects field by field. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameValue(x[k], y[k]));
  }
  return a === b;
}

/**
 * True when every field of `patch` already holds its value in `current`: the update would change
 * nothing, so it writes nothing — no new version, no audit entry, no new lastConfirmedOn (saying
 * "still true" is what confirm is for).
 */
export function changesNothing(current: object, patch: object): boolean {
  const now = current as Record<string, unknown>;
  return Object.entries(patch).every(([field, value]) => value === undefined || sameValue(now[field], value));
}
