/**
 * The vocabulary of explanations. Every suggestion is a sum of reasons (what fits) minus mismatches
 * (what does not), and every reason names the records it rests on so a coordinator can check it.
 */

/** The kinds of record a reason can point at. Expertise has no key of its own: `municipality:topic`. */
export const RecordType = Object.freeze({
  MUNICIPALITY: 'MUNICIPALITY',
  EXPERTISE: 'EXPERTISE',
  PARTNERSHIP: 'PARTNERSHIP',
  CASE_STUDY: 'CASE_STUDY',
  NEED: 'NEED',
  EVENT: 'EVENT',
  TOPIC: 'TOPIC',
} as const);
export type RecordType = keyof typeof RecordType;

export interface RecordRef {
  type: RecordType;
  key: string;
  /** Human-readable title of the record, when it has one. */
  label?: string;
}

/** Every kind of reason or mismatch, with its labels. Keys are wire names (stable). */
export const REASON_LABELS = {
  // partner suggestions
  TOPIC_FIT: ['Topic fit', '分野の一致'],
  EVIDENCE: ['Track record', '実績'],
  TEXT_FIT: ['Matches the description', '記述内容の一致'],
  PRIOR_PARTNER: ['Worked with this partner before', '過去の協力相手'],
  ONGOING_WORK: ['Already working on this with the partner', 'この相手と同じ分野で協力中'],
  COUNTRY_EXPERIENCE: ['Experience in the country', '当該国での経験'],
  REGION_EXPERIENCE: ['Experience in the region', '同じ地域での経験'],
  NETWORK: ['Next to a bureau that works with them', '近隣団体の協力関係'],
  SIMILAR_SETTING: ['Similar setting', '類似した条件'],
  SIMILAR_SIZE: ['Similar size', '同程度の規模'],
  PROXIMITY: ['Nearby', '近隣'],
  SCHEME_FIT: ['Fits the cooperation scheme', '協力スキームへの適合'],
  LANGUAGE: ['Language in common', '共通言語'],
  RESPONSIVE: ['Accepts introductions', '紹介への応諾実績'],
  // peer suggestions
  SHARED_CHALLENGE: ['Same challenges', '共通の課題'],
  COMPLEMENTARY: ['Each offers what the other needs', '相互補完'],
  NEIGHBOUR: ['Neighbour', '近隣の自治体'],
  SHARED_PARTNER_COUNTRY: ['Works in the same partner countries', '同じ相手国で活動'],
  COMMON_PARTNER: ['Worked with both of you', '共通の協力先'],
  // mentor suggestions
  EXPERIENCE: ['Overseas experience', '海外協力の経験'],
  MENTORING: ['Has guided newcomers', '新規参加自治体の支援実績'],
  SHARED_STRENGTH: ['Did abroad what you do at home', '自団体の強みを海外で活用した実績'],
  KNOWLEDGE_SHARING: ['Shares its experience', '経験の共有'],
  // consortium
  COVERAGE: ['Covers the topics', '分野のカバー'],
  MEMBER_FIT: ['Each member fits the need', '各団体の適合度'],
  // study session plans
  NEWCOMER: ['New to overseas work', '海外協力の新規参加'],
  OPEN_NEED: ['Open need on a theme', 'テーマに関する依頼'],
  SPREAD: ['Spreads the presenting', '発表の分担'],
  // mismatches
  TOPIC_GAP: ['Topics not covered', 'カバーされない分野'],
  CAPACITY: ['Declared capacity in use', '登録された受け入れ枠の使用状況'],
  LOAD: ['Busier than its peers', '他団体より多くの案件を抱えている'],
  OFTEN_ASKED: ['Asked often already', 'すでに多くの依頼を受けている'],
  OFTEN_SUGGESTED: ['Suggested often already', 'すでに多くの依頼で上位に挙がっている'],
  STALE: ['Old information', '情報が古い'],
  EXPIRED: ['The need has expired', '依頼の期限切れ'],
  NO_COMMON_LANGUAGE: ['No language in common', '共通言語がない'],
  SCHEME_ELIGIBILITY: ['Not eligible for the scheme', 'スキームの対象外'],
  DISTANCE: ['Far away', '距離が遠い'],
  DECLINES: ['Often declines introductions', '紹介を辞退することが多い'],
  DISMISSED: ['Dismissed by others for this need', '他の利用者が非表示にした'],
  ONE_SIDED: ['Help would go one way only', '一方向の支援にとどまる'],
  ALREADY_PARTNERS: ['Already working together', 'すでに協力関係にある'],
  COORDINATION: ['More partners to coordinate', '調整の負担'],
} as const satisfies Record<string, readonly [string, string]>;

export type ReasonKind = keyof typeof REASON_LABELS;

/** One explained part of a score. `weight` is the share of the score it accounts for (or, for a mismatch, the score it cost). */
export interface MatchReason {
  kind: ReasonKind;
  weight: number;
  detail: string;
  detailJa: string;
  labelEn: string;
  labelJa: string;
  records: RecordRef[];
}

/** A scored suggestion before it is dressed for an API: the candidate, score 0..1, reasons and mismatches. */
export interface ScoreCard {
  score: number;
  reasons: MatchReason[];
  mismatches: MatchReason[];
}

export function reasonLabels(kind: ReasonKind): { labelEn: string; labelJa: string } {
  const [labelEn, labelJa] = REASON_LABELS[kind];
  return { labelEn, labelJa };
}
