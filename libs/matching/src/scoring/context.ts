import type { Component } from './combine';
import type { CandidateFacts, MunicipalityFacts, PartnershipFacts } from './facts';
import { closeness, countryName, formatPopulation } from './geo';
import type { RecordRef } from './reason';
import { detectSettings, SETTINGS, type Setting } from './setting';
import { dedupe } from './topic-fit';

const partnershipRef = (p: PartnershipFacts): RecordRef => ({ type: 'PARTNERSHIP', key: p.key, label: p.title });
const municipalityRef = (m: Pick<MunicipalityFacts, 'key' | 'name'>): RecordRef => ({ type: 'MUNICIPALITY', key: m.key, label: m.name });
const byKey = (a: PartnershipFacts, b: PartnershipFacts) => a.key.localeCompare(b.key);

/** Has worked with this very partner: trust and working habits already exist. */
export function priorPartner(c: CandidateFacts, partner: MunicipalityFacts): Component {
  const shared = c.partnerships.filter((p) => p.partners.some((x) => x.id === partner.id)).sort(byKey);
  const strong = shared.some((p) => p.status === 'COMPLETED' || p.status === 'ACTIVE');
  const list = shared.map((p) => `${p.title} (${p.status.toLowerCase()})`).join('; ');
  return {
    kind: 'PRIOR_PARTNER',
    strength: shared.length ? (strong ? 1 : 0.6) : 0,
    detail: shared.length ? `Has worked with ${partner.name} before: ${list}` : `Has not worked with ${partner.name}`,
    detailJa: shared.length ? `${partner.nameJa ?? partner.name}と協力した実績：${list}` : `${partner.nameJa ?? partner.name}との協力実績なし`,
    records: shared.map(partnershipRef),
  };
}

/** Has worked in the partner's country (or at least its world region): knows the institutions and the context. */
export function countryExperience(c: CandidateFacts, partner: MunicipalityFacts): Component {
  const en = countryName(partner.country, 'en');
  const ja = countryName(partner.country, 'ja');
  if (c.municipality.country === partner.country) {
    return { kind: 'COUNTRY_EXPERIENCE', strength: 1, detail: `Based in ${en}`, detailJa: `${ja}の団体`, records: [municipalityRef(c.municipality)] };
  }
  const abroad = (p: PartnershipFacts) => p.partners.filter((x) => x.country !== c.municipality.country);
  const inCountry = c.partnerships.filter((p) => abroad(p).some((x) => x.country === partner.country)).sort(byKey);
  if (inCountry.length) {
    const where = [...new Set(inCountry.flatMap((p) => abroad(p).filter((x) => x.country === partner.country).map((x) => x.name)))].join(', ');
    return {
      kind: 'COUNTRY_EXPERIENCE',
      strength: inCountry.length >= 2 ? 1 : 0.75,
      detail: `Has worked in ${en}: ${inCountry.length} partnership${inCountry.length > 1 ? 's' : ''} (${where})`,
      detailJa: `${ja}での協力実績${inCountry.length}件（${where}）`,
      records: inCountry.map(partnershipRef),
    };
  }
  const inRegion = partner.region ? c.partnerships.filter((p) => abroad(p).some((x) => x.region === partner.region)).sort(byKey) : [];
  const countries = [...new Set(inRegion.flatMap((p) => abroad(p).filter((x) => x.region === partner.region).map((x) => countryName(x.country))))].sort();
  return {
    kind: 'COUNTRY_EXPERIENCE',
    strength: inRegion.length ? 0.35 : 0,
    detail: inRegion.length ? `Has worked elsewhere in ${partner.region} (${countries.join(', ')})` : `No partnerships in ${en} or ${partner.region ?? 'its region'} yet`,
    detailJa: inRegion.length ? `${partner.region}の他国で協力実績（${countries.join('、')}）` : `${ja}・同地域での協力実績なし`,
    records: inRegion.slice(0, 3).map(partnershipRef),
  };
}

/** Distance matters only between municipalities of the same country (domestic peers, south–south help). */
export function proximity(c: MunicipalityFacts, partner: MunicipalityFacts): Component {
  const { value, km } = closeness(c, partner);
  const where = km !== null ? `${Math.round(km)} km away` : c.subdivision && c.subdivision === partner.subdivision ? `same prefecture (${c.subdivision})` : `same region`;
  const whereJa = km !== null ? `距離${Math.round(km)} km` : c.subdivision && c.subdivision === partner.subdivision ? `同じ都道府県（${c.subdivision}）` : '同じ地方';
  const far = value > 0 && km !== null && km > 300;
  return {
    kind: 'PROXIMITY',
    strength: value,
    detail: value > 0 ? `In the same country, ${where}` : 'In another country',
    detailJa: value > 0 ? `同じ国内、${whereJa}` : '他国',
    records: value > 0 ? [municipalityRef(c)] : [],
    shortfall: far ? { kind: 'DISTANCE', share: 1 - value, detail: `${Math.round(km!)} km apart`, detailJa: `${Math.round(km!)} km離れている`, records: [municipalityRef(c)] } : undefined,
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
    detailJa: known ? `給水人口 ${formatPopulation(a)}（${partner.nameJa ?? partner.name}：${formatPopulation(b)}）` : '規模不明',
    records: [],
  };
}

/** Shares the settings the need's text names (cold, islands, hills, drought…), seen in the candidate's own records. */
export function similarSetting(c: CandidateFacts, needText: string): Component {
  const wanted = detectSettings(needText);
  const sources: { ref: RecordRef; text: string }[] = [
    ...c.expertise.map((e) => ({ ref: { type: 'EXPERTISE' as const, key: `${c.municipality.key}:${e.topicKey}` }, text: e.evidence ?? '' })),
    ...c.partnerships.map((p) => ({ ref: partnershipRef(p), text: `${p.title} ${p.summary ?? ''}` })),
    ...c.caseStudies.map((s) => ({ ref: { type: 'CASE_STUDY' as const, key: s.key, label: s.title }, text: `${s.title} ${s.summary ?? ''}` })),
  ];
  const shared: { setting: Setting; ref: RecordRef }[] = [];
  for (const setting of wanted) {
    const src = sources.find((s) => detectSettings(s.text).includes(setting));
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
