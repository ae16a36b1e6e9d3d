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

/**
 * Cancelling a partnership of several members is a coordinator's decision (ADR 16): one member's
 * editor may not end it for the others. FORBIDDEN (reason SHARED_PARTNERSHIP).
 */
export const sharedCancellation = (key: string, members: number): DomainError =>
  new DomainError(
    'FORBIDDEN',
    `Partnership "${key}" has ${members} members: cancelling it is for a coordinator, not one member's editor`,
    [{ path: 'status', message: 'a partnership of several members is cancelled by a coordinator' }],
    'SHARED_PARTNERSHIP',
  );

/** An operation for coordinators (and administrators) only: FORBIDDEN (reason COORDINATORS_ONLY). */
export const coordinatorsOnly = (what: string): DomainError => new DomainError('FORBIDDEN', `Only a coordinator may ${what}`, [], 'COORDINATORS_ONLY');

/** There is no status change to undo: none recorded, or the status has moved on since (BAD_USER_INPUT, NOTHING_TO_UNDO). */
export const nothingToUndo = (key: string, why: string): DomainError =>
  badInput(`Partnership "${key}": no status change to undo (${why})`, [{ path: 'key', message: why }], 'NOTHING_TO_UNDO');

/** PostgreSQL's unique_violation, as TypeORM's QueryFailedError carries it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return (e?.driverError?.code ?? e?.code) === '23505';
}

/**
 * A row-level refusal naming the records the actor may not change: FORBIDDEN (reason
 * NOT_YOUR_MUNICIPALITY). `records`: the keys refused, each with the input field that ties it to
 * the municipality (default `key`).
 */
export const notYours = (what: string, records: readonly { key: string; path?: string }[]): DomainError =>
  new DomainError(
    'FORBIDDEN',
    `You may not change ${what} ${records.map((r) => r.key).join(', ')}: it belongs to a municipality you do not edit`,
    records.map((r) => ({ path: r.path ?? 'key', message: `${what} "${r.key}" is not yours to change` })),
    'NOT_YOUR_MUNICIPALITY',
  );
