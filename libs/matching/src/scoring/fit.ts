import type { Component, Cost, Penalty } from './combine';
import { schemeLabel, statusLabel } from './labels';
import { countryName } from './geo';
import { currentLoad, type CandidateFacts, type FeedbackFacts, type MunicipalityFacts, type PartnershipFacts } from './facts';
import type { RecordRef } from './reason';
import { displayName, formatNumber } from './format';

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
  const schemesUsed = [...new Set(used.map((p) => schemeLabel(p.scheme!)))].join(', ');
  const schemesUsedJa = [...new Set(used.map((p) => schemeLabel(p.scheme!, 'ja')))].join('、');
  const component: Component = {
    kind: 'SCHEME_FIT',
    strength,
    detail: used.length
      ? `Has carried ${schemesUsed} before (${used.length} partnership${used.length > 1 ? 's' : ''})`
      : ready.length
        ? `Ready for ${ready.map((x) => schemeLabel(x)).join(', ')} (related expertise), no project under it yet`
        : `No experience with ${schemes.map((x) => schemeLabel(x)).join(' or ')}`,
    detailJa: used.length ? `${schemesUsedJa}の実績${used.length}件` : ready.length ? `${ready.map((x) => schemeLabel(x, 'ja')).join('、')}に関連する専門性あり（実施実績なし）` : '該当スキームの実績なし',
    records: used.length
      ? used.slice(0, 3).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title }))
      : ready.length
        ? ready.map((x): RecordRef => ({ type: 'EXPERTISE', key: `${m.key}:${SCHEME_READINESS[x]}` }))
        : [self(m)],
  };
  const penalty: Penalty | null =
    eligible.length === 0
      ? {
          kind: 'SCHEME_ELIGIBILITY',
          factor: INELIGIBLE_FACTOR,
          detail: `${schemes.map((x) => schemeLabel(x)).join(' / ')} ${schemes.length > 1 ? 'are' : 'is'} carried by Japanese local governments; ${m.name} is a ${m.kind.toLowerCase().replace('_', ' ')} in ${countryName(m.country)}`,
          detailJa: `${schemes.map((x) => schemeLabel(x, 'ja')).join('／')}は日本の地方自治体が実施するスキーム`,
          records: [self(m)],
        }
      : null;
  return { component, penalty };
}

/** Penalty when two sides share no working language. */
export const NO_LANGUAGE_FACTOR = 0.85;

export function language(c: MunicipalityFacts, partner: MunicipalityFacts): { component: Component; penalty: Penalty | null } {
  const common = c.languages.filter((l) => partner.languages.includes(l)).sort();
  return {
    component: {
      kind: 'LANGUAGE',
      strength: common.length ? 1 : 0,
      detail: common.length ? `Works in ${common.map((l) => displayName('language', l)).join(', ')}` : 'No language in common',
      detailJa: common.length ? `共通言語：${common.map((l) => displayName('language', l, 'ja')).join('、')}` : '共通言語なし',
      records: [self(c), self(partner)],
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

/** Years for which finished work still occupies a bureau (reports, follow-up, staff coming back). */
export const RECENT_YEARS = 5;
/** Weight of one open (unanswered) introduction in a candidate's load. */
export const INTRODUCTION_LOAD = 0.5;
/** Weight of recently finished work in a candidate's load. */
export const RECENT_LOAD = 0.5;
/** LOAD cost per unit of ln((1 + load) / (1 + peers' mean load)), in partner-score weight units. */
export const LOAD_COST = 0.4;

/** What a candidate's load and record are compared with: the means of its country's bureaus that carry any record. */
export interface PeerLoad {
  load: number;
  record: number;
}

/**
 * OFTEN_ASKED: a bureau whose record is r times its peers' keeps r^(−OFTEN_ASKED_EXPONENT) of its
 * score (r = (1 + record) / (1 + peers' mean record)).
 */
export const OFTEN_ASKED_EXPONENT = 0.5;

/** How many times its peers' record a candidate has carried: (1 + record) / (1 + peers' mean), and the partnerships counted. */
export function recordRatio(c: CandidateFacts, peerRecord: number): { ratio: number; carried: number } {
  const carried = c.partnerships.filter((p) => (p.role === 'PROVIDER' || p.role === 'PEER') && p.status !== 'CANCELLED').length;
  return { ratio: (1 + carried) / (1 + peerRecord), carried };
}

/**
 * "The same few cities get asked again and again": a bureau that has carried far more partnerships
 * than its peers is already the first name everyone thinks of. Its record still counts in full as
 * evidence and relationships; this cost only keeps it from topping every list, so suggestions
 * spread. It is a share of what the bureau gains (`base`, weight units, after its other costs):
 * 1 − r^(−OFTEN_ASKED_EXPONENT) for a record r times its peers', nothing at or below the mean —
 * a share, so it reorders weak and strong fits alike instead of swamping small scores.
 */
export function oftenAskedCost(c: CandidateFacts, peerRecord: number, base = 0): Cost | null {
  const { ratio, carried } = recordRatio(c, peerRecord);
  if (ratio <= 1) return null;
  const share = 1 - ratio ** -OFTEN_ASKED_EXPONENT;
  const mean = formatNumber(peerRecord, 'en', 1);
  const pct = Math.round(share * 100);
  return {
    kind: 'OFTEN_ASKED',
    cost: share * Math.max(0, base),
    detail: `Already carries ${carried} partnerships (comparable bureaus: ${mean} on average): ${pct} % off its score, so others are suggested first where they fit as well`,
    detailJa: `すでに${carried}件の協力を担っている（同種の団体の平均${formatNumber(peerRecord, 'ja', 1)}件）：スコアを${pct}%差し引き、同程度に適合する他団体を優先`,
    records: [{ type: 'MUNICIPALITY', key: c.municipality.key, label: c.municipality.name }],
  };
}

/** Whole partnerships under way, by status, in words (EN, JA): "2 partnerships under way (1 active, 1 proposed)". */
function underWay(ps: readonly PartnershipFacts[]): { n: number; en: string; ja: string } {
  const by = (s: string) => ps.filter((p) => p.status === s).length;
  const parts = (['ACTIVE', 'AGREED', 'PROPOSED'] as const).map((s) => [s, by(s)] as const).filter(([, k]) => k > 0);
  const en = parts.map(([s, k]) => `${k} ${s === 'ACTIVE' ? 'active' : s === 'AGREED' ? 'agreed' : 'proposed'}`).join(', ');
  const ja = parts.map(([s, k]) => `${statusLabel(s, 'ja')}${k}件`).join('、');
  return { n: ps.length, en, ja };
}

const live = (c: CandidateFacts) => c.partnerships.filter((p) => p.status === 'ACTIVE' || p.status === 'AGREED' || p.status === 'PROPOSED').sort((a, b) => a.key.localeCompare(b.key));

/**
 * Capacity, when the municipality declares one: partnerships under way against it. The penalty
 * grows with the square of utilisation (little effect at low load, 0.6× at full, 0.5× beyond or
 * at a declared 0). Details count whole partnerships; a proposal or a shared (peer) role weighs
 * half inside the utilisation, which the detail says.
 */
export function capacityPenalty(c: CandidateFacts): Penalty | null {
  const m = c.municipality;
  const load = currentLoad(c.partnerships);
  if (m.capacity === null) return null;
  const active = live(c);
  const records = active.slice(0, 5).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title }));
  if (m.capacity === 0) return { kind: 'CAPACITY', factor: 0.5, detail: 'Declares no capacity for new partnerships', detailJa: '新たな協力の受け入れ枠なしと登録', records: [self(m)] };
  if (load === 0) return null;
  const u = load / m.capacity;
  const factor = Math.max(0.5, 1 - 0.4 * Math.min(u, 1) ** 2 - (u > 1 ? 0.1 : 0));
  const w = underWay(active);
  const left = m.capacity - w.n;
  return {
    kind: 'CAPACITY',
    factor,
    detail: `${w.n} partnership${w.n === 1 ? '' : 's'} under way (${w.en}) against a declared capacity of ${m.capacity}: ${left > 0 ? `room for ${left} more` : 'no room left'}`,
    detailJa: `進行中の協力${w.n}件（${w.ja}）／登録された受け入れ枠${m.capacity}件：${left > 0 ? `あと${left}件受け入れ可能` : '空きなし'}`,
    records,
  };
}

/** A candidate's load without a declared capacity: work under way, recently finished work and open introductions. */
export function loadOf(c: CandidateFacts, year: number): { load: number; live: PartnershipFacts[]; recent: PartnershipFacts[]; introductions: number } {
  const recent = c.partnerships
    .filter((p) => p.status === 'COMPLETED' && (p.role === 'PROVIDER' || p.role === 'PEER') && (p.endYear ?? p.startYear ?? 0) >= year - RECENT_YEARS && (p.startYear ?? 0) <= year)
    .sort((a, b) => a.key.localeCompare(b.key));
  const introductions = c.feedback.pendingIntroductions ?? 0;
  const load = currentLoad(c.partnerships) + RECENT_LOAD * recent.length + INTRODUCTION_LOAD * introductions;
  return { load, live: live(c), recent, introductions };
}

/**
 * Spread without a declared capacity: a bureau busier than its peers (same country, any overseas
 * record) costs LOAD_COST × ln((1 + load) / (1 + peers' mean)). Bureaus at or below the mean pay
 * nothing; at twice the mean plus one, about 0.28 weight units. Declared capacity, when there is
 * one, is the CAPACITY penalty instead.
 */
export function loadCost(c: CandidateFacts, peerMean: number, year: number): Cost | null {
  if (c.municipality.capacity !== null) return null;
  const { load, live: ps, recent, introductions } = loadOf(c, year);
  const ratio = (1 + load) / (1 + peerMean);
  if (ratio <= 1) return null;
  const w = underWay(ps);
  const en = [w.n ? `${w.n} partnership${w.n === 1 ? '' : 's'} under way (${w.en})` : '', recent.length ? `${recent.length} finished in the last ${RECENT_YEARS} years` : '', introductions ? `${introductions} introduction${introductions === 1 ? '' : 's'} awaiting an answer` : '']
    .filter(Boolean)
    .join(', ');
  const ja = [w.n ? `進行中の協力${w.n}件（${w.ja}）` : '', recent.length ? `過去${RECENT_YEARS}年に完了した協力${recent.length}件` : '', introductions ? `回答待ちの紹介${introductions}件` : ''].filter(Boolean).join('、');
  const times = formatNumber(ratio, 'en', 1);
  return {
    kind: 'LOAD',
    cost: LOAD_COST * Math.log(ratio),
    detail: `No declared capacity; ${en}: about ${times}× the load of comparable bureaus`,
    detailJa: `受け入れ枠の登録なし。${ja}：同種の団体の約${formatNumber(ratio, 'ja', 1)}倍の負担`,
    records: [...ps, ...recent].slice(0, 5).map((p): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title })),
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
      records: [self(m)],
    },
    penalties,
  };
}

/** How much of declared expertise still counts when the profile was last confirmed long ago (thresholds: FRESHNESS_* config). */
export const FRESHNESS_EVIDENCE: Readonly<Record<string, number>> = { CURRENT: 1, AGING: 0.8, STALE: 0.5 };
const FRESHNESS_WORDS: Readonly<Record<string, { en: string; ja: string }>> = { AGING: { en: 'aging', ja: 'やや古い' }, STALE: { en: 'stale', ja: '古い' } };

/**
 * An old profile is weaker evidence: the expertise a municipality declared counts FRESHNESS_EVIDENCE
 * of its weight when its profile is AGING or STALE. The cost is what TOPIC_FIT loses (zero when it
 * relied on no declared expertise — the mismatch is still shown, never silence). Recorded
 * partnerships do not age: they happened.
 */
export function staleCost(c: CandidateFacts, freshness: string | null, declaredContribution: number): Cost | null {
  if (!freshness || freshness === 'CURRENT' || !c.municipality.lastConfirmedOn) return null;
  const keep = FRESHNESS_EVIDENCE[freshness] ?? 1;
  const words = FRESHNESS_WORDS[freshness] ?? { en: freshness.toLowerCase(), ja: freshness };
  const d = c.municipality.lastConfirmedOn;
  return {
    kind: 'STALE',
    cost: declaredContribution * (1 - keep),
    detail: `Profile last confirmed on ${d} (${words.en}): its declared expertise counts ${Math.round(keep * 100)}% as evidence`,
    detailJa: `プロフィールの最終確認日は${d}（${words.ja}）：登録された専門性は${Math.round(keep * 100)}%の重みで評価`,
    records: [{ type: 'MUNICIPALITY', key: c.municipality.key, label: c.municipality.name }],
  };
}
