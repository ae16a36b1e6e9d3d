import { badInput, DomainError, type ErrorDetail } from '@kakehashi/kernel';

/** A reference to another record by key, and the input path that named it. */
export interface KeyRef {
  key: string;
  path: string;
}

/** A record with this key exists already: CONFLICT (reason DUPLICATE_KEY) naming the key field. */
export const duplicateKey = (what: string, key: string, path = 'input.key'): DomainError =>
  new DomainError('CONFLICT', `${what} "${key}" already exists`, [{ path, message: `a ${what.toLowerCase()} with key "${key}" exists` }], 'DUPLICATE_KEY');

/** References to records that do not exist: BAD_USER_INPUT naming each path. */
export const unknownReferences = (what: string, refs: readonly KeyRef[]): DomainError =>
  badInput(
    `Unknown ${what} ${refs.map((r) => `"${r.key}"`).join(', ')}`,
    refs.map((r): ErrorDetail => ({ path: r.path, message: `no ${what} with key "${r.key}"` })),
    'UNKNOWN_REFERENCE',
  );

/** PostgreSQL's unique_violation, as TypeORM's QueryFailedError carries it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return (e?.driverError?.code ?? e?.code) === '23505';
}
