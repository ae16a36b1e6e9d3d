import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { currentYear, PartnerSuggestionService, rankPartners } from '../partner/partner-suggestion.service';
import type { ScoringProfile } from '../scoring/combine';
import type { CandidateFacts, NeedFacts } from '../scoring/facts';
import { LOAD_COST, recordRatio } from '../scoring/fit';
import { boardNeed, PARTNER_PROFILE, PARTNER_SIGNAL_GROUPS, partnerSignals, type PreparedNeed } from '../scoring/partner-score';
import { pricedScore, spreadPrices, type BoardNeed, type SpreadPrice } from '../scoring/spread';
import type { ReasonKind } from '../scoring/reason';
import type { Taxonomy } from '../scoring/taxonomy';
import { BASELINES, type SeenPartnership } from './baselines';
import { historyBodyKey, historyDocument, historyKey, historyPartnerKey, parseHistoryFile, type History, type HistoryDirectory } from './history';
import { fitConditionalLogit, folds, type ChoiceCase } from './logit';
import { expectedRank, outcomeOf, summarise, type CaseOutcome, type MethodMetrics, type Ranked } from './metrics';

/**
 * How much history the matcher may see while a case is evaluated:
 * - history-only: the documented partnerships only, each case's own hidden, expertise derived from
 *   the others, nothing declared (no capacity, experience, languages, schemes);
 * - as-of-start: the whole directory as it stood when the partnership began (declared data kept);
 * - leave-one-out: today's whole directory without the partnership.
 */
export type EvaluationMode = 'history-only' | 'as-of-start' | 'leave-one-out';

export interface EvaluationOptions {
  /** Declared modes: runs first, inside the evaluation's transaction (e.g. load a given document); all of it is rolled back. */
  prepare?: (tx: RequestContext) => Promise<void>;
  /**
   * History-only mode: a documented-partnerships file (`japaneseBodies`, `partners`,
   * `partnerships`), read against the taxonomy; default: the DOCUMENTED partnerships of the
   * directory as prepared.
   */
  historyFile?: unknown;
  /** Writes a kakehashi/v1 document inside the transaction (the CLI's importer): how the history-only directory is built. */
  load?: (tx: RequestContext, doc: HistoryDirectory) => Promise<void>;
  modes?: readonly EvaluationMode[];
  onCase?: (done: number, total: number) => void;
}

export interface CaseResult {
  partnershipKey: string;
  recipientKey: string;
  providerKeys: string[];
  topics: string[];
  /** Expected rank of the best real provider per method (ties shared fairly; null: not suggested). */
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

/** Weights fitted on the other folds, and how the fitted ranker did on the held-out fold. */
export interface FoldFit {
  fold: number;
  cases: number;
  weights: Record<string, number>;
}

export interface ModeReport {
  mode: EvaluationMode;
  methods: MethodMetrics[];
  ablation: AblationRow[];
  cases: CaseResult[];
  /** History-only: the cross-validated fit of the relationship weights. */
  folds?: FoldFit[];
  fullFit?: Record<string, number>;
}

export interface EvaluationReport {
  municipalities: number;
  partnerships: number;
  modes: ModeReport[];
}

interface EvalCase {
  partnershipKey: string;
  startYear: number | null;
  recipientKey: string;
  providerKeys: string[];
  topics: string[];
  /** Baseline inputs: the partnerships visible for this case and the candidate bodies. */
  bodies?: string[];
}

interface CaseRun {
  c: EvalCase;
  lists: Record<string, Ranked[]>;
  cited: string[];
  /** What the matcher ranks once the board's spread is known (every case's need is on the board). */
  prepared: PreparedNeed;
  candidates: CandidateFacts[];
  keyOf: (municipalityKey: string) => string;
  /** History-only: each body's fitted-signal strengths (rows in `keys` order) and the real provider. */
  choice?: ChoiceCase & { keys: string[] };
}

/** The matcher or one of its ablations, with the board's spread as that variant ranks it. */
interface Variant {
  name: string;
  profile: ScoringProfile;
  spread?: ReadonlyMap<string, SpreadPrice>;
}

/** Every ranked position is recorded up to here; beyond it a case counts as not suggested. */
const LIST_LENGTH = 100;
/** Candidates scored per case. */
const POOL = 150;
/** Folds of the cross-validated weight fit. */
const FOLDS = 5;
const MATCHER = 'matcher';
/** Declared modes: declared expertise alone (the matcher's TOPIC_FIT, no other signal, no penalty). */
const DECLARED_TOPIC = 'declared topic fit only';
const TOPIC_ONLY: ScoringProfile = {
  weights: { TOPIC_FIT: 1 },
  disabled: new Set<ReasonKind>(['CAPACITY', 'LOAD', 'OFTEN_ASKED', 'NO_COMMON_LANGUAGE', 'SCHEME_ELIGIBILITY', 'DECLINES', 'DISMISSED', 'TOPIC_GAP']),
};
const FITTED = 'matcher, weights fitted on the other folds';

/** The signals whose weights the history fit estimates, as the partner score computes them. */
export const FITTED_SIGNALS: readonly { name: string; kinds: readonly ReasonKind[] }[] = [
  { name: 'COUNTRY_EXPERIENCE', kinds: ['COUNTRY_EXPERIENCE'] },
  { name: 'PRIOR_PARTNER', kinds: ['PRIOR_PARTNER', 'ONGOING_WORK'] },
  { name: 'REGION_EXPERIENCE', kinds: ['REGION_EXPERIENCE'] },
  { name: 'NETWORK', kinds: ['NETWORK'] },
  { name: 'capability (TOPIC_FIT + EVIDENCE)', kinds: ['TOPIC_FIT', 'EVIDENCE'] },
  { name: 'LOAD (per unit of ln load ratio)', kinds: ['LOAD'] },
  { name: 'OFTEN_ASKED (per unit of ln record ratio)', kinds: ['OFTEN_ASKED'] },
];

/**
 * Evaluation on the partnership history: for each case a partnership is hidden, the recipient's
 * need is posted with the partnership's topics (its country comes with the recipient; no scheme)
 * and the real provider's place is read — for the matcher, its ablations and the baselines, on
 * exactly the same cases. Everything runs in one transaction that is rolled back.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
    private readonly partners: PartnerSuggestionService,
  ) {}

  async run(ctx: RequestContext, options: EvaluationOptions = {}): Promise<EvaluationReport> {
    const { municipalities, partnerships, collected, tax } = await this.read(ctx, options);
    return { municipalities, partnerships, modes: collected.map(({ mode, runs }) => this.report(mode, this.spreadAndRank(tax, runs))) };
  }

  /** Every case of every mode read in one rolled-back transaction, with the baselines' lists; the matcher ranks them afterwards. */
  private async read(ctx: RequestContext, options: EvaluationOptions) {
    const runner = this.db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx: RequestContext = { ...ctx, actor: null, transaction: runner.manager };
      if (options.prepare) await options.prepare(tx);
      const tax = await this.facts.taxonomy(tx);
      const wanted = options.modes ?? (options.historyFile !== undefined ? ['history-only'] : ['history-only', 'as-of-start', 'leave-one-out']);
      const [{ m: municipalities, p: partnerships }] = (await runner.query(`SELECT (SELECT count(*) FROM municipality)::int AS m, (SELECT count(*) FROM partnership)::int AS p`)) as { m: number; p: number }[];
      const history = !wanted.includes('history-only') ? null : options.historyFile !== undefined ? parseHistoryFile(options.historyFile, tax) : await this.documentedHistory(tx);
      const declared = wanted.filter((m) => m !== 'history-only');
      const declaredCases = declared.length ? await this.declaredCases(tx) : [];
      const historyCases = history ? historyCasesOf(history) : [];
      const total = historyCases.length + declaredCases.length * declared.length;
      let done = 0;
      const tick = () => options.onCase?.(++done, total);
      // Ranked once every case is read, after the transaction is closed (the spread needs them all).
      const collected: { mode: EvaluationMode; runs: CaseRun[] }[] = [];
      if (history) {
        if (!options.load) throw new Error('the history-only mode needs a loader for its directory');
        await runner.startTransaction();
        try {
          await this.clearDirectory(tx);
          await options.load(tx, historyDocument(history));
          const runs: CaseRun[] = [];
          for (const c of historyCases) {
            runs.push(await this.inSavepoint(runner, () => this.historyCase(tx, tax, history, c)));
            tick();
          }
          collected.push({ mode: 'history-only', runs });
        } finally {
          await runner.rollbackTransaction();
        }
      }
      for (const mode of declared) {
        const runs: CaseRun[] = [];
        for (const c of declaredCases) {
          runs.push(await this.inSavepoint(runner, () => this.declaredCase(tx, tax, c, mode)));
          tick();
        }
        collected.push({ mode, runs });
      }
      return { municipalities, partnerships, collected, tax };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  private async inSavepoint<T>(runner: { startTransaction(): Promise<void>; rollbackTransaction(): Promise<void> }, work: () => Promise<T>): Promise<T> {
    await runner.startTransaction(); // a savepoint: what the case hides is undone after it
    try {
      return await work();
    } finally {
      await runner.rollbackTransaction();
    }
  }

  /**
   * Empties the directory inside the evaluation's transaction (rolled back with it), so a given
   * document is evaluated on its own: `prepare: (tx) => clearDirectory(tx).then(() => import(tx, doc))`.
   */
  async clearDirectory(tx: RequestContext): Promise<void> {
    if (!tx.transaction) throw new Error('clearDirectory runs only inside the evaluation transaction');
    for (const table of ['need', 'expertise', 'partnership', 'case_study', 'event', 'municipality']) await this.db.manager(tx).query(`DELETE FROM ${table}`);
  }

  /** The DOCUMENTED partnerships of the directory with a Japanese provider (all of them when none is marked), as a history. */
  private async documentedHistory(tx: RequestContext): Promise<History> {
    const rows = (await this.db.manager(tx).query(
      `WITH doc AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM partnership WHERE provenance = 'DOCUMENTED') THEN 'DOCUMENTED' END AS only)
       SELECT p.key, p.scheme::text AS scheme, p.start_year, p.status::text AS status,
              ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id ORDER BY pt.position) AS topics,
              (SELECT row_to_json(b) FROM (SELECT m.key, m.name, m.name_ja AS "nameJa", m.region, m.subdivision, m.latitude, m.longitude, m.population
                 FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
                WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER' AND m.country = 'JP' AND m.kind <> 'NATIONAL_AGENCY' ORDER BY pm.position LIMIT 1) b) AS provider,
              (SELECT coalesce(json_agg(b ORDER BY b.position), '[]') FROM (SELECT pm.position, m.key, m.name, m.name_ja AS "nameJa", m.region, m.subdivision, m.latitude, m.longitude, m.population
                 FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
                WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER' AND m.country = 'JP' AND m.kind <> 'NATIONAL_AGENCY') b) AS providers,
              (SELECT row_to_json(r) FROM (SELECT m.key, m.name, m.country FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
                WHERE pm.partnership_id = p.id AND pm.role = 'RECIPIENT' ORDER BY pm.position LIMIT 1) r) AS partner
         FROM partnership p, doc WHERE doc.only IS NULL OR p.provenance::text = doc.only ORDER BY p.key`,
    )) as { key: string; scheme: string | null; start_year: number | null; status: string; topics: string[]; provider: History['bodies'][number] | null; providers: (History['bodies'][number] & { position: number })[]; partner: History['partners'][number] | null }[];
    const withProvider = rows.filter((r) => r.provider);
    const bodies = new Map(withProvider.flatMap((r) => r.providers.map(({ position: _, ...b }) => [b.key, b] as const)));
    const partners = new Map(withProvider.flatMap((r) => (r.partner ? [[r.partner.key, r.partner] as const] : [])));
    return {
      bodies: [...bodies.values()].sort((a, b) => a.key.localeCompare(b.key)),
      partners: [...partners.values()].sort((a, b) => a.key.localeCompare(b.key)),
      partnerships: withProvider.map((r) => ({
        key: r.key,
        provider: r.provider!.key,
        providers: r.providers.map((b) => b.key),
        partner: r.partner?.key ?? null,
        country: r.partner?.country ?? null,
        scheme: r.scheme,
        topics: r.topics,
        startYear: r.start_year,
        ongoing: ['ACTIVE', 'AGREED', 'PROPOSED'].includes(r.status),
      })),
    };
  }

  /**
   * One history-only case: the partnership hidden, expertise derived from the partnerships left
   * (each topic a body carried, level 2 + the number of partnerships on it, at most 5), the
   * partner's need posted with the topics, every Japanese body ranked.
   */
  private async historyCase(tx: RequestContext, tax: Taxonomy, history: History, c: EvalCase): Promise<CaseRun> {
    const m = this.db.manager(tx);
    await m.query(`DELETE FROM partnership WHERE key = $1`, [c.partnershipKey]);
    await m.query(`DELETE FROM expertise`);
    await m.query(
      `INSERT INTO expertise (municipality_id, topic_key, level, evidence, provenance)
       SELECT pm.municipality_id, pt.topic_key, least(5, 2 + count(*)), 'Derived from ' || count(*) || ' documented partnership(s) on this topic', 'DOCUMENTED'
         FROM partnership_member pm JOIN partnership_topic pt ON pt.partnership_id = pm.partnership_id
        WHERE pm.role IN ('PROVIDER', 'PEER') GROUP BY pm.municipality_id, pt.topic_key`,
    );
    const [partner] = [...(await this.facts.municipalities(tx, await this.idsOf(tx, [historyPartnerKey(c.recipientKey)]))).values()];
    const need = postedNeed(tax, c, partner!);
    // History is judged as it stood: the evaluation's own freshly written records are not "confirmed" by anyone.
    const { prepared, candidates } = await this.partners.prepare(tx, tax, need, null, POOL, currentYear(), false, false);
    const run: Pick<CaseRun, 'lists' | 'cited'> = { lists: {}, cited: [] };
    const seen = history.partnerships.filter((p) => p.key !== c.partnershipKey).map((p): SeenPartnership => ({ providers: p.providers, partner: p.partner, country: p.country, topics: p.topics }));
    const posted = { partner: c.recipientKey, country: partner!.country, topics: c.topics };
    for (const [name, f] of Object.entries(BASELINES)) run.lists[name] = f(c.bodies!, seen, posted);
    const bodyIds = new Set(c.bodies!.map(historyBodyKey));
    const scoring = candidates.filter((x) => bodyIds.has(x.municipality.key));
    return { c, ...run, prepared, candidates, keyOf: historyKey, choice: choiceCase(tax, prepared, scoring, candidates, historyBodyKey(c.providerKeys[0]!)) };
  }

  /**
   * Every case's need is on one board of open needs (as a coordinator's list would be): the spread
   * prices who is already suggested too often across them (scoring/spread.ts), then each case is
   * ranked with those prices — the matcher and its ablations, each variant spread over the board
   * as it ranks it (switching a signal off moves who is suggested too often, and so the prices).
   */
  private spreadAndRank(tax: Taxonomy, runs: CaseRun[]): CaseRun[] {
    const variants: Variant[] = [
      { name: MATCHER, profile: PARTNER_PROFILE },
      ...Object.entries(PARTNER_SIGNAL_GROUPS).map(([group, kinds]): Variant => ({ name: `without ${group}`, profile: { ...PARTNER_PROFILE, disabled: new Set(kinds) } })),
    ];
    for (const v of variants) if (!v.profile.disabled?.has('OFTEN_SUGGESTED')) v.spread = spreadPrices(runs.map((r) => boardNeed(tax, r.prepared, r.candidates, null, v.profile)));
    return runs.map((r) => {
      const ranked = this.rank(tax, r.prepared, r.candidates, r.keyOf, variants);
      return { ...r, lists: { ...ranked.lists, ...r.lists }, cited: ranked.cited };
    });
  }

  private async idsOf(tx: RequestContext, keys: string[]): Promise<string[]> {
    return ((await this.db.manager(tx).query(`SELECT id FROM municipality WHERE key = ANY($1::varchar[])`, [keys])) as { id: string }[]).map((r) => r.id);
  }

  /** The matcher, its ablations and the cited records (of the matcher's top 3); `key` maps a municipality key to the case's keys. */
  private rank(tax: Taxonomy, prepared: PreparedNeed, candidates: CandidateFacts[], key: (k: string) => string, variants: readonly Variant[]): Pick<CaseRun, 'lists' | 'cited'> {
    const lists: Record<string, Ranked[]> = {};
    let cited: string[] = [];
    for (const v of variants) {
      const ranked = rankPartners(tax, { ...prepared, spread: v.spread }, candidates, v.profile, LIST_LENGTH);
      lists[v.name] = ranked.map((s) => ({ key: key(s.facts.municipality.key), score: s.card.score }));
      if (v.name === MATCHER) cited = [...new Set(ranked.slice(0, 3).flatMap((s) => [...s.card.reasons, ...s.card.mismatches].flatMap((r) => r.records.map((x) => `${x.type}:${x.key}`))))].sort();
    }
    return { lists, cited };
  }

  /** Completed partnerships with at least one provider, one recipient and topics, by key. */
  private async declaredCases(tx: RequestContext): Promise<EvalCase[]> {
    const rows = (await this.db.manager(tx).query(
      `SELECT p.key, p.start_year,
              ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id ORDER BY pt.position) AS topics,
              ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id AND pm.role = 'RECIPIENT' ORDER BY pm.position) AS recipient_keys,
              ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER' ORDER BY m.key) AS provider_keys
         FROM partnership p WHERE p.status = 'COMPLETED' ORDER BY p.key`,
    )) as { key: string; start_year: number | null; topics: string[]; recipient_keys: string[]; provider_keys: string[] }[];
    return rows
      .filter((r) => r.recipient_keys.length && r.provider_keys.length && r.topics.length)
      .map((r) => ({ partnershipKey: r.key, startYear: r.start_year, recipientKey: r.recipient_keys[0]!, providerKeys: r.provider_keys, topics: r.topics }));
  }

  /**
   * One case on the declared directory: the partnership hidden (its topics, members and outcomes
   * go with it) and the providers' case studies that name the recipient — and, as of the start,
   * every partnership that started later, with the statuses and outcomes of the rest set back.
   */
  private async declaredCase(tx: RequestContext, tax: Taxonomy, c: EvalCase, mode: EvaluationMode): Promise<CaseRun> {
    const m = this.db.manager(tx);
    const providerIds = await this.idsOf(tx, c.providerKeys);
    await m.query(`DELETE FROM partnership WHERE key = $1`, [c.partnershipKey]);
    const names = [c.recipientKey, c.recipientKey.replace(/-/g, ' ')];
    await m.query(`DELETE FROM case_study WHERE municipality_id = ANY($1::uuid[]) AND search_text LIKE ANY($2::text[])`, [providerIds, names.map((n) => `%${n}%`)]);
    const asOf = mode === 'as-of-start' && c.startYear !== null;
    if (asOf) {
      await m.query(`DELETE FROM partnership WHERE start_year > $1`, [c.startYear]);
      await m.query(
        `UPDATE partnership SET status = CASE WHEN end_year < $1 THEN 'COMPLETED'::partnership_status ELSE 'ACTIVE'::partnership_status END
          WHERE start_year IS NOT NULL AND status IN ('COMPLETED', 'ACTIVE', 'DORMANT') AND (end_year IS NOT NULL OR status <> 'COMPLETED')`,
        [c.startYear],
      );
      await m.query(`DELETE FROM partnership_outcome o USING partnership p WHERE p.id = o.partnership_id AND p.status = 'ACTIVE'`);
    }
    const [recipient] = [...(await this.facts.municipalities(tx, await this.idsOf(tx, [c.recipientKey]))).values()];
    const need = postedNeed(tax, c, recipient!);
    const { prepared, candidates } = await this.partners.prepare(tx, tax, need, null, POOL, asOf ? c.startYear! : currentYear(), !asOf, false);
    const run: Pick<CaseRun, 'lists' | 'cited'> = { lists: {}, cited: [] };
    run.lists[DECLARED_TOPIC] = rankPartners(tax, prepared, candidates, TOPIC_ONLY, LIST_LENGTH).map((s) => ({ key: s.facts.municipality.key, score: s.card.score }));
    const seen = await this.seenPartnerships(tx);
    const bodies = ((await m.query(`SELECT key FROM municipality WHERE country = 'JP' AND kind <> 'NATIONAL_AGENCY' ORDER BY key`)) as { key: string }[]).map((r) => r.key);
    const posted = { partner: c.recipientKey, country: recipient!.country, topics: c.topics };
    for (const [name, f] of Object.entries(BASELINES)) run.lists[name] = f(bodies, seen, posted);
    return { c, ...run, prepared, candidates, keyOf: (k) => k };
  }

  /** Every visible partnership with providers, for the baselines. */
  private async seenPartnerships(tx: RequestContext): Promise<SeenPartnership[]> {
    const rows = (await this.db.manager(tx).query(
      `SELECT ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id AND pm.role = 'PROVIDER') AS providers,
              (SELECT row_to_json(r) FROM (SELECT m.key, m.country FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
                WHERE pm.partnership_id = p.id AND pm.role = 'RECIPIENT' ORDER BY pm.position LIMIT 1) r) AS partner,
              ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id) AS topics
         FROM partnership p WHERE p.status <> 'CANCELLED'`,
    )) as { providers: string[]; partner: { key: string; country: string } | null; topics: string[] }[];
    return rows.filter((r) => r.providers.length).map((r) => ({ providers: r.providers, partner: r.partner?.key ?? null, country: r.partner?.country ?? null, topics: r.topics }));
  }

  private report(mode: EvaluationMode, runs: CaseRun[]): ModeReport {
    const outcome = (r: CaseRun, method: string): CaseOutcome | null => outcomeOf(r.lists[method] ?? [], new Set(r.c.providerKeys));
    const metrics = (method: string) =>
      summarise(
        method,
        runs.map((r) => outcome(r, method)),
        runs.map((r) => r.lists[method] ?? []),
      );
    const fit = mode === 'history-only' ? crossValidate(runs) : null;
    const methods = [metrics(MATCHER), ...(fit ? [summarise(FITTED, fit.outcomes, fit.lists)] : [metrics(DECLARED_TOPIC)]), ...Object.keys(BASELINES).map(metrics)];
    return {
      mode,
      methods,
      ablation: Object.keys(PARTNER_SIGNAL_GROUPS).map((group) => ({ without: group, metrics: metrics(`without ${group}`) })),
      cases: runs.map((r) => ({
        partnershipKey: r.c.partnershipKey,
        recipientKey: r.c.recipientKey,
        providerKeys: r.c.providerKeys,
        topics: r.c.topics,
        ranks: Object.fromEntries(Object.keys(r.lists).map((method) => [method, expectedRank(outcome(r, method))])),
        top: (r.lists[MATCHER] ?? []).slice(0, 3).map((x) => x.key),
        cited: r.cited,
      })),
      ...(fit ? { folds: fit.folds, fullFit: fit.full } : {}),
    };
  }
}

/** The recipient's need as the evaluation posts it: the partnership's topics, named in words; no scheme. */
function postedNeed(tax: Taxonomy, c: EvalCase, recipient: NeedFacts['municipality']): NeedFacts {
  return {
    key: `eval-${c.partnershipKey}`,
    title: c.topics.map((t) => tax.labelEn(t)).join(', '),
    text: c.topics.map((t) => tax.labelEn(t)).join('. '),
    topicKeys: c.topics,
    schemes: [],
    municipality: recipient,
  };
}

/** Cases of a history: every partnership with a partner and topics, in key order. */
function historyCasesOf(h: History): EvalCase[] {
  const bodies = h.bodies.map((b) => b.key).sort();
  return h.partnerships
    .filter((p) => p.partner && p.topics.length)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((p) => ({ partnershipKey: p.key, startYear: p.startYear, recipientKey: p.partner!, providerKeys: p.providers, topics: p.topics, bodies }));
}

/**
 * The strengths of the fitted signals for each candidate body (the LOAD column is −ln(load ratio),
 * i.e. minus its cost per unit of LOAD_COST). A real provider the candidate generation did not find
 * leaves the case out of the fit (it still counts, as not suggested, in every metric).
 */
function choiceCase(tax: Taxonomy, need: PreparedNeed, bodies: CandidateFacts[], all: CandidateFacts[], chosenKey: string): (ChoiceCase & { keys: string[] }) | undefined {
  const chosen = bodies.findIndex((b) => b.municipality.key === chosenKey);
  if (chosen < 0) return undefined;
  const rows = bodies.map((c) => {
    const { components, costs } = partnerSignals(tax, need, c, all);
    const strength = (kinds: readonly ReasonKind[]) => components.filter((x) => kinds.includes(x.kind)).reduce((s, x) => s + Math.min(1, Math.max(0, x.strength)), 0);
    const cost = (kind: ReasonKind, unit: number) => costs.filter((x) => x.kind === kind).reduce((s, x) => s + x.cost / unit, 0);
    const asked = -Math.log(Math.max(1, recordRatio(c, need.peerLoad.get(c.municipality.country)?.record ?? 0).ratio));
    return FITTED_SIGNALS.map((f) => (f.kinds[0] === 'LOAD' ? -cost('LOAD', LOAD_COST) : f.kinds[0] === 'OFTEN_ASKED' ? asked : strength(f.kinds)));
  });
  return { rows, chosen, keys: bodies.map((b) => historyKey(b.municipality.key)) };
}

/**
 * 5-fold cross-validation of the relationship weights: fitted (conditional logit) on four folds,
 * the held-out fold ranked by the fitted weights. Returns each fold's weights, the fit on all
 * cases (what the shipped weights were rounded from) and the held-out rankings.
 */
function crossValidate(runs: CaseRun[]): { folds: FoldFit[]; full: Record<string, number>; outcomes: (CaseOutcome | null)[]; lists: Ranked[][] } {
  const names = FITTED_SIGNALS.map((f) => f.name);
  const usable = runs.map((r, i) => ({ r, i })).filter((x) => x.r.choice);
  const assignment = folds(usable.length, FOLDS);
  const outcomes: (CaseOutcome | null)[] = runs.map(() => null);
  const lists: Ranked[][] = runs.map(() => []);
  const fits: FoldFit[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = usable.filter((_, j) => assignment[j] !== f).map((x) => x.r.choice!);
    const w = fitConditionalLogit(train, names.length);
    fits.push({ fold: f + 1, cases: usable.length - train.length, weights: Object.fromEntries(names.map((n, i) => [n, w[i]!])) });
    usable.forEach((x, j) => {
      if (assignment[j] !== f) return;
      const keys = x.r.c.bodies ?? [];
      const scored = x.r.choice!.rows.map((row, k) => ({ key: x.r.choice!.keys[k]!, score: Math.round(row.reduce((s, v, i) => s + v * w[i]!, 0) * 1e6) / 1e6 }));
      const missing = keys.filter((k) => !scored.some((s) => s.key === k)).map((key) => ({ key, score: -1e9 }));
      lists[x.i] = [...scored, ...missing].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
      // Scores are log-odds, possibly negative: shift so every ranked body counts as suggested.
      const min = Math.min(...lists[x.i]!.map((s) => s.score).filter((s) => s > -1e9));
      lists[x.i] = lists[x.i]!.map((s) => ({ key: s.key, score: s.score > -1e9 ? s.score - min + 1 : 0 }));
      outcomes[x.i] = outcomeOf(lists[x.i]!, new Set(x.r.c.providerKeys));
    });
  }
  // The same spread as the shipped matcher's, on the out-of-fold scores (log-odds shifted positive).
  const board = usable.map((x): BoardNeed => {
    const top = Math.max(1, ...lists[x.i]!.map((s) => s.score));
    return { needKey: null, candidates: lists[x.i]!.filter((s) => s.score > 0).map((s) => ({ key: s.key, gained: s.score, cost: 0, total: top, product: 1 })) };
  });
  const spread = spreadPrices(board);
  usable.forEach((x, j) => {
    lists[x.i] = board[j]!.candidates
      .map((c) => ({ key: c.key, score: pricedScore(c, spread.get(c.key)?.price ?? 0) }))
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    outcomes[x.i] = outcomeOf(lists[x.i]!, new Set(x.r.c.providerKeys));
  });
  const all = fitConditionalLogit(usable.map((x) => x.r.choice!), names.length);
  return { folds: fits, full: Object.fromEntries(names.map((n, i) => [n, all[i]!])), outcomes, lists };
}
