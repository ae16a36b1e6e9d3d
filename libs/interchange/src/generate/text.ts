import type { TopicSeed } from '@kakehashi/database';
import type { Random } from './random';

/*
 * Sentences of the kind water bureaus and utilities write, per domain of the taxonomy, in English
 * and Japanese. {place}, {org}, {topic}, {term}, {n}, {pct}, {year} are filled per record; {term}
 * is one of the topic's own synonyms, so search and the matcher's text signals see real vocabulary.
 */
interface Phrases {
  problem: string[];
  practice: string[];
  problemJa: string[];
  practiceJa: string[];
}

const BANK: Record<string, Phrases> = {
  nrw: {
    problem: [
      'About {pct}% of the water produced in {place} never reaches a paying customer; {term} is the first concern of the utility.',
      'Night flows show heavy {term} on ageing mains, and repairs take weeks.',
      'Customer meters are old and estimated bills are common, so revenue does not cover operation.',
    ],
    practice: [
      '{org} runs a permanent programme on {term}: {n} km of mains surveyed every year and bursts repaired within a day.',
      'Non-revenue water was brought down from {pct}% to single digits through district metering, acoustic surveys and meter renewal.',
    ],
    problemJa: ['{place}では配水量の約{pct}%が無収水となっており、{term}への対策が急務である。', '老朽管からの{term}が多く、修繕に時間がかかっている。'],
    practiceJa: ['{org}は{term}に継続して取り組み、年間{n}kmの漏水調査と迅速な修繕を行っている。', '配水ブロック化と計画的な調査により、有収率を大きく改善した。'],
  },
  network: {
    problem: ['Pipe records are on paper and incomplete; nobody knows where {term} is needed first.', 'Low pressure at the network ends leaves {n} thousand people with intermittent supply.'],
    practice: ['{org} manages {n} km of pipes with a GIS and renews about 1% of them every year ({term}).', 'A central {term} system watches reservoirs and pumps around the clock.'],
    problemJa: ['管路図が紙のままで、{term}の優先順位が決められない。', '管網末端の水圧が低く、時間給水が続いている。'],
    practiceJa: ['{org}は約{n}kmの管路をマッピングシステムで管理し、計画的な{term}を進めている。', '{term}により配水池とポンプ場を24時間監視している。'],
  },
  treatment: {
    problem: ['Raw water turbidity rises sharply in the rainy season and the plant cannot keep up; {term} needs strengthening.', 'The laboratory cannot test for the parameters the national standard requires.'],
    practice: ['{org} operates {n} treatment plants and publishes daily results of {term}.', 'Operators are trained on coagulation control, filter washing and {term} every year.'],
    problemJa: ['雨期に原水濁度が上昇し、浄水処理が追いつかない。{term}の強化が必要である。', '水質基準に定められた項目を検査できない。'],
    practiceJa: ['{org}は{n}か所の浄水場を運転し、{term}の結果を毎日公表している。', '凝集・ろ過の運転管理と{term}について毎年研修を行っている。'],
  },
  resilience: {
    problem: ['Mains and reservoirs were built before current seismic codes; a large {term} would cut supply for weeks.', 'Floods in {year} left the city without water for days and there was no plan for {term}.'],
    practice: [
      'After the {year} earthquake {org} made its trunk mains earthquake-resistant and organised {term} with neighbouring utilities.',
      '{org} keeps emergency water points for {n} thousand residents and drills {term} every year.',
    ],
    problemJa: ['施設や管路の多くが旧基準で建設されており、大規模な{term}で長期断水のおそれがある。', '{year}年の洪水で数日間断水したが、{term}の計画がなかった。'],
    practiceJa: ['{year}年の地震を教訓に、{org}は基幹管路の耐震化と{term}の体制づくりを進めた。', '応急給水拠点を整備し、毎年{term}の訓練を行っている。'],
  },
  management: {
    problem: ['Tariffs have not changed in {n} years and do not cover costs; the utility needs help with {term}.', 'The utility was corporatised recently and lacks a business plan and {term}.'],
    practice: ['{org} reformed its {term} and publishes a medium-term business plan with performance indicators.', 'Customer satisfaction surveys and a call centre drive {term} at {org}.'],
    problemJa: ['料金が{n}年間据え置かれ、原価を回収できていない。{term}の支援が必要である。', '公社化されたばかりで、事業計画や{term}が整っていない。'],
    practiceJa: ['{org}は{term}を見直し、業績指標を含む中期経営計画を公表している。', 'お客さま満足度調査とコールセンターを通じて{term}を向上させている。'],
  },
  people: {
    problem: ['Most senior engineers retire within {n} years and there is no programme for {term}.', 'Staff have few chances to learn from other utilities; {term} is wanted.'],
    practice: ['{org} has hosted {n} trainees from abroad since {year} and runs its own training centre ({term}).', 'Engineers of {org} were dispatched as experts to {n} countries ({term}).'],
    problemJa: ['熟練技術者の多くが{n}年以内に退職するが、{term}の仕組みがない。', '他の事業体から学ぶ機会が少なく、{term}が求められている。'],
    practiceJa: ['{org}は{year}年以降{n}名の海外研修員を受け入れ、自前の研修センターで{term}を行っている。', '{org}の職員が専門家として{n}か国に派遣された（{term}）。'],
  },
  sewerage: {
    problem: ['Only {pct}% of households are connected to a sewer; septic tanks overflow into drains and {term} is poor.', 'The wastewater plant runs far below its design capacity.'],
    practice: ['{org} treats the wastewater of {n} thousand people and reuses part of it ({term}).', 'A scheduled desludging service covers every septic tank in the city ({term}).'],
    problemJa: ['下水道接続率は{pct}%にとどまり、{term}が不十分である。', '下水処理場が計画能力を大きく下回って運転されている。'],
    practiceJa: ['{org}は約{n}千人分の汚水を処理し、一部を{term}として活用している。', '市内すべての浄化槽を対象に計画的な{term}を行っている。'],
  },
  resources: {
    problem: ['The lake that supplies the city is eutrophic and {term} has no single owner.', 'Groundwater levels fall every year; {term} is needed.'],
    practice: ['{org} protects its catchment forests and monitors {term} with the prefecture.', 'Decades of {term} restored the river that feeds the plants.'],
    problemJa: ['水源の湖沼が富栄養化しているが、{term}の責任主体がない。', '地下水位が年々低下しており、{term}が必要である。'],
    practiceJa: ['{org}は水源林を保全し、県と連携して{term}を監視している。', '長年の{term}により、水源河川の水質が回復した。'],
  },
  cooperation: {
    problem: ['The utility wants to build a long-term partnership and needs help with {term}.', 'Earlier projects ended without follow-up; {term} should be planned from the start.'],
    practice: ['{org} has cooperated with utilities in {n} countries since {year} ({term}).', 'Citizens hear about the bureau’s work abroad through exhibitions and reports ({term}).'],
    problemJa: ['長期的な協力関係を築きたいが、{term}のノウハウが不足している。', '過去の事業は終了後のフォローがなかった。当初から{term}を計画したい。'],
    practiceJa: ['{org}は{year}年から{n}か国の事業体と協力してきた（{term}）。', '展示や報告会を通じて、海外での取組を市民に伝えている（{term}）。'],
  },
};

export interface TextContext {
  place: string;
  org: string;
}

/** Fills the placeholders of one sentence for `topic`. */
function fill(rng: Random, sentence: string, topic: TopicSeed, ctx: TextContext, ja: boolean): string {
  const terms = ja ? [...topic.synonymsJa, topic.labelJa] : [...topic.synonymsEn, topic.labelEn.toLowerCase()];
  return sentence
    .replace(/\{place\}/g, ctx.place)
    .replace(/\{org\}/g, ctx.org)
    .replace(/\{topic\}/g, ja ? topic.labelJa : topic.labelEn.toLowerCase())
    .replace(/\{term\}/g, () => rng.pick(terms))
    .replace(/\{n\}/g, () => String(rng.int(3, 120)))
    .replace(/\{pct\}/g, () => String(rng.int(15, 55)))
    .replace(/\{year\}/g, () => String(rng.int(1995, 2024)));
}

const domainOf = (topic: TopicSeed): string => topic.parentKey ?? topic.key;

/** What a place wants done about `topic`: one or two sentences. */
export function problemText(rng: Random, topic: TopicSeed, ctx: TextContext, ja: boolean): string {
  const bank = BANK[domainOf(topic)]!;
  const sentences = ja ? bank.problemJa : bank.problem;
  const first = fill(rng, rng.pick(sentences), topic, ctx, ja);
  return rng.chance(0.5) ? first : `${first}${ja ? '' : ' '}${fill(rng, rng.pick(sentences), topic, ctx, ja)}`;
}

/** What a place has done about `topic` (evidence, summaries, lessons). */
export function practiceText(rng: Random, topic: TopicSeed, ctx: TextContext, ja: boolean): string {
  const bank = BANK[domainOf(topic)]!;
  return fill(rng, rng.pick(ja ? bank.practiceJa : bank.practice), topic, ctx, ja);
}
