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
  credit: number;
  completed: boolean;
  outcomes: OutcomeFacts[];
}

/** Credit of each partnership and case study on the wanted topics, strongest first (ties by key). */
export function evidenceItems(tax: Taxonomy, wanted: readonly string[], partnerships: readonly PartnershipFacts[], caseStudies: readonly CaseStudyFacts[]): EvidenceItem[] {
  const grade = (topics: readonly string[]) => wanted.reduce((best, w) => Math.max(best, tax.bestGrade(w, topics)), 0);
  const items: EvidenceItem[] = [];
  for (const p of partnerships) {
    const g = grade(p.topicKeys) * (STATUS_CREDIT[p.status] ?? 0) * (ROLE_CREDIT[p.role] ?? 0);
    if (g <= 0) continue;
    const good = p.outcomes.filter(improved);
    items.push({ record: { type: 'PARTNERSHIP', key: p.key, label: p.title }, credit: g * (good.length ? 1 + OUTCOME_BONUS : 1), completed: p.status === 'COMPLETED', outcomes: good });
  }
  for (const c of caseStudies) {
    const g = grade(c.topicKeys) * CASE_STUDY_CREDIT;
    if (g > 0) items.push({ record: { type: 'CASE_STUDY', key: c.key, label: c.title }, credit: g, completed: false, outcomes: [] });
  }
  return items.sort((a, b) => b.credit - a.credit || a.record.key.localeCompare(b.record.key));
}

/**
 * Evidence: partnerships on these topics (as provider above all), finished ones and those with
 * measured improvements counting most, plus case studies — with diminishing returns, so ten
 * projects do not drown every other signal.
 */
export function evidence(tax: Taxonomy, wanted: readonly string[], partnerships: readonly PartnershipFacts[], caseStudies: readonly CaseStudyFacts[]): Component {
  const items = evidenceItems(tax, wanted, partnerships, caseStudies);
  const credit = items.reduce((s, i) => s + i.credit, 0);
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
    strength: 1 - Math.exp(-credit / EVIDENCE_SCALE),
    detail: en.join('; ') || 'No partnerships or case studies on these topics yet',
    detailJa: ja.join('；') || 'この分野の協力実績・事例なし',
    records: dedupe(items.slice(0, 5).map((i) => i.record)),
  };
}
