import { badInput } from '@kakehashi/kernel';

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

/** Years must run forwards: BAD_USER_INPUT on `input.endYear` otherwise. */
export function assertYearOrder(startYear: number | null | undefined, endYear: number | null | undefined): void {
  if (startYear != null && endYear != null && endYear < startYear) {
    throw badInput('endYear is before startYear', [{ path: 'input.endYear', message: `must be ${startYear} or later` }]);
  }
}
