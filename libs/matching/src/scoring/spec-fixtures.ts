/* Builders for the pure scoring specs (no database). Not exported from the library. */
import type { CandidateFacts, MunicipalityFacts, NeedFacts, PartnershipFacts } from './facts';
import { NO_FEEDBACK } from './facts';
import { Taxonomy, type TopicInfo } from './taxonomy';

const T = (key: string, parentKey: string | null, labelEn: string, labelJa: string, synonymsEn: string[] = [], synonymsJa: string[] = []): TopicInfo => ({
  key,
  parentKey,
  labelEn,
  labelJa,
  synonymsEn,
  synonymsJa,
});

/** A slice of the real taxonomy: enough for every relation. */
export const specTaxonomy = new Taxonomy([
  T('nrw', null, 'Non-revenue water reduction', '無収水対策', ['non-revenue water', 'NRW'], ['無収水']),
  T('nrw.leak-detection', 'nrw', 'Leak detection and repair', '漏水探知・修繕', ['leakage', 'leaks', 'leak detection'], ['漏水', '地下漏水']),
  T('nrw.metering', 'nrw', 'Metering and billing accuracy', '水道メーター・検針の適正化', ['water meter', 'metering'], ['検針']),
  T('nrw.dma-pressure', 'nrw', 'District metered areas and pressure management', '配水ブロック化・水圧管理', ['pressure management', 'DMA', 'water pressure'], ['水圧']),
  T('network', null, 'Distribution network management', '配水管網の管理', ['distribution network'], ['管網']),
  T('network.asset-management', 'network', 'Pipe asset management and renewal', '管路の更新・アセットマネジメント', ['asset management', 'ageing pipes'], ['老朽管']),
  T('treatment', null, 'Water treatment and quality', '浄水処理・水質', [], []),
  T('treatment.operations', 'treatment', 'Treatment plant operation and maintenance', '浄水場の運転管理', ['treatment plant'], ['浄水場']),
  T('people', null, 'Human resource development', '人材育成', [], []),
  T('people.trainee-hosting', 'people', 'Hosting trainees and foreign students', '研修員・留学生の受け入れ', ['trainees'], ['研修員']),
  T('people.expert-dispatch', 'people', 'Dispatching experts', '専門家派遣', ['expert dispatch'], ['専門家派遣']),
  T('cooperation', null, 'International cooperation practice', '国際協力の進め方', [], []),
  T('cooperation.project-formation', 'cooperation', 'Forming and proposing cooperation projects', '案件形成・提案', ['project proposal'], ['案件形成']),
]);

let seq = 0;
export function muni(over: Partial<MunicipalityFacts> = {}): MunicipalityFacts {
  seq++;
  const key = over.key ?? `m${seq}`;
  return {
    id: over.id ?? `id-${key}`,
    key,
    name: over.name ?? key.toUpperCase(),
    nameJa: null,
    kind: 'LOCAL_GOVERNMENT',
    country: 'JP',
    region: 'Kanto',
    subdivision: null,
    population: 1_000_000,
    latitude: null,
    longitude: null,
    languages: ['ja', 'en'],
    capacity: null,
    overseasExperience: 'SOME',
    ...over,
  };
}

export function partnership(over: Partial<PartnershipFacts> = {}): PartnershipFacts {
  seq++;
  return {
    key: over.key ?? `p${seq}`,
    title: over.title ?? `Partnership ${seq}`,
    status: 'COMPLETED',
    scheme: null,
    role: 'PROVIDER',
    startYear: 2015,
    endYear: 2018,
    summary: null,
    topicKeys: [],
    partners: [],
    outcomes: [],
    ...over,
  };
}

export function candidate(over: Partial<CandidateFacts> & { municipality?: MunicipalityFacts } = {}): CandidateFacts {
  return { municipality: over.municipality ?? muni(), expertise: [], partnerships: [], caseStudies: [], textHits: [], feedback: NO_FEEDBACK, ...over };
}

export function need(over: Partial<NeedFacts> = {}): NeedFacts {
  return {
    key: 'need-1',
    title: 'A need',
    text: '',
    topicKeys: ['nrw.leak-detection'],
    schemes: [],
    municipality: muni({ key: 'recipient', country: 'ID', region: 'Asia', languages: ['id', 'en'], population: 1_400_000 }),
    ...over,
  };
}

export const partnerOf = (m: MunicipalityFacts, role = 'RECIPIENT') => ({ id: m.id, key: m.key, name: m.name, country: m.country, region: m.region, role });
