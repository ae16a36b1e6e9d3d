import { combine, scoreParts, type Component, type Cost, type Penalty, type ScoringProfile } from './combine';
import { countryExperience, network, priorPartner, proximity, regionExperience, similarSetting, similarSize } from './context';
import { evidence, evidenceItems, evidencePerTopic, recordCredit } from './evidence';
import type { CandidateFacts, NeedFacts } from './facts';
import { capacityPenalty, feedbackSignals, language, loadCost, oftenAskedCost, schemeFit, staleCost, type PeerLoad } from './fit';
import { oftenSuggestedCost, type BoardCandidate, type BoardNeed, type SpreadPrice } from './spread';
import { reasonLabels, type ReasonKind, type ScoreCard } from './reason';
import type { Taxonomy } from './taxonomy';
import { coverTopics, textFit, topicFit } from './topic-fit';

/**
 * The partner score: score = max(0, Σ wₖ·sₖ − LOAD) / Σ wₖ × penalties, over the signals that apply
 * to the need (see `combine`). A signal at full strength adds its weight; a perfect candidate
 * scores 1.
 *
 * The relationship weights were fitted on real history (a conditional logit over the documented
 * partnerships of Japanese water bodies, 5-fold cross-validated; docs/matching.md gives every
 * fold's weights) and rounded: who already works with the partner (PRIOR_PARTNER 1.5, on top of
 * its country), in its country (COUNTRY_EXPERIENCE 2.5) and in its world region
 * (REGION_EXPERIENCE 0.75), and a neighbour of such a bureau (NETWORK 0.5) predict who helps a
 * utility far better than topic fit does. Capability — topic fit "weighted by expertise level
 * and by evidence": per need topic, declared expertise e and proven record x as e + (1 − e)·x,
 * averaged over the need's topics; TOPIC_FIT carries e, EVIDENCE what the record adds — weighs 1.
 * The needs' own words, scheme, language, closeness, setting, size and responsiveness are the
 * practicalities a coordinator checks (0.05–0.3, set by hand, not fitted: history has no text,
 * no declared schemes and no introductions).
 */
export const PARTNER_WEIGHTS: Readonly<Partial<Record<ReasonKind, number>>> = {
  COUNTRY_EXPERIENCE: 2.5,
  PRIOR_PARTNER: 1.5,
  ONGOING_WORK: 1.5,
  TOPIC_FIT: 1,
  EVIDENCE: 1,
  REGION_EXPERIENCE: 0.75,
  NETWORK: 0.5,
  TEXT_FIT: 0.3,
  SCHEME_FIT: 0.2,
  PROXIMITY: 0.3,
  LANGUAGE: 0.1,
  SIMILAR_SETTING: 0.1,
  SIMILAR_SIZE: 0.05,
  RESPONSIVE: 0.05,
};

export const PARTNER_PROFILE: ScoringProfile = { weights: PARTNER_WEIGHTS };

/** The signal groups an ablation switches off one at a time (each with its mismatch kinds). */
export const PARTNER_SIGNAL_GROUPS: Readonly<Record<string, readonly ReasonKind[]>> = {
  topic: ['TOPIC_FIT', 'TOPIC_GAP'],
  evidence: ['EVIDENCE'],
  text: ['TEXT_FIT'],
  'prior partner': ['PRIOR_PARTNER', 'ONGOING_WORK'],
  'country experience': ['COUNTRY_EXPERIENCE'],
  'region experience': ['REGION_EXPERIENCE'],
  network: ['NETWORK'],
  scheme: ['SCHEME_FIT', 'SCHEME_ELIGIBILITY'],
  'proximity, size, setting': ['PROXIMITY', 'DISTANCE', 'SIMILAR_SIZE', 'SIMILAR_SETTING'],
  language: ['LANGUAGE', 'NO_COMMON_LANGUAGE'],
  'capacity and load': ['CAPACITY', 'LOAD'],
  'often asked': ['OFTEN_ASKED'],
  'often suggested': ['OFTEN_SUGGESTED'],
  'stale profile': ['STALE'],
  feedback: ['RESPONSIVE', 'DECLINES', 'DISMISSED'],
};

/** Capability per need topic: declared expertise e and proven record x as e + (1 − e)·x. */
export function capabilityPerTopic(tax: Taxonomy, topics: readonly string[], c: Pick<CandidateFacts, 'expertise' | 'partnerships' | 'caseStudies'>): Map<string, number> {
  const declared = coverTopics(tax, topics, c.expertise).map((x) => x.value);
  const proven = evidencePerTopic(evidenceItems(tax, topics, c.partnerships, c.caseStudies), topics, recordCredit(c.partnerships, c.caseStudies));
  return new Map(topics.map((t, i) => [t, declared[i]! + (1 - declared[i]!) * proven[i]!]));
}

/** The need, with what its text mentions computed once for all candidates, and the context the ranking reads. */
export interface PreparedNeed extends NeedFacts {
  mentioned: { key: string; words: string[] }[];
  /** The year "now" means for load (recent work): today, or a case's start year in an evaluation. */
  year: number;
  /** Mean load and record of the bureaus of each country that carry any record: what "busier than its peers" compares with. */
  peerLoad: ReadonlyMap<string, PeerLoad>;
  /** CURRENT, AGING or STALE for a profile last confirmed on a day (null: not judged, e.g. in an evaluation). */
  freshness: (lastConfirmedOn: string) => string | null;
  /** How often each body (by municipality key) is already suggested on the board of open needs, and its price (scoring/spread.ts). */
  spread?: ReadonlyMap<string, SpreadPrice>;
}

export function prepareNeed(
  tax: Taxonomy,
  need: NeedFacts,
  context: { year?: number; peerLoad?: ReadonlyMap<string, PeerLoad>; freshness?: (lastConfirmedOn: string) => string | null } = {},
): PreparedNeed {
  return {
    ...need,
    mentioned: need.text.trim() ? tax.mentions(need.text) : [],
    year: context.year ?? new Date().getUTCFullYear(),
    peerLoad: context.peerLoad ?? new Map(),
    freshness: context.freshness ?? (() => null),
  };
}

/** Evidence a same-country candidate of an overseas need must show (south–south help is suggested when strong). */
export const SOUTH_SOUTH_MIN_EVIDENCE = 0.5;

export interface PartnerSignals {
  components: Component[];
  penalties: Penalty[];
  costs: Cost[];
}

/** Every component, penalty and cost of one candidate for one need (before combining); `others` are the other candidates (for NETWORK). */
export function partnerSignals(tax: Taxonomy, need: PreparedNeed, c: CandidateFacts, others: readonly CandidateFacts[], profile: ScoringProfile = PARTNER_PROFILE): PartnerSignals {
  const partner = need.municipality;
  const abroad = partner.country !== c.municipality.country;
  // With declared expertise switched off (an ablation), evidence stands alone as the raw record.
  const declared = profile.disabled?.has('TOPIC_FIT') ? undefined : coverTopics(tax, need.topicKeys, c.expertise).map((x) => x.value);
  const topic = topicFit(tax, c.municipality.key, need.topicKeys, c.expertise);
  const components: Component[] = [
    topic,
    evidence(tax, need.topicKeys, c.partnerships, c.caseStudies, declared),
    priorPartner(c, partner, need.topicKeys),
    network(c, partner, others),
    similarSize(c.municipality, partner),
    similarSetting(c, need.text),
  ];
  // Country and region say something only about help from abroad; closeness only at home.
  if (abroad) components.push(countryExperience(c, partner), regionExperience(c, partner));
  else components.push(proximity(c.municipality, partner));
  const penalties: Penalty[] = [];
  const costs: Cost[] = [];
  if (need.text.trim()) components.push(textFit(tax, c.municipality.key, need.mentioned, c.expertise, c.textHits));
  if (need.schemes.length) {
    const s = schemeFit(c, need.schemes);
    components.push(s.component);
    if (s.penalty) penalties.push(s.penalty);
  }
  if (partner.languages.length) {
    const l = language(c.municipality, partner);
    components.push(l.component);
    if (l.penalty) penalties.push(l.penalty);
  }
  const cap = capacityPenalty(c);
  if (cap) penalties.push(cap);
  const peers = need.peerLoad.get(c.municipality.country) ?? { load: 0, record: 0 };
  const load = loadCost(c, peers.load, need.year);
  if (load) costs.push(load);
  const stale = staleCost(c, c.municipality.lastConfirmedOn ? need.freshness(c.municipality.lastConfirmedOn) : null, (profile.weights.TOPIC_FIT ?? 0) * topic.strength);
  if (stale) costs.push(stale);
  const fb = feedbackSignals(c.municipality, c.feedback);
  components.push(fb.component);
  penalties.push(...fb.penalties);
  // Last, the two spreading policies: each takes a share of what the candidate still gains after
  // the costs before it, so a weak fit is reordered as gently as a strong one (a constant would
  // swamp small scores).
  const asked = oftenAskedCost(c, peers.record, remaining(components, costs, profile));
  if (asked) costs.push(asked);
  const suggested = oftenSuggestedCost(c.municipality.key, c.municipality.name, need.spread, remaining(components, costs, profile));
  if (suggested) costs.push(suggested);
  return { components, penalties, costs };
}

/** What a candidate gains after the costs so far, in weight units (what a share-priced cost takes its share of). */
function remaining(components: readonly Component[], costs: readonly Cost[], profile: ScoringProfile): number {
  const { gained, charged } = scoreParts(components, [], profile, costs);
  return Math.max(0, gained - charged.reduce((sum, x) => sum + x.cost, 0));
}

/** The need's own municipality, a national agency, or a same-country candidate of an overseas need without strong evidence. */
function notAPartner(tax: Taxonomy, need: PreparedNeed, c: CandidateFacts): boolean {
  if (c.municipality.id === need.municipality.id || c.municipality.kind === 'NATIONAL_AGENCY') return true;
  return need.municipality.country !== 'JP' && c.municipality.country === need.municipality.country && evidence(tax, need.topicKeys, c.partnerships, c.caseStudies).strength < SOUTH_SOUTH_MIN_EVIDENCE;
}

/**
 * A need's candidates as the spread's board sees them (scoring/spread.ts): everything `combine`
 * adds up except the spread's own price. Those `scorePartner` would not suggest are left out.
 */
export function boardNeed(tax: Taxonomy, need: PreparedNeed, candidates: readonly CandidateFacts[], needKey: string | null, profile: ScoringProfile = PARTNER_PROFILE): BoardNeed {
  const bare: PreparedNeed = { ...need, spread: undefined };
  const scored = candidates.flatMap((c): BoardCandidate[] => {
    if (notAPartner(tax, bare, c)) return [];
    const { components, penalties, costs } = partnerSignals(tax, bare, c, candidates, profile);
    const p = scoreParts(components, penalties, profile, costs);
    return [{ key: c.municipality.key, gained: p.gained, cost: p.charged.reduce((sum, x) => sum + x.cost, 0), total: p.total, product: p.product }];
  });
  return { needKey, title: need.title, candidates: scored };
}

/**
 * Scores one candidate for one need, or returns null when it must not be suggested: the need's own
 * municipality, a national agency (agencies facilitate, they are not the partner), or a
 * same-country candidate of an overseas need without strong evidence.
 */
export function scorePartner(tax: Taxonomy, need: PreparedNeed, c: CandidateFacts, others: readonly CandidateFacts[] = [], profile: ScoringProfile = PARTNER_PROFILE): ScoreCard | null {
  if (notAPartner(tax, need, c)) return null;
  const { components, penalties, costs } = partnerSignals(tax, need, c, others, profile);
  const card = combine(components, penalties, profile, costs);
  // An old profile is said even when it cost nothing (no declared expertise was relied on).
  const stale = costs.find((x) => x.kind === 'STALE' && x.cost <= 0);
  if (stale && !profile.disabled?.has('STALE')) card.mismatches.push({ kind: 'STALE', weight: 0, detail: stale.detail, detailJa: stale.detailJa, ...reasonLabels('STALE'), records: stale.records });
  return card;
}
