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
  /** A study session plan's region that names no Japanese region or prefecture and no country with bodies. */
  unknownRegion: (region: string): DomainError =>
    badInput(`Unknown region "${region}"`, [{ path: 'input.region', message: 'must name a Japanese region (e.g. Kyushu), a prefecture (e.g. Fukuoka) or a country (e.g. JP, Japan) with bodies in the directory' }], 'UNKNOWN_REGION'),
  invalidDate: (path: string, value: string): DomainError => badInput(`${path} must be a date (YYYY-MM-DD)`, [{ path, message: `not a calendar date: "${value}"` }], 'INVALID_DATE'),
  pastDate: (path: string, value: string, today: string): DomainError => badInput(`${path} must not be in the past`, [{ path, message: `${value} is before today (${today})` }], 'PAST_DATE'),
  unknownTopics: (found: { path: string; key: string }[]): DomainError =>
    badInput(`Unknown topic${found.length > 1 ? 's' : ''}: ${found.map((f) => f.key).join(', ')}`, found.map((f) => ({ path: f.path, message: `no topic with key "${f.key}"` })), 'UNKNOWN_TOPIC'),
};

/** Validates an optional list size against 1..max, with the default when absent. */
export function sizeArg(path: string, value: number | null | undefined, fallback: number, max: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw MatchingErrors.outOfRange(path, min, max, v);
  return v;
}
