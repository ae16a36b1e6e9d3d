import { optimalAssignment, type Edge } from '../scoring/assignment';
import { standaloneReason, type Component } from '../scoring/combine';
import { evidence, evidenceItems } from '../scoring/evidence';
import type { MunicipalityFacts } from '../scoring/facts';
import { closeness, distanceKm } from '../scoring/geo';
import { NEAR_LIMIT_KM } from '../scoring/context';
import { isExperienced, partnershipsAbroad } from '../scoring/mentor-score';
import type { OpenNeedFacts } from '../scoring/peer-score';
import type { MatchReason, RecordRef } from '../scoring/reason';
import type { Taxonomy } from '../scoring/taxonomy';
import { dedupe, expertiseRef } from '../scoring/topic-fit';
import { regionJa } from '@kakehashi/kernel';
import type {
  ResolvedRegion,
  SeatRole,
  SessionBody,
  SessionGroup,
  SessionInvitee,
  SessionNote,
  SessionPresentation,
  SessionSeat,
  SessionTheme,
  StudySessionFacts,
  StudySessionPlan,
} from './study-session.types';
import { formatNumber } from '../scoring/format';

/** Themes of a session when the coordinator names none: a morning of four case presentations. */
export const DEFAULT_THEMES = 4;
/** Overseas partners invited per theme: enough voices from abroad without crowding the newcomers out. */
export const PARTNERS_PER_THEME = 2;
/** Declared expertise at or above this level counts as a profile that matches a theme. */
export const PROFILE_LEVEL = 3;
/** Added to every presenter edge so the assignment first maximises how many themes get their own presenter. */
const DISTINCT_FIRST = 100;

const nameJa = (m: Pick<MunicipalityFacts, 'name' | 'nameJa'>) => m.nameJa ?? m.name;
const muniRef = (m: Pick<MunicipalityFacts, 'key' | 'name'>): RecordRef => ({ type: 'MUNICIPALITY', key: m.key, label: m.name });
const needRef = (n: OpenNeedFacts): RecordRef => ({ type: 'NEED', key: n.key, label: n.title });
const byKey = (a: { municipality: { key: string } }, b: { municipality: { key: string } }) => a.municipality.key.localeCompare(b.municipality.key);

/** A record on `topic` is on the theme when it names the theme itself or, for a theme that is a whole domain, one of its topics. */
export const onTheme = (tax: Taxonomy, theme: string, topic: string): boolean => topic === theme || tax.domainOf(topic) === theme;
/** The topic keys a theme covers (itself and, for a domain, its topics): what the service asks the database for. */
export const themeTopicKeys = (tax: Taxonomy, theme: string): string[] => tax.topics.filter((t) => onTheme(tax, theme, t.key)).map((t) => t.key);

/** True when the body lies in the region (country, region or prefecture as the directory spells it). */
export function inRegion(region: ResolvedRegion, m: MunicipalityFacts): boolean {
  if (m.country !== region.country) return false;
  if (region.scope === 'COUNTRY') return true;
  const value = region.scope === 'REGION' ? m.region : m.subdivision;
  return (value ?? '').toLowerCase() === region.name.toLowerCase();
}

/** In a region smaller than the country: a presenter its neighbours can visit. */
const local = (region: ResolvedRegion, m: MunicipalityFacts): boolean => region.scope !== 'COUNTRY' && inRegion(region, m);

/** Where a body sits: partners come from abroad; at home, experienced bodies (ADR 20) and newcomers. */
export function seatRole(region: ResolvedRegion, b: SessionBody): SeatRole {
  if (b.municipality.country !== region.country) return 'PARTNER';
  return isExperienced(b) ? 'EXPERIENCED' : 'NEWCOMER';
}

const isAgency = (b: SessionBody) => b.municipality.kind === 'NATIONAL_AGENCY';

/** The region's newcomers (all of its bodies when its newcomers post no need): whose needs and strengths the themes come from. */
function themeSource(facts: Pick<StudySessionFacts, 'region' | 'home'>): SessionBody[] {
  const home = facts.home.filter((b) => !isAgency(b));
  const newcomers = home.filter((b) => seatRole(facts.region, b) === 'NEWCOMER');
  return newcomers.some((b) => b.needs.length) ? newcomers : home;
}

/**
 * Topics a theme may be drawn from: those of the open needs of the region's newcomers, and those
 * they are strong in at home (expertise ≥ PROFILE_LEVEL) — where an overseas need could be their
 * first work abroad. The service reads overseas needs on these before choosing.
 */
export function candidateTopics(tax: Taxonomy, facts: Pick<StudySessionFacts, 'region' | 'home'>): string[] {
  const src = themeSource(facts);
  const newcomers = facts.home.filter((b) => !isAgency(b) && seatRole(facts.region, b) === 'NEWCOMER');
  return tax.sort([...src.flatMap((b) => b.needs.flatMap((n) => n.topicKeys)), ...newcomers.flatMap((b) => b.expertise.filter((e) => e.level >= PROFILE_LEVEL).map((e) => e.topicKey))]);
}

/**
 * The themes: the coordinator's topics, or the candidate topics most needed — first by the open
 * needs of the region's newcomers, then by the open needs abroad on them — ties in taxonomy order;
 * a domain and one of its topics are never both themes.
 */
export function chooseThemes(tax: Taxonomy, facts: Pick<StudySessionFacts, 'region' | 'home' | 'overseas'>, topics?: readonly string[] | null, max = DEFAULT_THEMES): string[] {
  if (topics?.length) return [...new Set(topics)];
  const home = new Map<string, number>();
  const abroad = new Map<string, number>();
  const tally = (into: Map<string, number>, needs: readonly OpenNeedFacts[], on: readonly string[]) => {
    for (const n of needs) for (const t of on) if (n.topicKeys.some((k) => onTheme(tax, t, k))) into.set(t, (into.get(t) ?? 0) + 1);
  };
  const order = candidateTopics(tax, facts);
  for (const b of themeSource(facts)) tally(home, b.needs, order);
  for (const b of facts.overseas) if (b.municipality.country !== facts.region.country) tally(abroad, b.needs, order);
  const ranked = order
    .filter((t) => home.has(t) || abroad.has(t))
    .sort((a, b) => (home.get(b) ?? 0) - (home.get(a) ?? 0) || (abroad.get(b) ?? 0) - (abroad.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b));
  // A domain and one of its topics would be one theme twice: the more needed one stands for both.
  const chosen: string[] = [];
  for (const t of ranked) if (chosen.length < max && !chosen.some((c) => related(tax, c, t))) chosen.push(t);
  return chosen;
}

/** Composes a study session from the facts: themes, presenters, invitees and discussion groups, each with reasons. */
export function planStudySession(tax: Taxonomy, facts: StudySessionFacts, input: { date: string; groups: number; groupSize: number; topics?: readonly string[] | null }): StudySessionPlan {
  const notes: SessionNote[] = [];
  const themeKeys = chooseThemes(tax, facts, input.topics);
  if (!themeKeys.length)
    notes.push({ code: 'NO_THEMES', detail: `No open needs of ${facts.region.name}'s newcomers, nor abroad on their strengths, to take themes from: name the topics to plan for`, detailJa: `${regionJa(facts.region.name)}の新規参加団体の依頼や、その強みに関する海外の依頼がなく、テーマを決められない。分野を指定してください`, records: [] });
  const newcomers = inviteNewcomers(tax, facts, themeKeys);
  const partners = invitePartners(tax, facts, themeKeys);
  const invitees = [...newcomers, ...partners];
  const themes: SessionTheme[] = themeKeys.map((t) => {
    const needs = dedupe(invitees.flatMap((i) => bodyOf(facts, i.municipality.id)!.needs.filter((n) => n.topicKeys.some((k) => onTheme(tax, t, k))).map(needRef)));
    return { topicKey: t, needCount: needs.length, needs };
  });
  const presentations = choosePresenters(tax, facts, themeKeys, notes);
  const { groups, unseated } = formGroups(tax, facts, invitees, presentations, input, notes);
  return { region: facts.region, date: input.date, themes, presentations, invitees, groups, unseated, notes };
}

const bodies = new WeakMap<StudySessionFacts, Map<string, SessionBody>>();
function bodyOf(facts: StudySessionFacts, id: string): SessionBody | undefined {
  let byId = bodies.get(facts);
  if (!byId) bodies.set(facts, (byId = new Map([...facts.nearbyExperienced, ...facts.presenters, ...facts.overseas, ...facts.home].map((b) => [b.municipality.id, b]))));
  return byId.get(id);
}

/** Newcomers of the region whose open needs or declared expertise match a theme. */
function inviteNewcomers(tax: Taxonomy, facts: StudySessionFacts, themes: readonly string[]): SessionInvitee[] {
  const out: SessionInvitee[] = [];
  for (const b of facts.home) {
    if (isAgency(b) || seatRole(facts.region, b) !== 'NEWCOMER') continue;
    const m = b.municipality;
    const needs = b.needs.filter((n) => n.topicKeys.some((k) => themes.some((t) => onTheme(tax, t, k))));
    const skills = b.expertise.filter((e) => e.level >= PROFILE_LEVEL && themes.some((t) => onTheme(tax, t, e.topicKey)));
    if (!needs.length && !skills.length) continue;
    const topicKeys = themes.filter((t) => needs.some((n) => n.topicKeys.some((k) => onTheme(tax, t, k))) || skills.some((e) => onTheme(tax, t, e.topicKey)));
    const labels = (lang: 'en' | 'ja') => topicKeys.map((t) => (lang === 'en' ? tax.labelEn(t) : tax.labelJa(t))).join(lang === 'en' ? ', ' : '、');
    const abroad = partnershipsAbroad(b).length;
    const parts: Component[] = [];
    if (needs.length)
      parts.push({
        kind: 'SHARED_CHALLENGE',
        strength: Math.min(1, needs.length / 2),
        detail: `Open needs on the session's themes (${labels('en')}): ${needs.map((n) => `"${n.title}"`).join(', ')}`,
        detailJa: `勉強会のテーマ（${labels('ja')}）に関する依頼：${needs.map((n) => `「${n.title}」`).join('')}`,
        records: needs.map(needRef),
      });
    if (skills.length)
      parts.push({
        kind: 'TOPIC_FIT',
        strength: Math.max(...skills.map((e) => e.level)) / 5,
        detail: `Works on the themes at home: ${skills.map((e) => `${tax.labelEn(e.topicKey)} (level ${e.level})`).join(', ')}`,
        detailJa: `国内でテーマに取り組んでいる：${skills.map((e) => `${tax.labelJa(e.topicKey)}（レベル${e.level}）`).join('、')}`,
        records: skills.map((e) => expertiseRef(m.key, e.topicKey, tax)),
      });
    parts.push({
      kind: 'NEWCOMER',
      strength: abroad ? 0.5 : 1,
      detail: `New to overseas work: ${abroad ? `${abroad} partnership${abroad > 1 ? 's' : ''}` : 'no partnership'} abroad so far`,
      detailJa: `海外協力の経験が少ない（海外での協力${abroad}件）`,
      records: [muniRef(m), ...partnershipsAbroad(b).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title }))],
    });
    out.push({ municipality: m, role: 'NEWCOMER', topicKeys, reasons: parts.map(standaloneReason) });
  }
  return out.sort(byKey);
}

/**
 * Overseas partners with open needs on the themes: per theme the PARTNERS_PER_THEME that already
 * worked with a body of the region's country first (trust exists), then the most needs on it.
 */
function invitePartners(tax: Taxonomy, facts: StudySessionFacts, themes: readonly string[]): SessionInvitee[] {
  const chosen = new Map<string, { body: SessionBody; themes: string[] }>();
  for (const t of themes) {
    const ranked = facts.overseas
      .filter((b) => b.municipality.country !== facts.region.country && !isAgency(b))
      .map((b) => ({ b, needs: b.needs.filter((n) => n.topicKeys.some((k) => onTheme(tax, t, k))).length, tie: ties(facts, b).length }))
      .filter((x) => x.needs > 0)
      .sort((x, y) => Number(y.tie > 0) - Number(x.tie > 0) || y.needs - x.needs || x.b.municipality.key.localeCompare(y.b.municipality.key))
      .slice(0, PARTNERS_PER_THEME);
    for (const { b } of ranked) {
      const entry = chosen.get(b.municipality.id) ?? { body: b, themes: [] };
      entry.themes.push(t);
      chosen.set(b.municipality.id, entry);
    }
  }
  return [...chosen.values()]
    .map(({ body: b, themes: mine }) => {
      const needs = b.needs.filter((n) => n.topicKeys.some((k) => mine.some((t) => onTheme(tax, t, k))));
      const tied = ties(facts, b);
      const parts: Component[] = [
        {
          kind: 'OPEN_NEED',
          strength: Math.min(1, needs.length / 2),
          detail: `Open needs on ${mine.map((t) => tax.labelEn(t)).join(', ')}: ${needs.map((n) => `"${n.title}"`).join(', ')}`,
          detailJa: `${mine.map((t) => tax.labelJa(t)).join('、')}に関する依頼：${needs.map((n) => `「${n.title}」`).join('')}`,
          records: needs.map(needRef),
        },
      ];
      if (tied.length)
        parts.push({
          kind: 'PRIOR_PARTNER',
          strength: Math.min(1, tied.length / 2),
          detail: `Has worked with ${[...new Set(tied.flatMap((p) => p.with))].join(', ')}`,
          detailJa: `${[...new Set(tied.flatMap((p) => p.withJa))].join('、')}との協力実績がある`,
          records: tied.map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })),
        });
      return { municipality: b.municipality, role: 'PARTNER' as const, topicKeys: mine, reasons: parts.map(standaloneReason) };
    })
    .sort(byKey);
}

/** Partnerships of an overseas body with bodies of the region's country. */
function ties(facts: StudySessionFacts, b: SessionBody): { key: string; title: string; with: string[]; withJa: string[] }[] {
  return b.partnerships
    .map((p) => ({ p, home: p.partners.filter((x) => x.country === facts.region.country) }))
    .filter((x) => x.home.length)
    .map(({ p, home }) => ({ key: p.key, title: p.title, with: home.map((x) => x.name), withJa: home.map((x) => x.name) }));
}

interface PresenterCandidate {
  body: SessionBody;
  theme: string;
  score: number;
  component: Component;
  studies: Component | null;
}

/** Documented results on a theme: partnerships with measured improvements, and case studies. */
function resultsOn(tax: Taxonomy, theme: string, b: SessionBody): { component: Component; studies: Component | null } | null {
  const items = evidenceItems(tax, [theme], b.partnerships, b.caseStudies).filter((i) => i.record.type === 'CASE_STUDY' || i.outcomes.length > 0);
  if (!items.length) return null;
  const component = evidence(tax, [theme], b.partnerships, b.caseStudies);
  const studies = b.caseStudies.filter((c) => c.topicKeys.some((k) => onTheme(tax, theme, k)));
  return {
    component: { ...component, records: dedupe([...items.map((i) => i.record), ...component.records]) },
    studies: studies.length
      ? {
          kind: 'KNOWLEDGE_SHARING',
          strength: 1 - Math.exp(-studies.length / 2),
          detail: `Has presented it before: ${studies.map((c) => `"${c.title}"${c.eventTitle ? ` at ${c.eventTitle}` : ''}`).join(', ')}`,
          detailJa: `発表実績：${studies.map((c) => `「${c.title}」${c.eventTitle ? `（${c.eventTitle}）` : ''}`).join('')}`,
          records: dedupe(studies.flatMap((c): RecordRef[] => [{ type: 'CASE_STUDY', key: c.key, label: c.title }, ...(c.eventKey ? [{ type: 'EVENT' as const, key: c.eventKey, label: c.eventTitle ?? c.eventKey }] : [])])),
        }
      : null,
  };
}

/**
 * One presenter per theme, spread: an exact assignment (each body at most once) that first gives as
 * many themes as possible a presenter of their own, then the strongest record (a body of the region
 * counts extra). A theme left without one gets the strongest candidate again, and says so.
 */
function choosePresenters(tax: Taxonomy, facts: StudySessionFacts, themes: readonly string[], notes: SessionNote[]): SessionPresentation[] {
  const pool = new Map<string, SessionBody>();
  for (const b of [...facts.presenters, ...facts.home]) if (b.municipality.country === facts.region.country) pool.set(b.municipality.id, b);
  const candidates: PresenterCandidate[] = [];
  for (const theme of themes)
    for (const body of pool.values()) {
      const r = resultsOn(tax, theme, body);
      if (r) candidates.push({ body, theme, score: r.component.strength + (local(facts.region, body.municipality) ? 0.3 : 0) + (r.studies ? 0.1 : 0), ...r });
    }
  const edges: Edge[] = candidates.map((c) => ({ need: c.theme, provider: c.body.municipality.id, score: DISTINCT_FIRST + c.score }));
  const assigned = new Map(optimalAssignment(edges, new Map([...pool.keys()].map((id) => [id, 1]))).pairs.map((p) => [p.need, p.provider]));
  const best = (theme: string) => candidates.filter((c) => c.theme === theme).sort((a, b) => b.score - a.score || a.body.municipality.key.localeCompare(b.body.municipality.key));
  const out: SessionPresentation[] = [];
  for (const theme of themes) {
    const ranked = best(theme);
    if (!ranked.length) {
      notes.push({
        code: 'NO_PRESENTER',
        detail: `Nobody in ${facts.region.country} has documented results on ${tax.labelEn(theme)} (a partnership with measured outcomes or a case study): the theme has no presentation`,
        detailJa: `${tax.labelJa(theme)}について成果の記録（成果指標のある協力・事例）をもつ団体がなく、発表を割り当てられない`,
        records: [{ type: 'TOPIC', key: theme, label: tax.labelEn(theme) }],
      });
      continue;
    }
    const id = assigned.get(theme);
    const pick = (id && ranked.find((c) => c.body.municipality.id === id)) || ranked[0]!;
    const parts: Component[] = [pick.component, ...(pick.studies ? [pick.studies] : [])];
    const m = pick.body.municipality;
    if (local(facts.region, m))
      parts.push({ kind: 'PROXIMITY', strength: 1, detail: `In the region (${facts.region.name}): its neighbours can visit`, detailJa: `地域内（${regionJa(facts.region.name)}）の団体で、近隣から訪問しやすい`, records: [muniRef(m)] });
    const top = ranked[0]!;
    if (!id) {
      parts.push({
        kind: 'SPREAD',
        strength: 0,
        detail: `Presents a second theme: every other body with results on ${tax.labelEn(theme)} already presents one`,
        detailJa: `${tax.labelJa(theme)}で成果をもつ他の団体はすべて別のテーマを発表するため、2つ目のテーマも担当する`,
        records: [muniRef(m)],
      });
    } else if (top.body.municipality.id !== m.id) {
      const other = out.find((p) => p.municipality.id === top.body.municipality.id) ?? { topicKey: themes.find((t) => assigned.get(t) === top.body.municipality.id) ?? '' };
      parts.push({
        kind: 'SPREAD',
        strength: 1,
        detail: `${top.body.municipality.name} has the stronger record here but presents ${tax.labelEn(other.topicKey)}: one city does not present everything`,
        detailJa: `${nameJa(top.body.municipality)}の実績がより多いが、${tax.labelJa(other.topicKey)}を発表するため分担する`,
        records: [muniRef(top.body.municipality)],
      });
    }
    out.push({ municipality: m, topicKey: theme, reasons: parts.map(standaloneReason) });
  }
  return out;
}

interface Participant {
  body: SessionBody;
  role: SeatRole;
  needTopics: string[];
  /** Topics it has worked on: abroad, in declared expertise (level ≥ PROFILE_LEVEL), in case studies. */
  workTopics: string[];
}

const related = (tax: Taxonomy, a: string, b: string) => a === b || tax.domainOf(a) === b || tax.domainOf(b) === a;

function participant(region: ResolvedRegion, b: SessionBody): Participant {
  return {
    body: b,
    role: seatRole(region, b),
    needTopics: [...new Set(b.needs.flatMap((n) => n.topicKeys))],
    workTopics: [...new Set([...partnershipsAbroad(b).flatMap((p) => p.topicKeys), ...b.expertise.filter((e) => e.level >= PROFILE_LEVEL).map((e) => e.topicKey), ...b.caseStudies.flatMap((c) => c.topicKeys)])],
  };
}

/** How much two participants gain from one table: shared challenges, one able to mentor the other, closeness. */
function affinity(tax: Taxonomy, a: Participant, b: Participant): number {
  const shared = a.needTopics.filter((t) => b.needTopics.some((u) => related(tax, t, u))).length;
  const covers = (x: Participant, y: Participant) =>
    x.role === 'EXPERIENCED' && y.role !== 'EXPERIENCED' ? (y.needTopics.length ? y.needTopics.filter((t) => x.workTopics.some((w) => related(tax, t, w))).length / y.needTopics.length : 0) + 0.2 : 0;
  return Math.min(1, shared / 2) + Math.max(covers(a, b), covers(b, a)) + 0.5 * closeness(a.body.municipality, b.body.municipality).value;
}

/** Newcomers are who the session is for: they take seats first, then experienced bodies, then partners. */
const ROLE_PRIORITY: Readonly<Record<SeatRole, number>> = { NEWCOMER: 0.5, EXPERIENCED: 0.2, PARTNER: 0 };

/**
 * Discussion groups of exactly `groupSize`: first an experienced body at each table, then a
 * newcomer (the one that gains most from that table), then the seat-by-seat best fit (shared
 * challenges, mentoring, closeness). Nobody sits twice; who finds no seat is listed.
 */
function formGroups(
  tax: Taxonomy,
  facts: StudySessionFacts,
  invitees: readonly SessionInvitee[],
  presentations: readonly SessionPresentation[],
  input: { groups: number; groupSize: number },
  notes: SessionNote[],
): { groups: SessionGroup[]; unseated: SessionSeat[] } {
  const pool = new Map<string, Participant>();
  const add = (b: SessionBody | undefined) => b && !isAgency(b) && !pool.has(b.municipality.id) && pool.set(b.municipality.id, participant(facts.region, b));
  for (const i of invitees) add(bodyOf(facts, i.municipality.id));
  for (const p of presentations) add(bodyOf(facts, p.municipality.id));
  for (const b of facts.home) if (seatRole(facts.region, b) === 'EXPERIENCED') add(b);
  // Too few experienced bodies for one per table: the nearest experienced bodies of the country join.
  for (const b of facts.nearbyExperienced) {
    const experienced = [...pool.values()].filter((p) => p.role === 'EXPERIENCED').length;
    if (experienced >= Math.min(input.groups, Math.max(1, Math.floor(pool.size / input.groupSize)))) break;
    if (seatRole(facts.region, b) === 'EXPERIENCED') add(b);
  }
  const k = Math.min(input.groups, Math.floor(pool.size / input.groupSize));
  if (k < input.groups)
    notes.push({
      code: 'FEWER_GROUPS',
      detail: `${pool.size} participant${pool.size === 1 ? '' : 's'} fill ${k} of the ${input.groups} groups of ${input.groupSize} asked for`,
      detailJa: `参加者${pool.size}団体のため、${input.groupSize}団体×${input.groups}グループのうち${k}グループを編成`,
      records: [],
    });
  const left = [...pool.values()].sort((a, b) => a.body.municipality.key.localeCompare(b.body.municipality.key));
  const tables: Participant[][] = Array.from({ length: k }, () => []);
  const take = (p: Participant, t: number) => {
    tables[t]!.push(p);
    left.splice(left.indexOf(p), 1);
  };
  const relevance = (p: Participant) => p.workTopics.length + (inRegion(facts.region, p.body.municipality) ? 10 : 0) + (presentations.some((x) => x.municipality.id === p.body.municipality.id) ? 5 : 0);
  // An experienced body at each table (presenters and bodies of the region first)…
  const experienced = left.filter((p) => p.role === 'EXPERIENCED').sort((a, b) => relevance(b) - relevance(a) || a.body.municipality.key.localeCompare(b.body.municipality.key));
  experienced.slice(0, k).forEach((p, t) => take(p, t));
  // …then, table by table, the newcomer that gains most from it…
  for (let t = 0; t < k; t++) {
    const best = left.filter((p) => p.role === 'NEWCOMER').sort((a, b) => gain(tax, b, tables[t]!) - gain(tax, a, tables[t]!) || a.body.municipality.key.localeCompare(b.body.municipality.key))[0];
    if (best) take(best, t);
  }
  // …then every other seat to the best fit.
  for (;;) {
    let pick: { p: Participant; t: number; v: number } | null = null;
    for (let t = 0; t < k; t++) {
      if (tables[t]!.length >= input.groupSize) continue;
      for (const p of left) {
        const v = gain(tax, p, tables[t]!) + ROLE_PRIORITY[p.role];
        if (!pick || v > pick.v + 1e-9) pick = { p, t, v };
      }
    }
    if (!pick) break;
    take(pick.p, pick.t);
  }
  if (k && !tables.every((t) => t.some((p) => p.role === 'EXPERIENCED')))
    notes.push({ code: 'NO_EXPERIENCED', detail: 'Not every group has an experienced body: too few take part', detailJa: '経験豊富な団体が少なく、すべてのグループには配置できない', records: [] });
  if (k && !tables.every((t) => t.some((p) => p.role === 'NEWCOMER')))
    notes.push({ code: 'NO_NEWCOMER', detail: 'Not every group has a newcomer: too few match the themes', detailJa: 'テーマに合う新規参加団体が少なく、すべてのグループには配置できない', records: [] });
  const unseated = left.map((p) => ({ municipality: p.body.municipality, role: p.role }));
  if (unseated.length)
    notes.push({
      code: 'UNSEATED',
      detail: `${unseated.length} participant${unseated.length === 1 ? '' : 's'} found no seat in ${k} groups of ${input.groupSize}: ${unseated.map((u) => u.municipality.name).join(', ')}`,
      detailJa: `${k}グループ（各${input.groupSize}団体）に入らない参加者${unseated.length}団体：${unseated.map((u) => nameJa(u.municipality)).join('、')}`,
      records: unseated.map((u) => muniRef(u.municipality)),
    });
  return { groups: tables.map((members, i) => describeGroup(tax, i + 1, members)), unseated };
}

const gain = (tax: Taxonomy, p: Participant, table: readonly Participant[]) => (table.length ? table.reduce((s, q) => s + affinity(tax, p, q), 0) / table.length : 0);

/** A group's reasons: the challenges its members share, who can mentor whom, how far apart they are. */
function describeGroup(tax: Taxonomy, number: number, members: Participant[]): SessionGroup {
  members.sort((a, b) => a.body.municipality.key.localeCompare(b.body.municipality.key));
  const parts: Component[] = [];
  const sharedTopics = tax.sort(members.flatMap((m) => m.needTopics)).filter((t) => members.filter((m) => m.needTopics.some((u) => related(tax, t, u))).length >= 2);
  if (sharedTopics.length) {
    const holders = members.filter((m) => m.needTopics.some((u) => sharedTopics.some((t) => related(tax, t, u))));
    parts.push({
      kind: 'SHARED_CHALLENGE',
      strength: Math.min(1, holders.length / members.length + 0.25 * (sharedTopics.length - 1)),
      detail: `Shared challenges: ${sharedTopics.map((t) => `${tax.labelEn(t)} (${members.filter((m) => m.needTopics.some((u) => related(tax, t, u))).map((m) => m.body.municipality.name).join(', ')})`).join('; ')}`,
      detailJa: `共通の課題：${sharedTopics.map((t) => `${tax.labelJa(t)}（${members.filter((m) => m.needTopics.some((u) => related(tax, t, u))).map((m) => nameJa(m.body.municipality)).join('、')}）`).join('；')}`,
      records: dedupe(holders.flatMap((m) => m.body.needs.filter((n) => n.topicKeys.some((k) => sharedTopics.some((t) => related(tax, t, k)))).map(needRef))),
    });
  }
  const mentors = mentorPairs(tax, members);
  if (mentors.component) parts.push(mentors.component);
  parts.push(distances(members));
  return {
    number,
    members: members.map((m) => ({ municipality: m.body.municipality, role: m.role })),
    topicKeys: tax.sort([...sharedTopics, ...mentors.topics]),
    reasons: parts.map(standaloneReason).sort((a, b) => b.weight - a.weight || a.kind.localeCompare(b.kind)),
  };
}

/** Who can mentor whom: an experienced member's work abroad (or declared strength) on another member's open needs. */
function mentorPairs(tax: Taxonomy, members: readonly Participant[]): { component: Component | null; topics: string[] } {
  const lines: { en: string; ja: string; refs: RecordRef[]; topics: string[] }[] = [];
  for (const e of members.filter((m) => m.role === 'EXPERIENCED'))
    for (const o of members.filter((m) => m.role !== 'EXPERIENCED')) {
      const topics = o.needTopics.filter((t) => e.workTopics.some((w) => related(tax, t, w)));
      const via = partnershipsAbroad(e.body).filter((p) => p.topicKeys.some((k) => topics.some((t) => related(tax, t, k))));
      const en = e.body.municipality.name;
      const ja = nameJa(e.body.municipality);
      if (topics.length)
        lines.push({
          en: `${en} can mentor ${o.body.municipality.name} on ${topics.map((t) => tax.labelEn(t)).join(', ')}${via.length ? ` ("${via[0]!.title}")` : ''}`,
          ja: `${ja}が${nameJa(o.body.municipality)}に${topics.map((t) => tax.labelJa(t)).join('、')}を助言できる${via.length ? `（「${via[0]!.title}」）` : ''}`,
          refs: [...via.slice(0, 2).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })), ...o.body.needs.filter((n) => n.topicKeys.some((k) => topics.includes(k))).map(needRef), muniRef(e.body.municipality)],
          topics,
        });
      else if (o.role === 'NEWCOMER')
        lines.push({
          en: `${en} (${partnershipsAbroad(e.body).length} partnerships abroad) can guide ${o.body.municipality.name} through a first step abroad`,
          ja: `${ja}（海外での協力${partnershipsAbroad(e.body).length}件）が${nameJa(o.body.municipality)}の海外協力の第一歩を支援できる`,
          refs: [muniRef(e.body.municipality), muniRef(o.body.municipality)],
          topics: [],
        });
    }
  if (!lines.length) return { component: null, topics: [] };
  const topical = lines.filter((l) => l.topics.length).length;
  return {
    component: { kind: 'MENTORING', strength: Math.min(1, 0.4 + (0.6 * topical) / lines.length), detail: lines.map((l) => l.en).join('; '), detailJa: lines.map((l) => l.ja).join('；'), records: dedupe(lines.flatMap((l) => l.refs)) },
    topics: [...new Set(lines.flatMap((l) => l.topics))],
  };
}

/** How far apart the members sit: neighbours when every domestic pair is within NEAR_LIMIT_KM. */
function distances(members: readonly Participant[]): Component {
  const pairs: { a: MunicipalityFacts; b: MunicipalityFacts; km: number }[] = [];
  const ms = members.map((m) => m.body.municipality);
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const km = ms[i]!.country === ms[j]!.country ? distanceKm(ms[i]!, ms[j]!) : null;
      if (km !== null) pairs.push({ a: ms[i]!, b: ms[j]!, km });
    }
  const abroad = members.filter((m) => m.role === 'PARTNER').map((m) => m.body.municipality.name);
  const abroadEn = abroad.length ? `; joining from abroad: ${abroad.join(', ')}` : '';
  const abroadJa = abroad.length ? `。海外から参加：${abroad.join('、')}` : '';
  if (!pairs.length)
    return { kind: 'DISTANCE', strength: 0, detail: `Distances unknown (no two members of one country with coordinates)${abroadEn}`, detailJa: `距離は不明（同じ国で位置情報のある団体が2つ未満）${abroadJa}`, records: ms.map(muniRef) };
  pairs.sort((x, y) => x.km - y.km || x.a.key.localeCompare(y.a.key));
  const near = pairs[0]!;
  const far = pairs[pairs.length - 1]!;
  const km = (n: number) => formatNumber(Math.round(n), 'en');
  const within = far.km <= NEAR_LIMIT_KM;
  return {
    kind: within ? 'NEIGHBOUR' : 'DISTANCE',
    strength: within ? 1 / (1 + far.km / 150) : pairs.filter((p) => p.km <= NEAR_LIMIT_KM).length / pairs.length,
    detail: `${within ? 'Neighbours: all' : 'Not all neighbours:'} within ${km(far.km)} km (farthest ${far.a.name}–${far.b.name}; nearest ${near.a.name}–${near.b.name}, ${km(near.km)} km)${abroadEn}`,
    detailJa: `${within ? '近隣：' : '近隣でない組合せあり：'}最大${km(far.km)} km（${nameJa(far.a)}–${nameJa(far.b)}）、最短${km(near.km)} km（${nameJa(near.a)}–${nameJa(near.b)}）${abroadJa}`,
    records: dedupe([far.a, far.b, near.a, near.b].map(muniRef)),
  };
}

export type { MatchReason };
