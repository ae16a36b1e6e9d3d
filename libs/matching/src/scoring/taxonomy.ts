/** How a wanted topic relates to an offered one: the taxonomy's three grades of fit. */
export type TopicRelation = 'EXACT' | 'SIBLING' | 'DOMAIN';

/**
 * Exact topic > same parent (siblings) > domain (one side names the whole domain). Fixed priors,
 * not tuned: a sibling shares most of the craft (leak detection and DMAs are both NRW work), a
 * domain-level claim is broader and says less about the specific problem.
 */
export const TOPIC_GRADE: Readonly<Record<TopicRelation, number>> = { EXACT: 1, SIBLING: 0.6, DOMAIN: 0.5 };

export interface TopicInfo {
  key: string;
  parentKey: string | null;
  labelEn: string;
  labelJa: string;
  synonymsEn?: readonly string[];
  synonymsJa?: readonly string[];
}

export interface TopicMatch {
  relation: TopicRelation;
  grade: number;
}

/** The topic tree in memory (36 rows): relations, labels, and topic mentions in free text. */
export class Taxonomy {
  private readonly byKey: ReadonlyMap<string, TopicInfo>;
  private readonly order: ReadonlyMap<string, number>;

  constructor(readonly topics: readonly TopicInfo[]) {
    this.byKey = new Map(topics.map((t) => [t.key, t]));
    this.order = new Map(topics.map((t, i) => [t.key, i]));
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  labelEn(key: string): string {
    return this.byKey.get(key)?.labelEn ?? key;
  }

  labelJa(key: string): string {
    return this.byKey.get(key)?.labelJa ?? key;
  }

  domainOf(key: string): string {
    return this.byKey.get(key)?.parentKey ?? key;
  }

  /** How well `offered` answers `wanted`, or null when they are in different domains. */
  match(wanted: string, offered: string): TopicMatch | null {
    if (wanted === offered) return { relation: 'EXACT', grade: TOPIC_GRADE.EXACT };
    const w = this.byKey.get(wanted);
    const o = this.byKey.get(offered);
    if (!w || !o) return null;
    if (w.parentKey === offered || o.parentKey === wanted) return { relation: 'DOMAIN', grade: TOPIC_GRADE.DOMAIN };
    if (w.parentKey !== null && w.parentKey === o.parentKey) return { relation: 'SIBLING', grade: TOPIC_GRADE.SIBLING };
    return null;
  }

  /** Best grade with which any of `offered` answers `wanted` (0 when none does). */
  bestGrade(wanted: string, offered: readonly string[]): number {
    return offered.reduce((best, o) => Math.max(best, this.match(wanted, o)?.grade ?? 0), 0);
  }

  /** Every topic that answers at least one wanted topic, with its best grade: the SQL candidate filter. */
  related(wanted: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of this.topics) {
      const grade = wanted.reduce((best, w) => Math.max(best, this.match(w, t.key)?.grade ?? 0), 0);
      if (grade > 0) out.set(t.key, grade);
    }
    return out;
  }

  /** Sorts topic keys in taxonomy order (domains before their topics), unknown keys last. */
  sort(keys: Iterable<string>): string[] {
    const pos = (k: string) => this.order.get(k) ?? Number.MAX_SAFE_INTEGER;
    return [...new Set(keys)].sort((a, b) => pos(a) - pos(b) || a.localeCompare(b));
  }

  /**
   * Topics whose label or synonyms occur in `text` (English case-insensitively, Japanese as is),
   * with the words that matched. Lets a description in either language point at topics.
   */
  mentions(text: string): { key: string; words: string[] }[] {
    const lower = text.toLowerCase();
    const found: { key: string; words: string[] }[] = [];
    for (const t of this.topics) {
      const words = [t.labelEn, ...(t.synonymsEn ?? [])]
        .filter((w) => w.length >= 3 && containsWord(lower, w.toLowerCase()))
        .concat([t.labelJa, ...(t.synonymsJa ?? [])].filter((w) => w.length >= 2 && text.includes(w)));
      if (words.length) found.push({ key: t.key, words: [...new Set(words)] });
    }
    return found;
  }
}

/** A whole-word-start match for Latin text ("leaks" in "leaks underground", not "nrw" in "unrwrapped"). */
function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = at === 0 ? ' ' : haystack[at - 1]!;
    if (!/[a-z0-9]/.test(before)) return true;
    from = at + 1;
  }
}
