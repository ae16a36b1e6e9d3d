import { badInput, conflict, DomainError, notFound } from '@kakehashi/kernel';

/** Errors of the matchmaker: coded, naming the argument or field at fault. */
export const MatchingErrors = {
  needNotFound: (key: string): DomainError => notFound('Need', key),
  municipalityNotFound: (key: string): DomainError => notFound('Municipality', key),
  /** NOT_FOUND naming the argument that held the key. */
  notFoundAt: (what: string, key: string, path: string): DomainError => new DomainError('NOT_FOUND', `${what} "${key}" was not found`, [{ path, message: `no ${what.toLowerCase()} with key "${key}"` }]),
  introductionNotFound: (id: string): DomainError => notFound('Introduction', id),
  outOfRange: (path: string, min: number, max: number, got: number): DomainError =>
    badInput(`${path} must be between ${min} and ${max}`, [{ path, message: `must be an integer from ${min} to ${max}, got ${got}` }]),
  missing: (path: string, message: string): DomainError => badInput(message, [{ path, message }]),
  selfIntroduction: (): DomainError => badInput('A municipality cannot be introduced to itself', [{ path: 'candidateKey', message: 'must differ from the requesting municipality' }]),
  introductionClosed: (id: string, status: string): DomainError => conflict(`Introduction ${id} is already ${status}`, 'INTRODUCTION_CLOSED'),
  introductionPending: (): DomainError => conflict('An introduction between these two is already waiting for an answer', 'INTRODUCTION_PENDING'),
};

/** Validates an optional list size against 1..max, with the default when absent. */
export function sizeArg(path: string, value: number | null | undefined, fallback: number, max: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw MatchingErrors.outOfRange(path, min, max, v);
  return v;
}
