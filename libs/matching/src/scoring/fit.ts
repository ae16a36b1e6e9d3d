import type { Component, Penalty } from './combine';
import { currentLoad, type CandidateFacts, type FeedbackFacts, type MunicipalityFacts } from './facts';
import type { RecordRef } from './reason';

const self = (m: MunicipalityFacts): RecordRef => ({ type: 'MUNICIPALITY', key: m.key, label: m.name });

/** Who may carry each scheme. Grassroots proposals come from Japanese local governments; training and expert dispatch from Japan. */
export const SCHEME_ELIGIBILITY: Readonly<Record<string, (m: MunicipalityFacts) => boolean>> = {
  JICA_GRASSROOTS: (m) => m.country === 'JP' && m.kind === 'LOCAL_GOVERNMENT',
  JICA_ISSUE_SPECIFIC_TRAINING: (m) => m.country === 'JP',
  JICA_EXPERT_DISPATCH: (m) => m.country === 'JP',
};

/** Expertise that shows readiness for a scheme one has not yet used. */
export const SCHEME_READINESS: Readonly<Record<string, string>> = {
  JICA_GRASSROOTS: 'cooperation.project-formation',
  JICA_ISSUE_SPECIFIC_TRAINING: 'people.trainee-hosting',
  JICA_EXPERT_DISPATCH: 'people.expert-dispatch',
  JICA_TECHNICAL_COOPERATION: 'people.expert-dispatch',
  JICA_PRIVATE_SECTOR: 'cooperation.private-sector',
};

const humanScheme = (s: string) => s.replace(/^JICA_/, 'JICA ').replace(/_/g, ' ').toLowerCase().replace('jica', 'JICA');

/** Eligibility penalty when the candidate can carry none of the need's schemes. */
export const INELIGIBLE_FACTOR = 0.6;

/** Scheme fit: has carried one of the need's schemes (1), or shows readiness for one (0.4). Ineligible for all: a penalty. */
export function schemeFit(c: CandidateFacts, schemes: readonly string[]): { component: Component; penalty: Penalty | null } {
  const m = c.municipality;
  const eligible = schemes.filter((s) => SCHEME_ELIGIBILITY[s]?.(m) ?? true);
  const used = c.partnerships
    .filter((p) => p.scheme && eligible.includes(p.scheme) && p.role !== 'RECIPIENT' && ['COMPLETED', 'ACTIVE', 'AGREED', 'DORMANT'].includes(p.status))
    .sort((a, b) => a.key.localeCompare(b.key));
  const ready = eligible.filter((s) => SCHEME_READINESS[s] && c.expertise.some((e) => e.topicKey === SCHEME_READINESS[s]));
  const strength = used.length ? 1 : ready.length ? 0.4 : 0;
  const schemesUsed = [...new Set(used.map((p) => humanScheme(p.scheme!)))].join(', ');
  const component: Component = {
    kind: 'SCHEME_FIT',
    strength,
    detail: used.length
      ? `Has carried ${schemesUsed} before (${used.length} partnership${used.length > 1 ? 's' : ''})`
      : ready.length
        ? `Ready for ${ready.map(humanScheme).join(', ')} (related expertise), no project under it yet`
        : `No experience with ${schemes.map(humanScheme).join(' or ')}`,
    detailJa: used.length ? `${schemesUsed}の実績${used.length}件` : ready.length ? `${ready.map(humanScheme).join('、')}に関連する専門性あり（実施実績なし）` : '該当スキームの実績なし',
    records: used.slice(0, 3).map((p) => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })),
  };
  const penalty: Penalty | null =
    eligible.length === 0
      ? {
          kind: 'SCHEME_ELIGIBILITY',
          factor: INELIGIBLE_FACTOR,
          detail: `${schemes.map(humanScheme).join(' / ')} ${schemes.length > 1 ? 'are' : 'is'} carried by Japanese local governments; ${m.name} is a ${m.kind.toLowerCase().replace('_', ' ')} in ${m.country}`,
          detailJa: `${schemes.map(humanScheme).join('／')}は日本の地方自治体が実施するスキーム`,
          records: [self(m)],
        }
      : null;
  return { component, penalty };
}

/** Penalty when two sides share no working language. */
export const NO_LANGUAGE_FACTOR = 0.85;

/** Built once: constructing Intl.DisplayNames per candidate costs more than the whole score. */
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const namesJa = new Intl.DisplayNames(['ja'], { type: 'language' });

export function language(c: MunicipalityFacts, partner: MunicipalityFacts): { component: Component; penalty: Penalty | null } {
  const common = c.languages.filter((l) => partner.languages.includes(l)).sort();
  const label = (l: string, n: Intl.DisplayNames) => {
    try {
      return n.of(l) ?? l;
    } catch {
      return l;
    }
  };
  return {
    component: {
      kind: 'LANGUAGE',
      strength: common.length ? 1 : 0,
      detail: common.length ? `Works in ${common.map((l) => label(l, names)).join(', ')}` : 'No language in common',
      detailJa: common.length ? `共通言語：${common.map((l) => label(l, namesJa)).join('、')}` : '共通言語なし',
      records: [],
    },
    penalty: common.length
      ? null
      : {
          kind: 'NO_COMMON_LANGUAGE',
          factor: NO_LANGUAGE_FACTOR,
          detail: `${c.name} works in ${c.languages.join(', ') || 'unstated languages'}; ${partner.name} in ${partner.languages.join(', ')}`,
          detailJa: `使用言語が異なる（${c.languages.join('、') || '不明'} / ${partner.languages.join('、')}）`,
          records: [self(c)],
        },
  };
}

/**
 * Capacity: committed partnerships against declared capacity. The penalty grows with the square of
 * utilisation (little effect at low load, 0.6× at full, 0.5× beyond or at a declared 0), so
 * suggestions spread to municipalities with room instead of always naming the same few.
 */
export function capacityPenalty(c: CandidateFacts): Penalty | null {
  const m = c.municipality;
  const load = currentLoad(c.partnerships);
  if (m.capacity === null) return null;
  const active = c.partnerships.filter((p) => (p.status === 'ACTIVE' || p.status === 'AGREED' || p.status === 'PROPOSED')).sort((a, b) => a.key.localeCompare(b.key));
  const records = active.slice(0, 5).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title }));
  if (m.capacity === 0) return { kind: 'CAPACITY', factor: 0.5, detail: 'Declares no capacity for partnerships', detailJa: '協力の受け入れ余力なしと登録', records: [self(m)] };
  if (load === 0) return null;
  const u = load / m.capacity;
  const factor = Math.max(0.5, 1 - 0.4 * Math.min(u, 1) ** 2 - (u > 1 ? 0.1 : 0));
  return {
    kind: 'CAPACITY',
    factor,
    detail: `${load} committed partnership${load === 1 ? '' : 's'} against a declared capacity of ${m.capacity}`,
    detailJa: `進行中の協力${load}件／受け入れ可能数${m.capacity}件`,
    records,
  };
}

/**
 * Feedback: how a candidate answers introductions (Laplace-smoothed acceptance rate; no history =
 * neutral) and whether others dismissed it for this need. Repeated declines lower the score.
 */
export function feedbackSignals(m: MunicipalityFacts, f: FeedbackFacts): { component: Component; penalties: Penalty[] } {
  const rate = (f.accepted + 1) / (f.accepted + f.declined + 2);
  const penalties: Penalty[] = [];
  if (rate < 0.5) {
    penalties.push({
      kind: 'DECLINES',
      factor: 0.5 + rate,
      detail: `Declined ${f.declined} of ${f.accepted + f.declined} introductions`,
      detailJa: `紹介${f.accepted + f.declined}件中${f.declined}件を辞退`,
      records: [self(m)],
    });
  }
  if (f.dismissedByOthers > 0) {
    const reasons = [...new Set(f.dismissReasons)].sort().join(', ');
    penalties.push({
      kind: 'DISMISSED',
      factor: Math.max(0.6, 0.9 ** f.dismissedByOthers),
      detail: `Dismissed for this need by ${f.dismissedByOthers} other user${f.dismissedByOthers > 1 ? 's' : ''}${reasons ? ` (${reasons})` : ''}`,
      detailJa: `他の利用者${f.dismissedByOthers}人がこの依頼で非表示${reasons ? `（${reasons}）` : ''}`,
      records: [self(m)],
    });
  }
  return {
    component: {
      kind: 'RESPONSIVE',
      strength: Math.max(0, (rate - 0.5) * 2),
      detail: `Accepted ${f.accepted} of ${f.accepted + f.declined} introductions`,
      detailJa: `紹介${f.accepted + f.declined}件中${f.accepted}件に応諾`,
      records: [],
    },
    penalties,
  };
}
