import { combine, type Component, type Penalty, type ScoringProfile } from './combine';
import { proximity, similarSize } from './context';
import { countryName } from './geo';
import type { CaseStudyFacts, PartnershipFacts } from './facts';
import { capacityPenalty, language } from './fit';
import type { ProfileFacts } from './peer-score';
import { EXPERIENCE_LABELS } from './labels';
import type { RecordRef, ScoreCard } from './reason';
import type { Taxonomy } from './taxonomy';
import { dedupe } from './topic-fit';

/** A mentor candidate: its profile and the case studies it presented. */
export interface MentorFacts extends ProfileFacts {
  caseStudies: CaseStudyFacts[];
}

/**
 * Mentor weights (relative): for a newcomer, experience and closeness matter most (a mentor you
 * can visit), then having done abroad what the newcomer does well at home, then a record of
 * guiding others, sharing at study sessions, and a similar size.
 */
export const MENTOR_WEIGHTS = { EXPERIENCE: 0.25, PROXIMITY: 0.25, SHARED_STRENGTH: 0.2, MENTORING: 0.12, KNOWLEDGE_SHARING: 0.1, SIMILAR_SIZE: 0.08 } as const;
export const MENTOR_PROFILE: ScoringProfile = { weights: MENTOR_WEIGHTS };

const ref = (p: PartnershipFacts): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title });
/** Work abroad the mentor led or shared in. */
export const workAbroad = (m: MentorFacts) =>
  m.partnerships.filter((p) => (p.role === 'PROVIDER' || p.role === 'PEER') && p.partners.some((x) => x.country !== m.municipality.country && x.role === 'RECIPIENT'));
/** Domestic work guiding other municipalities: first-step projects and regional networks. */
export const guidance = (m: MentorFacts) =>
  m.partnerships.filter((p) => (p.role === 'PROVIDER' || p.role === 'FACILITATOR') && p.partners.some((x) => x.country === m.municipality.country && (x.role === 'RECIPIENT' || x.role === 'PEER')));

export function experience(m: MentorFacts): Component {
  const done = workAbroad(m).filter((p) => p.status === 'COMPLETED' || p.status === 'ACTIVE');
  const level = m.municipality.overseasExperience === 'EXTENSIVE' ? 1 : m.municipality.overseasExperience === 'SOME' ? 0.5 : 0;
  return {
    kind: 'EXPERIENCE',
    strength: 0.5 * level + 0.5 * (1 - Math.exp(-done.length / 3)),
    detail: `${EXPERIENCE_LABELS[m.municipality.overseasExperience ?? '']?.en ?? 'unstated'} overseas experience; ${done.length} partnership${done.length === 1 ? '' : 's'} abroad`,
    detailJa: `海外経験：${EXPERIENCE_LABELS[m.municipality.overseasExperience ?? '']?.ja ?? '未登録'}、海外での協力${done.length}件`,
    records: done.length ? done.slice(0, 4).map(ref) : [{ type: 'MUNICIPALITY', key: m.municipality.key, label: m.municipality.name }],
  };
}

/** Topics the newcomer is strong in at home that the mentor has worked on abroad. */
export function sharedStrength(tax: Taxonomy, me: ProfileFacts, m: MentorFacts): Component {
  const abroad = workAbroad(m);
  const mine = me.expertise;
  const matches = mine
    .map((e) => ({ e, via: abroad.filter((p) => p.topicKeys.some((t) => tax.match(e.topicKey, t))) }))
    .filter((x) => x.via.length);
  const weight = mine.reduce((s, e) => s + e.level, 0);
  return {
    kind: 'SHARED_STRENGTH',
    strength: weight ? matches.reduce((s, x) => s + x.e.level, 0) / weight : 0,
    detail: matches.length ? `Has worked abroad on your strengths: ${matches.map((x) => tax.labelEn(x.e.topicKey)).join(', ')}` : 'Has not worked abroad on your strengths',
    detailJa: matches.length ? `貴団体の強みを海外で活用：${matches.map((x) => tax.labelJa(x.e.topicKey)).join('、')}` : '貴団体の強みに関する海外協力なし',
    records: dedupe(matches.flatMap((x) => x.via.slice(0, 2).map(ref))),
  };
}

export function mentoring(m: MentorFacts): Component {
  const g = guidance(m);
  return {
    kind: 'MENTORING',
    strength: g.length ? Math.min(1, 0.6 + 0.2 * g.length) : 0,
    detail: g.length ? `Guides other municipalities: ${g.map((p) => p.title).join('; ')}` : 'No record of guiding other municipalities',
    detailJa: g.length ? `他自治体を支援：${g.map((p) => p.title).join('；')}` : '他自治体の支援実績なし',
    records: g.map(ref),
  };
}

export function knowledgeSharing(m: MentorFacts): Component {
  const records: RecordRef[] = m.caseStudies.flatMap((c) => [
    { type: 'CASE_STUDY' as const, key: c.key, label: c.title },
    ...(c.eventKey ? [{ type: 'EVENT' as const, key: c.eventKey, label: c.eventTitle ?? c.eventKey }] : []),
  ]);
  return {
    kind: 'KNOWLEDGE_SHARING',
    strength: 1 - Math.exp(-m.caseStudies.length / 2),
    detail: m.caseStudies.length ? `Presented ${m.caseStudies.map((c) => `"${c.title}"`).join(', ')}` : 'No case studies presented',
    detailJa: m.caseStudies.length ? `事例発表：${m.caseStudies.map((c) => `「${c.title}」`).join('')}` : '事例発表なし',
    records: dedupe(records),
  };
}

export function scoreMentor(tax: Taxonomy, me: ProfileFacts, m: MentorFacts, profile: ScoringProfile = MENTOR_PROFILE): ScoreCard | null {
  if (m.municipality.id === me.municipality.id) return null;
  const components: Component[] = [
    experience(m),
    proximity(m.municipality, me.municipality),
    sharedStrength(tax, me, m),
    mentoring(m),
    knowledgeSharing(m),
    similarSize(m.municipality, me.municipality),
  ];
  const penalties: Penalty[] = [];
  const cap = capacityPenalty({ municipality: m.municipality, expertise: m.expertise, partnerships: m.partnerships, caseStudies: m.caseStudies, textHits: [], feedback: { accepted: 0, declined: 0, dismissedByOthers: 0, dismissReasons: [] } });
  if (cap) penalties.push(cap);
  const lang = language(m.municipality, me.municipality).penalty;
  if (lang && me.municipality.languages.length) penalties.push(lang);
  return combine(components, penalties, profile);
}

/** Partnerships abroad at which a Japanese municipality is no longer a newcomer, whatever it declares. */
export const EXPERIENCED_AT = 3;

/** Partnerships the body carried (as provider or peer) with a partner in another country. */
export function partnershipsAbroad(me: ProfileFacts): PartnershipFacts[] {
  const m = me.municipality;
  return me.partnerships.filter((p) => (p.role === 'PROVIDER' || p.role === 'PEER') && p.partners.some((x) => x.country !== m.country && x.role !== 'FACILITATOR'));
}

/** Experienced in overseas work: declared EXTENSIVE, or EXPERIENCED_AT partnerships abroad whatever it declares. */
export function isExperienced(me: ProfileFacts): boolean {
  return me.municipality.overseasExperience === 'EXTENSIVE' || partnershipsAbroad(me).length >= EXPERIENCED_AT;
}

/** Who mentoring is for, and why a municipality is not: the answer mentorSuggestions gives with its list. */
export interface MentorEligibility {
  eligible: boolean;
  reason: string;
  reasonJa: string;
}

/**
 * Mentoring pairs a Japanese municipality (or its waterworks) that is new to overseas work with an
 * experienced Japanese bureau nearby. An overseas utility is helped through partner suggestions,
 * an agency facilitates (JICA's domestic offices run the training and the grassroots scheme), and
 * an experienced bureau is a mentor itself.
 */
export function mentorEligibility(me: ProfileFacts): MentorEligibility {
  const m = me.municipality;
  const abroad = partnershipsAbroad(me);
  const FOR = 'Mentoring is for Japanese municipalities new to overseas work, paired with an experienced bureau nearby.';
  const FOR_JA = 'メンターは、海外協力の経験が少ない日本の自治体と、近隣の経験豊富な水道事業体を結ぶものです。';
  if (m.kind === 'NATIONAL_AGENCY')
    return { eligible: false, reason: `${FOR} ${m.name} is an agency: it facilitates mentoring (training courses, grassroots proposals), it is not mentored.`, reasonJa: `${FOR_JA}${m.nameJa ?? m.name}は機関であり、研修や草の根技術協力の提案を通じて支援する立場です。` };
  if (m.country !== 'JP')
    return {
      eligible: false,
      reason: `${FOR} ${m.name} is in ${countryName(m.country)}: Japanese bureaus help it through partner suggestions on its needs, and peer suggestions connect it with utilities facing the same problems.`,
      reasonJa: `${FOR_JA}${m.nameJa ?? m.name}（${countryName(m.country, 'ja')}）には、依頼に対する協力先の候補と、同じ課題をもつ事業体の候補を提示します。`,
    };
  if (isExperienced(me))
    return {
      eligible: false,
      reason: `${FOR} ${m.name} is experienced (${abroad.length} partnership${abroad.length === 1 ? '' : 's'} abroad): it is a mentor for newcomers nearby, not a mentee.`,
      reasonJa: `${FOR_JA}${m.nameJa ?? m.name}は海外協力の経験が豊富（${abroad.length}件）なため、近隣の新規参加自治体のメンターとなる立場です。`,
    };
  return { eligible: true, reason: `${FOR} ${m.name} has ${abroad.length ? `${abroad.length} partnership${abroad.length === 1 ? '' : 's'}` : 'no partnership'} abroad so far.`, reasonJa: `${FOR_JA}${m.nameJa ?? m.name}の海外での協力は${abroad.length}件です。` };
}
