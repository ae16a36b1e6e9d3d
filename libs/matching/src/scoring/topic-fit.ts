import type { Component } from './combine';
import type { ExpertiseFacts, TextHit } from './facts';
import type { RecordRef } from './reason';
import type { Taxonomy } from './taxonomy';

export const expertiseRef = (municipalityKey: string, topicKey: string, tax: Taxonomy): RecordRef => ({
  type: 'EXPERTISE',
  key: `${municipalityKey}:${topicKey}`,
  label: tax.labelEn(topicKey),
});

interface TopicCover {
  wanted: string;
  value: number;
  via: ExpertiseFacts | null;
}

/** For each wanted topic, the expertise that answers it best (grade × level/5). */
export function coverTopics(tax: Taxonomy, wanted: readonly string[], expertise: readonly ExpertiseFacts[]): TopicCover[] {
  return wanted.map((w) => {
    let best: TopicCover = { wanted: w, value: 0, via: null };
    for (const e of expertise) {
      const value = (tax.match(w, e.topicKey)?.grade ?? 0) * (e.level / 5);
      if (value > best.value || (value === best.value && value > 0 && best.via && e.topicKey < best.via.topicKey)) best = { wanted: w, value, via: e };
    }
    return best;
  });
}

/**
 * Topic fit: the mean over the need's topics of the best expertise answering each (exact topic >
 * sibling > domain, scaled by the declared level 1–5). Uncovered topics show as a TOPIC_GAP.
 */
export function topicFit(tax: Taxonomy, municipalityKey: string, wanted: readonly string[], expertise: readonly ExpertiseFacts[]): Component {
  const covers = coverTopics(tax, wanted, expertise);
  const strength = covers.length ? covers.reduce((s, c) => s + c.value, 0) / covers.length : 0;
  const covered = covers.filter((c) => c.via);
  const uncovered = covers.filter((c) => !c.via);
  const describe = (c: TopicCover, ja: boolean): string => {
    const rel = tax.match(c.wanted, c.via!.topicKey)!.relation;
    const offered = ja ? tax.labelJa(c.via!.topicKey) : tax.labelEn(c.via!.topicKey);
    const wantedLabel = ja ? tax.labelJa(c.wanted) : tax.labelEn(c.wanted);
    if (ja) return rel === 'EXACT' ? `${wantedLabel}：レベル${c.via!.level}の専門性` : `${wantedLabel}：関連分野「${offered}」でレベル${c.via!.level}`;
    return rel === 'EXACT'
      ? `${wantedLabel}: level ${c.via!.level} expertise`
      : `${wantedLabel}: level ${c.via!.level} in ${rel === 'SIBLING' ? 'the related topic' : 'the domain'} "${offered}"`;
  };
  return {
    kind: 'TOPIC_FIT',
    strength,
    detail: covered.map((c) => describe(c, false)).join('; ') || 'No expertise on these topics',
    detailJa: covered.map((c) => describe(c, true)).join('；') || 'この分野の専門性なし',
    records: dedupe(covered.map((c) => expertiseRef(municipalityKey, c.via!.topicKey, tax))),
    shortfall: uncovered.length
      ? {
          kind: 'TOPIC_GAP',
          share: uncovered.length / covers.length,
          detail: `No expertise declared for ${uncovered.map((c) => tax.labelEn(c.wanted)).join(', ')}`,
          detailJa: `${uncovered.map((c) => tax.labelJa(c.wanted)).join('、')}の専門性が登録されていない`,
          records: uncovered.map((c) => ({ type: 'TOPIC' as const, key: c.wanted, label: tax.labelEn(c.wanted) })),
        }
      : undefined,
  };
}

/** Full-text rank that counts as a perfect text match (ts_rank_cd normalised to 0..1 rarely exceeds it). */
export const FULL_TEXT_SATURATION = 0.5;

/**
 * Text fit: how well the candidate's own words (expertise evidence, partnership summaries, case
 * studies) match the need's description — full-text rank for English, plus the topics the
 * description mentions in either language (so Japanese text still counts).
 */
export function textFit(
  tax: Taxonomy,
  municipalityKey: string,
  mentioned: readonly { key: string; words: string[] }[],
  expertise: readonly ExpertiseFacts[],
  hits: readonly TextHit[],
): Component {
  const top = [...hits].sort((a, b) => b.rank - a.rank || a.key.localeCompare(b.key)).slice(0, 3);
  const fullText = top.length ? Math.min(1, top[0]!.rank / FULL_TEXT_SATURATION) : 0;
  const covers = coverTopics(
    tax,
    mentioned.map((m) => m.key),
    expertise,
  ).filter((c) => c.via);
  const mentionFit = mentioned.length ? covers.reduce((s, c) => s + c.value, 0) / mentioned.length : 0;
  const strength = mentioned.length ? 0.5 * fullText + 0.5 * mentionFit : fullText;
  const words = (key: string) => mentioned.find((m) => m.key === key)?.words.slice(0, 2) ?? [];
  const parts = covers.map((c) => `${words(c.wanted).map((w) => `"${w}"`).join(', ')} → ${tax.labelEn(c.via!.topicKey)} (level ${c.via!.level})`);
  const partsJa = covers.map((c) => `${words(c.wanted).map((w) => `「${w}」`).join('')}→ ${tax.labelJa(c.via!.topicKey)}（レベル${c.via!.level}）`);
  const titles = [...new Set(top.map((h) => h.label))].slice(0, 2);
  if (titles.length) {
    parts.push(`wording close to "${titles.join('", "')}"`);
    partsJa.push(`記述が近い記録：「${titles.join('」「')}」`);
  }
  return {
    kind: 'TEXT_FIT',
    strength,
    detail: parts.length ? `The description matches: ${parts.join('; ')}` : 'The description does not match its records',
    detailJa: partsJa.length ? `記述との一致：${partsJa.join('；')}` : '記述に一致する記録なし',
    records: dedupe([
      ...covers.map((c) => expertiseRef(municipalityKey, c.via!.topicKey, tax)),
      ...top.map((h) => ({ type: h.type, key: h.key, label: h.label })),
    ]),
  };
}

export function dedupe(refs: readonly RecordRef[]): RecordRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const id = `${r.type}:${r.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
