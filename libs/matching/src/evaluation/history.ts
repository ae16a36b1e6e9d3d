/**
 * The documented history the history-only evaluation runs on: Japanese bodies, the partners they
 * helped and who helped whom, on what, in which country. Read from a file of documented
 * partnerships (`japaneseBodies`, `partners`, `partnerships`: the format of the project's real
 * partnership data), or from the DOCUMENTED partnerships of a kakehashi/v1 directory. Pure.
 */
import { badInput, type DomainError } from '@kakehashi/kernel';
import type { Taxonomy } from '../scoring/taxonomy';

export interface HistoryBody {
  key: string;
  name: string;
  nameJa?: string | null;
  region?: string | null;
  subdivision?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  population?: number | null;
}

export interface HistoryPartner {
  key: string;
  name: string;
  country: string;
}

export interface HistoryPartnership {
  key: string;
  /** The first Japanese body that carried it. */
  provider: string;
  /**
   * Every Japanese body that carried it (`provider`, or `providers` when a file names several). A
   * partnership is one case whoever carried it: the partner posts one need, and the best-placed of
   * its real providers counts.
   */
  providers: string[];
  /** The partner helped; null for work with many (training courses for trainees of many countries). */
  partner: string | null;
  country: string | null;
  scheme: string | null;
  topics: string[];
  startYear: number | null;
  ongoing: boolean;
}

/** A kakehashi/v1 document (structurally): what `historyDocument` returns for the caller's importer. */
export interface HistoryDirectory {
  format: 'kakehashi/v1';
  municipalities: Record<string, unknown>[];
  partnerships: Record<string, unknown>[];
}

export interface History {
  bodies: HistoryBody[];
  partners: HistoryPartner[];
  partnerships: HistoryPartnership[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** True when `input` has the shape of a documented-partnerships file rather than a kakehashi/v1 document. */
export function isHistoryFile(input: unknown): boolean {
  return isObject(input) && Array.isArray(input['japaneseBodies']) && Array.isArray(input['partnerships']) && input['format'] === undefined;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'x';

/**
 * Reads a documented-partnerships file. Every problem is reported with its JSON path (BAD_USER_INPUT);
 * unknown topic keys are errors too, so a typo never silently drops a signal.
 */
export function parseHistoryFile(input: unknown, tax: Taxonomy): History {
  const problems: { path: string; message: string }[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const doc = input as Json;
  const str = (o: Json, k: string, path: string, required = true): string | null => {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (v === undefined || v === null) {
      if (required) bad(`${path}.${k}`, 'is required');
      return null;
    }
    bad(`${path}.${k}`, 'must be a non-empty string');
    return null;
  };
  const num = (o: Json, k: string): number | null => (typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : null);
  const bodies: HistoryBody[] = [];
  (doc['japaneseBodies'] as unknown[]).forEach((b, i) => {
    const path = `$.japaneseBodies[${i}]`;
    if (!isObject(b)) return bad(path, 'must be an object');
    const key = str(b, 'key', path);
    const name = str(b, 'name', path);
    if (key && name)
      bodies.push({ key, name, nameJa: str(b, 'nameJa', path, false), region: str(b, 'region', path, false), subdivision: str(b, 'prefecture', path, false), latitude: num(b, 'latitude'), longitude: num(b, 'longitude'), population: num(b, 'population') });
  });
  const partners: HistoryPartner[] = [];
  ((doc['partners'] as unknown[] | undefined) ?? []).forEach((p, i) => {
    const path = `$.partners[${i}]`;
    if (!isObject(p)) return bad(path, 'must be an object');
    const key = str(p, 'key', path);
    const name = str(p, 'name', path);
    const country = str(p, 'country', path);
    if (country && !/^[A-Z]{2}$/.test(country)) bad(`${path}.country`, 'must be an ISO 3166-1 alpha-2 code');
    if (key && name && country) partners.push({ key, name, country });
  });
  const bodyKeys = new Set(bodies.map((b) => b.key));
  const partnerByKey = new Map(partners.map((p) => [p.key, p]));
  const partnerships: HistoryPartnership[] = [];
  const keys = new Set<string>();
  (doc['partnerships'] as unknown[]).forEach((p, i) => {
    const path = `$.partnerships[${i}]`;
    if (!isObject(p)) return bad(path, 'must be an object');
    const many = Array.isArray(p['providers']) ? (p['providers'] as unknown[]) : Array.isArray(p['provider']) ? (p['provider'] as unknown[]) : null;
    const providers = many
      ? many.filter((x, j): x is string => (typeof x === 'string' && x.trim() !== '') || (bad(`${path}.providers[${j}]`, 'must be a non-empty string'), false))
      : [str(p, 'provider', path)].filter((x): x is string => x !== null);
    if (many && !providers.length) bad(`${path}.providers`, 'must name at least one Japanese body');
    providers.forEach((x) => bodyKeys.has(x) || bad(`${path}.provider`, `unknown Japanese body "${x}"`));
    const provider = providers[0] ?? null;
    const partner = p['partner'] === null || p['partner'] === undefined ? null : str(p, 'partner', path);
    if (partner && !partnerByKey.has(partner)) bad(`${path}.partner`, `unknown partner "${partner}"`);
    const topics = Array.isArray(p['topics']) ? (p['topics'] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    topics.forEach((t, j) => tax.has(t) || bad(`${path}.topics[${j}]`, `unknown topic "${t}"`));
    const startYear = num(p, 'startYear');
    let key = slug(`${provider ?? 'x'}-${partner ?? 'many'}-${startYear ?? i}`);
    for (let n = 2; keys.has(key); n++) key = `${slug(`${provider ?? 'x'}-${partner ?? 'many'}-${startYear ?? i}`)}-${n}`;
    keys.add(key);
    if (provider)
      partnerships.push({
        key,
        provider,
        providers: [...new Set(providers)],
        partner,
        country: partner ? (partnerByKey.get(partner)?.country ?? null) : null,
        scheme: typeof p['scheme'] === 'string' ? (p['scheme'] as string) : null,
        topics,
        startYear,
        ongoing: p['ongoing'] === true,
      });
  });
  if (problems.length) throw historyProblems(problems);
  return { bodies, partners, partnerships };
}

function historyProblems(problems: { path: string; message: string }[]): DomainError {
  return badInput(`The documented-partnerships file has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems.slice(0, 50));
}

/** A body key that cannot collide with a partner key. */
const bodyKey = (k: string) => `jp-${k}`;
const partnerKey = (k: string) => `partner-${k}`;

/**
 * The directory "as it stood" for the history-only mode, as a kakehashi/v1 document: the bodies
 * and partners with nothing declared (no expertise, no capacity, no experience, no languages) and
 * every documented partnership, provider and recipient. Expertise is derived per case, from the
 * other partnerships only (see EvaluationService).
 */
export function historyDocument(h: History): HistoryDirectory {
  return {
    format: 'kakehashi/v1',
    municipalities: [
      ...h.bodies.map((b) => ({
        key: bodyKey(b.key),
        name: b.name,
        nameJa: b.nameJa ?? null,
        kind: 'LOCAL_GOVERNMENT',
        country: 'JP',
        region: b.region ?? null,
        subdivision: b.subdivision ?? null,
        population: b.population ?? null,
        latitude: b.latitude ?? null,
        longitude: b.longitude ?? null,
      })),
      ...h.partners.map((p) => ({ key: partnerKey(p.key), name: p.name, kind: 'UTILITY', country: p.country })),
    ],
    partnerships: h.partnerships.map((p) => ({
      key: p.key,
      title: `${p.provider} – ${p.partner ?? 'many partners'}`,
      scheme: p.scheme,
      status: p.ongoing ? 'ACTIVE' : 'COMPLETED',
      startYear: p.startYear,
      topics: p.topics,
      members: [...p.providers.map((b) => ({ municipality: bodyKey(b), role: 'PROVIDER' })), ...(p.partner ? [{ municipality: partnerKey(p.partner), role: 'RECIPIENT' }] : [])],
      provenance: 'DOCUMENTED',
      source: 'history-only evaluation',
    })),
  };
}

/** Maps a key of `historyDocument` back to the history's own key. */
export const historyKey = (documentKey: string): string => documentKey.replace(/^jp-/, '');
export const historyPartnerKey = partnerKey;
export const historyBodyKey = bodyKey;
