import { combine, type Component, type Penalty, type ScoringProfile } from './combine';
import { countryExperience, priorPartner, proximity, similarSetting, similarSize } from './context';
import { evidence, evidenceItems, evidencePerTopic } from './evidence';
import type { CandidateFacts, NeedFacts } from './facts';
import { capacityPenalty, feedbackSignals, language, schemeFit } from './fit';
import type { ReasonKind, ScoreCard } from './reason';
import type { Taxonomy } from './taxonomy';
import { coverTopics, textFit, topicFit } from './topic-fit';

/**
 * The partner score: capability × (1 − α + α·context) × penalties (see `combine`).
 *
 * Capability is topic fit "weighted by expertise level and by evidence": per need topic, declared
 * expertise e (taxonomy grade × level/5) and proven record x combine as e + (1 − e)·x, averaged over
 * the need's topics — TOPIC_FIT carries e, EVIDENCE the (1 − e)·x it adds (gate weights 1 and 1).
 *
 * Context (relative weights, renormalised over the signals that apply to the need) says how well
 * the help would land: do their own words match the problem (text 0.12), do they know the partner
 * or the country (0.08 + 0.07), can they carry the scheme (0.06), and the practicalities (closeness
 * and language 0.04 each, setting 0.03, size and responsiveness 0.02 each). It can move a score by
 * at most α = 0.4 of the capability, so it ranks among those who can help and never lifts someone
 * who cannot. Set from how coordinators match by hand, not fitted to the sample; docs/matching.md.
 */
export const CONTEXT_ALPHA = 0.4;
export const PARTNER_WEIGHTS: Readonly<Partial<Record<ReasonKind, number>>> = {
  TOPIC_FIT: 1,
  EVIDENCE: 1,
  TEXT_FIT: 0.12,
  PRIOR_PARTNER: 0.08,
  COUNTRY_EXPERIENCE: 0.07,
  SCHEME_FIT: 0.06,
  PROXIMITY: 0.04,
  LANGUAGE: 0.04,
  SIMILAR_SETTING: 0.03,
  SIMILAR_SIZE: 0.02,
  RESPONSIVE: 0.02,
};

export const PARTNER_PROFILE: ScoringProfile = { weights: PARTNER_WEIGHTS, gate: { kinds: ['TOPIC_FIT', 'EVIDENCE'], alpha: CONTEXT_ALPHA } };

/** The signal groups an ablation switches off one at a time (each with its mismatch kinds). */
export const PARTNER_SIGNAL_GROUPS: Readonly<Record<string, readonly ReasonKind[]>> = {
  topic: ['TOPIC_FIT', 'TOPIC_GAP'],
  evidence: ['EVIDENCE'],
  text: ['TEXT_FIT'],
  'prior partner': ['PRIOR_PARTNER'],
  'country experience': ['COUNTRY_EXPERIENCE'],
  scheme: ['SCHEME_FIT', 'SCHEME_ELIGIBILITY'],
  'proximity, size, setting': ['PROXIMITY', 'DISTANCE', 'SIMILAR_SIZE', 'SIMILAR_SETTING'],
  language: ['LANGUAGE', 'NO_COMMON_LANGUAGE'],
  capacity: ['CAPACITY'],
  feedback: ['RESPONSIVE', 'DECLINES', 'DISMISSED'],
};

/** Capability per need topic: declared expertise e and proven record x as e + (1 − e)·x. */
export function capabilityPerTopic(tax: Taxonomy, topics: readonly string[], c: Pick<CandidateFacts, 'expertise' | 'partnerships' | 'caseStudies'>): Map<string, number> {
  const declared = coverTopics(tax, topics, c.expertise).map((x) => x.value);
  const proven = evidencePerTopic(evidenceItems(tax, topics, c.partnerships, c.caseStudies), topics);
  return new Map(topics.map((t, i) => [t, declared[i]! + (1 - declared[i]!) * proven[i]!]));
}

/** The need, with what its text mentions computed once for all candidates. */
export interface PreparedNeed extends NeedFacts {
  mentioned: { key: string; words: string[] }[];
}

export function prepareNeed(tax: Taxonomy, need: NeedFacts): PreparedNeed {
  return { ...need, mentioned: need.text.trim() ? tax.mentions(need.text) : [] };
}

/** Evidence a same-country candidate of an overseas need must show (south–south help is suggested when strong). */
export const SOUTH_SOUTH_MIN_EVIDENCE = 0.5;

/** Every component and penalty of one candidate for one need (before combining). */
export function partnerSignals(tax: Taxonomy, need: PreparedNeed, c: CandidateFacts, profile: ScoringProfile = PARTNER_PROFILE): { components: Component[]; penalties: Penalty[] } {
  const partner = need.municipality;
  // With declared expertise switched off (an ablation), evidence stands alone as the raw record.
  const declared = profile.disabled?.has('TOPIC_FIT') ? undefined : coverTopics(tax, need.topicKeys, c.expertise).map((x) => x.value);
  const components: Component[] = [
    topicFit(tax, c.municipality.key, need.topicKeys, c.expertise),
    evidence(tax, need.topicKeys, c.partnerships, c.caseStudies, declared),
    priorPartner(c, partner),
    countryExperience(c, partner),
    proximity(c.municipality, partner),
    similarSize(c.municipality, partner),
    similarSetting(c, need.text),
  ];
  const penalties: Penalty[] = [];
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
  const fb = feedbackSignals(c.municipality, c.feedback);
  components.push(fb.component);
  penalties.push(...fb.penalties);
  return { components, penalties };
}

/**
 * Scores one candidate for one need, or returns null when it must not be suggested: the need's own
 * municipality, or a same-country candidate of an overseas need without strong evidence.
 */
export function scorePartner(tax: Taxonomy, need: PreparedNeed, c: CandidateFacts, profile: ScoringProfile = PARTNER_PROFILE): ScoreCard | null {
  if (c.municipality.id === need.municipality.id) return null;
  const { components, penalties } = partnerSignals(tax, need, c, profile);
  if (need.municipality.country !== 'JP' && c.municipality.country === need.municipality.country) {
    if (evidence(tax, need.topicKeys, c.partnerships, c.caseStudies).strength < SOUTH_SOUTH_MIN_EVIDENCE) return null;
  }
  return combine(components, penalties, profile);
}
