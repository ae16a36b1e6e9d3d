import type { Component } from './combine';
import type { CandidateFacts, MunicipalityFacts, PartnershipFacts } from './facts';
import { closeness, countryName, formatPopulation } from './geo';
import type { RecordRef } from './reason';
import { detectSettings, SETTINGS, type Setting } from './setting';
import { placeLabel, statusLabel } from './labels';
import { dedupe } from './topic-fit';
import { worldRegion } from './world-region';
import { formatNumber } from './format';

const partnershipRef = (p: PartnershipFacts): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title });
const municipalityRef = (m: Pick<MunicipalityFacts, 'key' | 'name'>): RecordRef => ({ type: 'MUNICIPALITY', key: m.key, label: m.name });
const byKey = (a: PartnershipFacts, b: PartnershipFacts) => a.key.localeCompare(b.key);
const nameJa = (m: Pick<MunicipalityFacts, 'name' | 'nameJa'>) => m.nameJa ?? m.name;

/** Statuses of work that is under way (not finished, not merely on file). */
export const ONGOING_STATUSES: ReadonlySet<string> = new Set(['ACTIVE', 'AGREED', 'PROPOSED']);

/** Work the candidate carried (or shared) abroad: as provider or peer, never as the one helped or a mere facilitator. */
export const carried = (p: PartnershipFacts): boolean => p.role === 'PROVIDER' || p.role === 'PEER';

/**
 * Has worked with this very partner: trust and working habits already exist — on real history the
 * strongest single predictor of who helps a utility next. Work still under way with the partner on
 * one of the need's topics is not a new match but ongoing work: it is marked ONGOING_WORK instead,
 * so a coordinator sees that the need may already be in hand.
 */
export function priorPartner(c: CandidateFacts, partner: MunicipalityFacts, needTopics: readonly string[] = []): Component {
  const shared = c.partnerships.filter((p) => p.partners.some((x) => x.id === partner.id)).sort(byKey);
  const ongoing = shared.filter((p) => ONGOING_STATUSES.has(p.status) && p.topicKeys.some((t) => needTopics.some((w) => w === t || w.split('.')[0] === t || t.split('.')[0] === w)));
  const strong = shared.some((p) => p.status === 'COMPLETED' || p.status === 'ACTIVE' || p.status === 'AGREED');
  const list = (ja: boolean) =>
    shared.map((p) => (ja ? `${p.title}（${statusLabel(p.status, 'ja')}）` : `${p.title} (${statusLabel(p.status)})`)).join(ja ? '；' : '; ');
  if (ongoing.length) {
    return {
      kind: 'ONGOING_WORK',
      strength: 1,
      detail: `Already working with ${partner.name} on this: ${list(false)}`,
      detailJa: `${nameJa(partner)}とこの分野で協力中：${list(true)}`,
      records: shared.map(partnershipRef),
    };
  }
  return {
    kind: 'PRIOR_PARTNER',
    strength: shared.length ? (strong ? 1 : 0.6) : 0,
    detail: shared.length ? `Has worked with ${partner.name} before: ${list(false)}` : `Has not worked with ${partner.name}`,
    detailJa: shared.length ? `${nameJa(partner)}との協力実績：${list(true)}` : `${nameJa(partner)}との協力実績なし`,
    records: shared.map(partnershipRef),
  };
}

/** Partners of the candidate's work abroad (in another country than its own). */
const abroad = (c: CandidateFacts, p: PartnershipFacts) => (carried(p) ? p.partners.filter((x) => x.country !== c.municipality.country && x.role !== 'FACILITATOR') : []);

/**
 * Has worked in the partner's country: knows its institutions, rules and people. A candidate based
 * in that country knows it too (south–south help). Applies to needs from abroad only.
 */
export function countryExperience(c: CandidateFacts, partner: MunicipalityFacts): Component {
  const en = countryName(partner.country, 'en');
  const ja = countryName(partner.country, 'ja');
  if (c.municipality.country === partner.country) {
    return { kind: 'COUNTRY_EXPERIENCE', strength: 1, detail: `Based in ${en}`, detailJa: `${ja}の団体`, records: [municipalityRef(c.municipality)] };
  }
  const inCountry = c.partnerships.filter((p) => abroad(c, p).some((x) => x.country === partner.country)).sort(byKey);
  const where = [...new Set(inCountry.flatMap((p) => abroad(c, p).filter((x) => x.country === partner.country).map((x) => x.name)))].join(', ');
  return {
    kind: 'COUNTRY_EXPERIENCE',
    strength: 1 - 0.5 ** inCountry.length,
    detail: inCountry.length ? `Has worked in ${en}: ${inCountry.length} partnership${inCountry.length > 1 ? 's' : ''} (${where})` : `No partnerships in ${en} yet`,
    detailJa: inCountry.length ? `${ja}での協力実績${inCountry.length}件（${where}）` : `${ja}での協力実績なし`,
    records: inCountry.map(partnershipRef),
  };
}

/** Has worked in the partner's world region (UN M49, e.g. South-eastern Asia): similar institutions, climate and problems. */
export function regionExperience(c: CandidateFacts, partner: MunicipalityFacts): Component {
  const region = worldRegion(partner.country);
  const inRegion = region ? c.partnerships.filter((p) => abroad(c, p).some((x) => worldRegion(x.country)?.code === region.code)).sort(byKey) : [];
  const countries = [...new Set(inRegion.flatMap((p) => abroad(c, p).filter((x) => worldRegion(x.country)?.code === region!.code).map((x) => x.country)))].sort();
  const label = region?.nameEn ?? 'its region';
  return {
    kind: 'REGION_EXPERIENCE',
    strength: 1 - 0.5 ** inRegion.length,
    detail: inRegion.length ? `Has worked in ${label}: ${countries.map((x) => countryName(x)).join(', ')}` : `No partnerships in ${label} yet`,
    detailJa: inRegion.length ? `${region!.nameJa}での協力実績（${countries.map((x) => countryName(x, 'ja')).join('、')}）` : `${region?.nameJa ?? '同地域'}での協力実績なし`,
    records: inRegion.slice(0, 4).map(partnershipRef),
  };
}

/** How strongly a candidate is itself tied to the partner: 1 worked with it, ½ worked in its country. */
export function tieToPartner(c: CandidateFacts, partner: MunicipalityFacts): { tie: number; via: PartnershipFacts[] } {
  const withPartner = c.partnerships.filter((p) => carried(p) && p.partners.some((x) => x.id === partner.id)).sort(byKey);
  if (withPartner.length) return { tie: 1, via: withPartner };
  const inCountry = c.municipality.country !== partner.country ? c.partnerships.filter((p) => abroad(c, p).some((x) => x.country === partner.country)).sort(byKey) : [];
  return { tie: inCountry.length ? 0.5 : 0, via: inCountry };
}

/** The candidates tied to one partner (tie > 0), by their own country, in the order given. */
type TieIndex = ReadonlyMap<string, readonly { o: CandidateFacts; tie: number; via: PartnershipFacts[] }[]>;

/**
 * Every candidate's tie to a partner depends on that candidate and the partner only, and a request
 * asks `network` about each of its candidates against the same list: the ties are computed once per
 * (list, partner) — not once per pair of candidates — and kept as long as the list itself lives.
 */
const tieIndexes = new WeakMap<readonly CandidateFacts[], { partner: string; size: number; index: TieIndex }>();

function tieIndex(partner: MunicipalityFacts, others: readonly CandidateFacts[]): TieIndex {
  const id = `${partner.id}|${partner.country}`;
  const known = tieIndexes.get(others);
  if (known && known.partner === id && known.size === others.length) return known.index;
  const index = new Map<string, { o: CandidateFacts; tie: number; via: PartnershipFacts[] }[]>();
  for (const o of others) {
    const { tie, via } = tieToPartner(o, partner);
    if (!tie) continue;
    const list = index.get(o.municipality.country);
    if (list) list.push({ o, tie, via });
    else index.set(o.municipality.country, [{ o, tie, via }]);
  }
  tieIndexes.set(others, { partner: id, size: others.length, index });
  return index;
}

/**
 * Graph proximity through a neighbour: the candidate is close to another bureau that works with
 * this partner (tie 1) or in its country (tie ½) — strength tie × closeness, the best such
 * neighbour named. Neighbours join each other's projects (prefecture and city, cities of one
 * region), so on real history a bureau next door to the partner's current helper is often the
 * next one.
 */
export function network(c: CandidateFacts, partner: MunicipalityFacts, others: readonly CandidateFacts[]): Component {
  let best: { strength: number; o: CandidateFacts; km: number | null; via: PartnershipFacts[]; tie: number } | null = null;
  for (const { o, tie, via } of tieIndex(partner, others).get(c.municipality.country) ?? []) {
    if (o.municipality.id === c.municipality.id) continue;
    const { value, km } = closeness(c.municipality, o.municipality);
    const strength = tie * value;
    if (strength > (best?.strength ?? 0) || (best && strength === best.strength && o.municipality.key < best.o.municipality.key)) best = { strength, o, km, via, tie };
  }
  if (!best) return { kind: 'NETWORK', strength: 0, detail: 'No nearby bureau works with them', detailJa: '近隣に協力関係のある団体なし', records: [] };
  const what = best.tie === 1 ? `works with ${partner.name}` : `works in ${countryName(partner.country)}`;
  const whatJa = best.tie === 1 ? `${nameJa(partner)}と協力している` : `${countryName(partner.country, 'ja')}で協力している`;
  const dist = best.km !== null ? `, ${formatNumber(Math.round(best.km), 'en')} km away` : '';
  const distJa = best.km !== null ? `（距離${formatNumber(Math.round(best.km), 'ja')} km）` : '';
  return {
    kind: 'NETWORK',
    strength: best.strength,
    detail: `${best.o.municipality.name}${dist}, ${what}: a joint team is within reach`,
    detailJa: `近隣の${nameJa(best.o.municipality)}${distJa}が${whatJa}：共同での支援が可能`,
    records: [municipalityRef(best.o.municipality), ...best.via.slice(0, 2).map(partnershipRef)],
  };
}

/** Beyond this distance two municipalities are not neighbours: no closeness reason, and a DISTANCE mismatch where closeness matters. */
export const NEAR_LIMIT_KM = 300;

/**
 * Distance matters only between municipalities of the same country (domestic peers, south–south
 * help). Within NEAR_LIMIT_KM closeness is a reason (1/(1 + km/150)); beyond it there is no
 * closeness reason at all, only the DISTANCE mismatch — never both for the same pair.
 */
export function proximity(c: MunicipalityFacts, partner: MunicipalityFacts): Component {
  const { value, km } = closeness(c, partner);
  const far = value > 0 && km !== null && km > NEAR_LIMIT_KM;
  const kmText = km !== null ? formatNumber(Math.round(km), 'en') : '';
  const where = km !== null ? `${kmText} km away` : c.subdivision && c.subdivision === partner.subdivision ? `same prefecture (${c.subdivision})` : c.region && c.region === partner.region ? `same region (${c.region})` : 'same country';
  const whereJa = km !== null ? `距離${formatNumber(Math.round(km), 'ja')} km` : c.subdivision && c.subdivision === partner.subdivision ? `同じ都道府県（${placeLabel(c.subdivision, 'ja')}）` : c.region && c.region === partner.region ? `同じ地方（${placeLabel(c.region, 'ja')}）` : '同じ国';
  return {
    kind: 'PROXIMITY',
    strength: far ? 0 : value,
    detail: value > 0 && !far ? `Nearby: ${where}` : far ? `${kmText} km away` : 'In another country',
    detailJa: value > 0 && !far ? `近隣：${whereJa}` : far ? whereJa : '他国',
    records: value > 0 && !far ? [municipalityRef(c)] : [],
    shortfall: far ? { kind: 'DISTANCE', share: 1, detail: `${kmText} km apart: too far for a neighbour`, detailJa: `${formatNumber(Math.round(km!), 'ja')} km離れている（近隣ではない）`, records: [municipalityRef(c)] } : undefined,
  };
}

/** Utilities of a similar size face similar problems: 1 − |log₁₀(size ratio)|, so 10× apart scores 0. */
export function similarSize(c: MunicipalityFacts, partner: MunicipalityFacts): Component {
  const a = c.population;
  const b = partner.population;
  const known = a !== null && b !== null && a > 0 && b > 0;
  const strength = known ? Math.max(0, 1 - Math.abs(Math.log10(a / b))) : 0;
  return {
    kind: 'SIMILAR_SIZE',
    strength,
    detail: known ? `Serves ${formatPopulation(a)} people (${partner.name}: ${formatPopulation(b)})` : 'Size unknown',
    detailJa: known ? `給水人口 ${formatPopulation(a, 'ja')}（${nameJa(partner)}：${formatPopulation(b, 'ja')}）` : '規模不明',
    records: [municipalityRef(c), municipalityRef(partner)],
  };
}

/** The settings of the need's text last asked about: every candidate of a request asks about the same text. */
let lastNeed: { text: string; settings: readonly Setting[] } = { text: '', settings: detectSettings('') };
function needSettings(text: string): readonly Setting[] {
  if (lastNeed.text !== text) lastNeed = { text, settings: detectSettings(text) };
  return lastNeed.settings;
}

/** Shares the settings the need's text names (cold, islands, hills, drought…), seen in the candidate's own records. */
export function similarSetting(c: CandidateFacts, needText: string): Component {
  const wanted = needSettings(needText);
  const sources: { ref: RecordRef; text: string }[] = [
    ...c.expertise.map((e) => ({ ref: { type: 'EXPERTISE' as const, key: `${c.municipality.key}:${e.topicKey}` }, text: e.evidence ?? '' })),
    ...c.partnerships.map((p) => ({ ref: partnershipRef(p), text: `${p.title} ${p.summary ?? ''}` })),
    ...c.caseStudies.map((s) => ({ ref: { type: 'CASE_STUDY' as const, key: s.key, label: s.title }, text: `${s.title} ${s.summary ?? ''}` })),
  ];
  const shared: { setting: Setting; ref: RecordRef }[] = [];
  const found = new Map<string, Setting[]>();
  const settingsOf = (text: string) => found.get(text) ?? found.set(text, detectSettings(text)).get(text)!;
  for (const setting of wanted) {
    const src = sources.find((s) => settingsOf(s.text).includes(setting));
    if (src) shared.push({ setting, ref: src.ref });
  }
  return {
    kind: 'SIMILAR_SETTING',
    strength: wanted.length ? shared.length / wanted.length : 0,
    detail: shared.length ? `Has worked in a similar setting: ${shared.map((s) => SETTINGS[s.setting].en).join(', ')}` : 'No similar setting on record',
    detailJa: shared.length ? `類似した条件での経験：${shared.map((s) => SETTINGS[s.setting].ja).join('、')}` : '類似条件での記録なし',
    records: dedupe(shared.map((s) => s.ref)),
  };
}
