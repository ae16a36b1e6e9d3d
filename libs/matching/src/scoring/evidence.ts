import type { Component } from './combine';
import type { CaseStudyFacts, OutcomeFacts, PartnershipFacts } from './facts';
import type { RecordRef } from './reason';
import type { Taxonomy } from './taxonomy';
import { dedupe } from './topic-fit';

/** How much a partnership in each status proves: finished work proves most. */
export const STATUS_CREDIT: Readonly<Record<string, number>> = { COMPLETED: 1, ACTIVE: 0.7, DORMANT: 0.4, AGREED: 0.3 };
/** How much each role proves the candidate can *provide* help on the topic. */
export const ROLE_CREDIT: Readonly<Record<string, number>> = { PROVIDER: 1, PEER: 0.4, FACILITATOR: 0.3 };
/** A measured improvement adds half again to a partnership's credit. */
export const OUTCOME_BONUS = 0.5;
export const CASE_STUDY_CREDIT = 0.5;
/**
 * A partnership proves each of its topics less the more topics it lists: a course touching eight
 * subjects shows less of each than a project on two. Credit per topic × min(1, √(FOCUS_TOPICS / n)).
 */
export const FOCUS_TOPICS = 2;
/** Credit at which evidence reaches 1 − 1/e ≈ 0.63 of its maximum (diminishing returns). */
export const EVIDENCE_SCALE = 1.5;

/** Indicators where a lower value after the partnership is the improvement. */
const LOWER_IS_BETTER = /NRW|LOSS|LEAK|BURST|INTERRUPTION|COMPLAINT|TURBIDITY|DEFECT/i;

/** True when the outcome moved in the good direction. Unknown direction: a higher value is better. */
export function improved(o: OutcomeFacts): boolean {
  if (o.before === null || o.after === null || o.before === o.after) return false;
  return LOWER_IS_BETTER.test(o.indicator) ? o.after < o.before : o.after > o.before;
}

export function describeOutcome(o: OutcomeFacts): string {
  const unit = /PERCENT/i.test(o.indicator) ? '%' : '';
  const name = /^NRW/i.test(o.indicator) ? 'NRW' : o.indicator.replace(/_PERCENT$/i, '').replace(/_PER_DAY$/i, '/day').replace(/_/g, ' ').toLowerCase();
  return `${name} ${o.before}${unit}→${o.after}${unit}`;
}

export interface EvidenceItem {
  record: RecordRef;
  /** Credit per wanted topic. */
  credit: Map<string, number>;
  total: number;
  completed: boolean;
  outcomes: OutcomeFacts[];
}

/**
 * A record proves the craft it names: only a record on the wanted topic itself (or, for a need
 * naming a whole domain, on the domain or any of its topics) counts. Related topics are already
 * weighed through declared expertise; counting every neighbouring project again would hand the
 * busiest bureaus credit for work they did on something else.
 */
function evidenceGrade(tax: Taxonomy, wanted: string, topics: readonly string[]): number {
  return topics.some((t) => t === wanted || tax.domainOf(t) === wanted) ? 1 : 0;
}

/** Credit of each partnership and case study on the wanted topics, strongest first (ties by key). */
export function evidenceItems(tax: Taxonomy, wanted: readonly string[], partnerships: readonly PartnershipFacts[], caseStudies: readonly CaseStudyFacts[]): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const add = (record: RecordRef, topics: readonly string[], weight: number, completed: boolean, outcomes: OutcomeFacts[]) => {
    const credit = new Map(wanted.map((w) => [w, evidenceGrade(tax, w, topics) * weight] as const).filter(([, v]) => v > 0));
    if (credit.size) items.push({ record, credit, total: [...credit.values()].reduce((a, b) => a + b, 0), completed, outcomes });
  };
  for (const p of partnerships) {
    const good = p.outcomes.filter(improved);
    const focus = Math.min(1, Math.sqrt(FOCUS_TOPICS / Math.max(1, p.topicKeys.length)));
    const weight = (STATUS_CREDIT[p.status] ?? 0) * (ROLE_CREDIT[p.role] ?? 0) * (good.length ? 1 + OUTCOME_BONUS : 1) * focus;
    if (weight > 0) add({ type: 'PARTNERSHIP', key: p.key, label: p.title }, p.topicKeys, weight, p.status === 'COMPLETED', good);
  }
  for (const c of caseStudies) add({ type: 'CASE_STUDY', key: c.key, label: c.title }, c.topicKeys, CASE_STUDY_CREDIT, false, []);
  return items.sort((a, b) => b.total - a.total || a.record.key.localeCompare(b.record.key));
}

/** The credit of a municipality's whole record (every partnership it carried, every case study): what a topic's share is taken of. */
export function recordCredit(partnerships: readonly PartnershipFacts[], caseStudies: readonly CaseStudyFacts[]): number {
  return partnerships.reduce((s, p) => s + (STATUS_CREDIT[p.status] ?? 0) * (ROLE_CREDIT[p.role] ?? 0), 0) + CASE_STUDY_CREDIT * caseStudies.length;
}

/**
 * Proven record per wanted topic, 0..1: how much of the candidate's record is on this topic —
 * min(1, 2·credit / (1 + credit of its whole record)). One project of one, or two of three, is a
 * full record on the topic; one of eight says the bureau touched it among much else. So a
 * specialist is not outranked by a bureau that did everything once (topic fit at the granularity
 * of the record, and suggestions spread beyond the few busiest bureaus).
 */
export function evidencePerTopic(items: readonly EvidenceItem[], wanted: readonly string[], whole: number): number[] {
  return wanted.map((w) => Math.min(1, (2 * items.reduce((s, i) => s + (i.credit.get(w) ?? 0), 0)) / (1 + whole)));
}

/**
 * Evidence, the second half of topic fit ("weighted by expertise level and by evidence"): per need
 * topic, declared expertise e and proven record x combine as capability e + (1 − e)·x (either can
 * show it, both show it best). This component carries the (1 − e)·x part — what the record adds
 * beyond what was declared — averaged over the need's topics. Records count most when finished,
 * as provider and with measured improvements; each topic saturates on its own, so ten projects on
 * one topic never make up for none on another. Without `declared`, the raw record.
 */
export function evidence(tax: Taxonomy, wanted: readonly string[], partnerships: readonly PartnershipFacts[], caseStudies: readonly CaseStudyFacts[], declared?: readonly number[]): Component {
  const items = evidenceItems(tax, wanted, partnerships, caseStudies);
  const perTopic = evidencePerTopic(items, wanted, recordCredit(partnerships, caseStudies)).map((x, i) => (1 - (declared?.[i] ?? 0)) * x);
  const strength = perTopic.length ? perTopic.reduce((a, b) => a + b, 0) / perTopic.length : 0;
  const projects = items.filter((i) => i.record.type === 'PARTNERSHIP');
  const completed = projects.filter((i) => i.completed).length;
  const outcomes = projects.flatMap((i) => i.outcomes.map(describeOutcome)).slice(0, 3);
  const studies = items.length - projects.length;
  const en: string[] = [];
  const ja: string[] = [];
  if (projects.length) {
    en.push(`${projects.length} partnership${projects.length > 1 ? 's' : ''} on these topics (${completed} completed)`);
    ja.push(`この分野の協力${projects.length}件（完了${completed}件）`);
  }
  if (outcomes.length) {
    en.push(`measured results: ${outcomes.join(', ')}`);
    ja.push(`成果：${outcomes.join('、')}`);
  }
  if (studies) {
    en.push(`${studies} case stud${studies > 1 ? 'ies' : 'y'}`);
    ja.push(`事例発表${studies}件`);
  }
  return {
    kind: 'EVIDENCE',
    strength,
    detail: en.join('; ') || 'No partnerships or case studies on these topics yet',
    detailJa: ja.join('；') || 'この分野の協力実績・事例なし',
    records: dedupe(items.slice(0, 5).map((i) => i.record)),
  };
}
