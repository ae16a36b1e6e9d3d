import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { PartnerSuggestionService, rankPartners } from '../partner/partner-suggestion.service';
import type { ScoringProfile } from '../scoring/combine';
import type { NeedFacts } from '../scoring/facts';
import { PARTNER_PROFILE, PARTNER_SIGNAL_GROUPS, prepareNeed } from '../scoring/partner-score';
import type { ReasonKind } from '../scoring/reason';
import type { Taxonomy } from '../scoring/taxonomy';
import { expectedRank, outcomeOf, randomExpectation, summarise, type CaseOutcome, type MethodMetrics, type RandomCase, type Ranked } from './metrics';

/** How much history the matcher may see while a case is evaluated. */
export type EvaluationMode = 'leave-one-out' | 'as-of-start';

export interface EvaluationOptions {
  /** Runs first, inside the evaluation's transaction (e.g. load a given document); all of it is rolled back. */
  prepare?: (tx: RequestContext) => Promise<void>;
  modes?: readonly EvaluationMode[];
  onCase?: (done: number, total: number) => void;
}

export interface CaseResult {
  partnershipKey: string;
  recipientKey: string;
  providerKeys: string[];
  topics: string[];
  /** Expected rank of the best real provider per method (ties shared fairly; null: not in the list). */
  ranks: Record<string, number | null>;
  /** The matcher's top 3. */
  top: string[];
  /** Every record (type:key) the matcher's top 3 cite in their reasons: proof the hidden one is not among them. */
  cited: string[];
}

export interface AblationRow {
  without: string;
  metrics: MethodMetrics;
}

export interface ModeReport {
  mode: EvaluationMode;
  methods: MethodMetrics[];
  ablation: AblationRow[];
  cases: CaseResult[];
}

export interface EvaluationReport {
  municipalities: number;
  partnerships: number;
  modes: ModeReport[];
}

interface CaseRun {
  c: EvalCase;
  outcomes: Record<string, CaseOutcome | null>;
  lists: Record<string, Ranked[]>;
  cited: string[];
}

interface EvalCase {
  partnershipId: string;
  partnershipKey: string;
  startYear: number | null;
  recipientId: string;
  recipientKey: string;
  providerIds: string[];
  providerKeys: string[];
  topics: string[];
}

/** Every ranked position is recorded up to here; beyond it a case counts as a miss. */
const LIST_LENGTH = 100;
/** No penalties, no other signals: topic fit alone. */
const TOPIC_ONLY: ScoringProfile = {
  weights: { TOPIC_FIT: 1 },
  disabled: new Set<ReasonKind>(['CAPACITY', 'NO_COMMON_LANGUAGE', 'SCHEME_ELIGIBILITY', 'DECLINES', 'DISMISSED', 'TOPIC_GAP']),
};

/**
 * Leave-one-out evaluation on the partnership history: for each completed partnership with a
 * recipient, hide it (and its outcomes, topics and the provider's case studies that name the
 * recipient) inside a savepoint, post the recipient's need (the partnership's topics; its
 * country comes with the recipient), and see where the real provider ranks — for the matcher, its
 * ablations and the baselines, on exactly the same cases. Everything is rolled back.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
    private readonly partners: PartnerSuggestionService,
  ) {}

  async run(ctx: RequestContext, options: EvaluationOptions = {}): Promise<EvaluationReport> {
    const runner = this.db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx: RequestContext = { ...ctx, actor: null, transaction: runner.manager };
      if (options.prepare) await options.prepare(tx);
      const tax = await this.facts.taxonomy(tx);
      const cases = await this.cases(tx);
      const directory = (await runner.query(`SELECT id, key FROM municipality ORDER BY key`)) as { id: string; key: string }[];
      const [{ n: partnerships }] = (await runner.query(`SELECT count(*)::int AS n FROM partnership`)) as { n: number }[];
      const modes: ModeReport[] = [];
      const wanted = options.modes ?? ['as-of-start', 'leave-one-out'];
      let done = 0;
      for (const mode of wanted) {
        const results: CaseRun[] = [];
        for (const c of cases) {
          await runner.startTransaction(); // a savepoint: the hiding below is undone after the case
          try {
            await this.hide(tx, c, mode);
            results.push({ c, ...(await this.evaluateCase(tx, tax, c)) });
          } finally {
            await runner.rollbackTransaction();
          }
          options.onCase?.(++done, cases.length * wanted.length);
        }
        modes.push(this.report(mode, results, directory));
      }
      return { municipalities: directory.length, partnerships, modes };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /**
   * Empties the directory inside the evaluation's transaction (rolled back with it), so a given
   * document is evaluated on its own: `prepare: (tx) => clearDirectory(tx).then(() => import(tx, doc))`.
   */
  async clearDirectory(tx: RequestContext): Promise<void> {
    if (!tx.transaction) throw new Error('clearDirectory runs only inside the evaluation transaction');
    for (const table of ['partnership', 'case_study', 'event', 'municipality']) await this.db.manager(tx).query(`DELETE FROM ${table}`);
  }

  /** Completed partnerships with at least one provider and one recipient, by key. */
  private async cases(tx: RequestContext): Promise<EvalCase[]> {
    const rows = (await this.db.manager(tx).query(
      `SELECT p.id, p.key, p.start_year,
              ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id ORDER BY pt.position) AS topics,
              ARRAY(SELECT pm.municipality_id FROM partnership_member pm WHERE pm.partnership_id = p.id AND pm.role = 'RECIPIENT' ORDER BY pm.position) AS recipients,
              ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id AND pm.role = 'RECIPIENT' ORDER BY pm.position) AS recipient_keys,
              ARRAY(SELECT pm.municipality_id FROM partnership_member pm WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER' ORDER BY pm.position) AS providers,
              ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER' ORDER BY m.key) AS provider_keys
         FROM partnership p WHERE p.status = 'COMPLETED' ORDER BY p.key`,
    )) as { id: string; key: string; start_year: number | null; topics: string[]; recipients: string[]; recipient_keys: string[]; providers: string[]; provider_keys: string[] }[];
    return rows
      .filter((r) => r.recipients.length && r.providers.length && r.topics.length)
      .map((r) => ({
        partnershipId: r.id,
        partnershipKey: r.key,
        startYear: r.start_year,
        recipientId: r.recipients[0]!,
        recipientKey: r.recipient_keys[0]!,
        providerIds: r.providers,
        providerKeys: r.provider_keys,
        topics: r.topics,
      }));
  }

  /**
   * Hides what the matcher must not see for this case: the partnership itself (its topics,
   * members and outcomes go with it), the providers' case studies that name the recipient, and —
   * in `as-of-start` mode — every partnership that started after it did, with the statuses and
   * outcomes of the rest set back to that year.
   */
  private async hide(tx: RequestContext, c: EvalCase, mode: EvaluationMode): Promise<void> {
    const m = this.db.manager(tx);
    await m.query(`DELETE FROM partnership WHERE id = $1`, [c.partnershipId]);
    const names = [c.recipientKey, c.recipientKey.replace(/-/g, ' ')];
    await m.query(`DELETE FROM case_study WHERE municipality_id = ANY($1::uuid[]) AND search_text LIKE ANY($2::text[])`, [c.providerIds, names.map((n) => `%${n}%`)]);
    if (mode === 'as-of-start' && c.startYear !== null) {
      // The directory as it stood when the partnership began: later work gone, work still running
      // then marked ACTIVE (no results yet), work finished before then COMPLETED.
      await m.query(`DELETE FROM partnership WHERE start_year > $1`, [c.startYear]);
      await m.query(
        `UPDATE partnership SET status = CASE WHEN end_year < $1 THEN 'COMPLETED'::partnership_status ELSE 'ACTIVE'::partnership_status END
          WHERE start_year IS NOT NULL AND status IN ('COMPLETED', 'ACTIVE', 'DORMANT') AND (end_year IS NOT NULL OR status <> 'COMPLETED')`,
        [c.startYear],
      );
      await m.query(`DELETE FROM partnership_outcome o USING partnership p WHERE p.id = o.partnership_id AND p.status = 'ACTIVE'`);
    }
  }

  private async evaluateCase(tx: RequestContext, tax: Taxonomy, c: EvalCase): Promise<Omit<CaseRun, 'c'>> {
    const [recipient] = [...(await this.facts.municipalities(tx, [c.recipientId])).values()];
    const need: NeedFacts = {
      key: `eval-${c.partnershipKey}`,
      title: c.topics.map((t) => tax.labelEn(t)).join(', '),
      text: c.topics.map((t) => tax.labelEn(t)).join('. '),
      topicKeys: c.topics,
      schemes: [],
      municipality: recipient!,
    };
    const prepared = prepareNeed(tax, need);
    const candidates = await this.partners.candidates(tx, tax, prepared, null, 150);
    const lists: Record<string, Ranked[]> = {};
    const top = rankPartners(tax, prepared, candidates, PARTNER_PROFILE, 3);
    const cited = [...new Set(top.flatMap((s) => [...s.card.reasons, ...s.card.mismatches].flatMap((r) => r.records.map((x) => `${x.type}:${x.key}`))))].sort();
    const keysOf = (profile: ScoringProfile) => rankPartners(tax, prepared, candidates, profile, LIST_LENGTH).map((s) => ({ key: s.facts.municipality.key, score: s.card.score }));
    lists['matcher'] = keysOf(PARTNER_PROFILE);
    lists['topic-only'] = keysOf(TOPIC_ONLY);
    for (const [group, kinds] of Object.entries(PARTNER_SIGNAL_GROUPS)) lists[`without ${group}`] = keysOf({ ...PARTNER_PROFILE, disabled: new Set(kinds) });
    lists['popularity'] = (await this.db.manager(tx).query(
      `SELECT m.key, (SELECT count(*) FROM partnership_member pm JOIN partnership p ON p.id = pm.partnership_id
                       WHERE pm.municipality_id = m.id AND pm.role = 'PROVIDER' AND p.status <> 'CANCELLED')::int AS score
         FROM municipality m WHERE m.id <> $1 ORDER BY score DESC, m.key`,
      [c.recipientId],
    )) as Ranked[];
    const truth = new Set(c.providerKeys);
    const outcomes = Object.fromEntries(Object.entries(lists).map(([method, list]) => [method, outcomeOf(list, truth)]));
    return { outcomes, lists, cited };
  }

  private report(mode: EvaluationMode, results: CaseRun[], directory: { id: string; key: string }[]): ModeReport {
    const metrics = (method: string) =>
      summarise(
        method,
        results.map((r) => r.outcomes[method] ?? null),
        results.map((r) => (r.lists[method] ?? []).slice(0, 5).map((x) => x.key)),
        directory.length,
      );
    const randomCases: RandomCase[] = results.map((r) => ({ candidates: directory.filter((d) => d.id !== r.c.recipientId).map((d) => d.key), positives: r.c.providerKeys.length }));
    const full = metrics('matcher');
    return {
      mode,
      methods: [full, metrics('topic-only'), metrics('popularity'), randomExpectation(randomCases, directory.map((d) => d.key))],
      ablation: Object.keys(PARTNER_SIGNAL_GROUPS).map((group) => ({ without: group, metrics: metrics(`without ${group}`) })),
      cases: results.map((r) => ({
        partnershipKey: r.c.partnershipKey,
        recipientKey: r.c.recipientKey,
        providerKeys: r.c.providerKeys,
        topics: r.c.topics,
        ranks: Object.fromEntries(Object.entries(r.outcomes).map(([method, o]) => [method, expectedRank(o)])),
        top: (r.lists['matcher'] ?? []).slice(0, 3).map((x) => x.key),
        cited: r.cited,
      })),
    };
  }
}

