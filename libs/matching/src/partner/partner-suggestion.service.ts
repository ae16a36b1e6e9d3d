import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@kakehashi/kernel';
import { assembleFacts, FactsQueryService, type NeedRow } from '../facts/facts-query.service';
import { sizeArg } from '../matching.errors';
import { rankByScore, type ScoringProfile } from '../scoring/combine';
import type { CandidateFacts, NeedFacts } from '../scoring/facts';
import { boardNeed, PARTNER_PROFILE, prepareNeed, scorePartner, type PreparedNeed } from '../scoring/partner-score';
import { spreadPrices, SPREAD_MIN_NEEDS, type SpreadPrice } from '../scoring/spread';
import { reasonLabels, type MatchReason, type ScoreCard } from '../scoring/reason';
import type { Taxonomy } from '../scoring/taxonomy';
import { countriesOf, worldRegion } from '../scoring/world-region';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, type Suggestion } from '../suggestion';

/** The current year in Japan (where the directory's partnerships are counted). */
export const currentYear = (): number => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(new Date()));

/** Expertise rows read per related topic during candidate generation (best levels first). */
export const PER_TOPIC = 300;

/** How old the stored spread of the board of open needs may be before it is recomputed (in the background). */
export const SPREAD_TTL_MS = 10 * 60_000;
/**
 * A process reads the stored row again only once its copy is SPREAD_TTL_MS old (so a fresh copy
 * costs no statement for 10 minutes), and then at most once per SPREAD_RECHECK_MS until another
 * process — or this one, in the background — has stored a fresh one.
 */
export const SPREAD_RECHECK_MS = 60_000;
/** A recomputation claimed longer ago than this is presumed lost (its process died): another may claim it. */
export const SPREAD_CLAIM_MS = 10 * 60_000;
/** Open needs on the spread's board (most urgent first). */
export const SPREAD_BOARD_NEEDS = 60;

export interface PartnerOptions {
  first: number;
  profile?: ScoringProfile;
  /** Candidates scored in full (after the SQL pre-score): at least 60, or 4× what is asked. */
  pool?: number;
  /** The need record's id, when it exists (feedback on it); null for an evaluation's posted need. */
  needId: string | null;
  /** The year "now" means (recent work, load): today unless an evaluation looks back. */
  year?: number;
}

export interface ScoredCandidate {
  facts: CandidateFacts;
  card: ScoreCard;
}

/** partnerSuggestions: who could help with a need. */
@Injectable()
export class PartnerSuggestionService {
  private readonly log = new Logger(PartnerSuggestionService.name);
  /** The stored spread as this process last read it. */
  private board: { readAt: number; ageMs: number; value: ReadonlyMap<string, SpreadPrice> } | null = null;
  /** The recomputation under way in this process, if any (one at a time). */
  private computing: Promise<ReadonlyMap<string, SpreadPrice>> | null = null;
  /** When this process last tried to claim a stale spread (at most once per SPREAD_RECHECK_MS). */
  private claimTriedAt = 0;

  constructor(private readonly facts: FactsQueryService) {}

  /**
   * "How often a body is already suggested": each body's price for holding more than a third of
   * the top-3 places of the board of open needs (scoring/spread.ts; ranked by `boardSpread`).
   * Outside a transaction it is read from board_spread (ADR 27), and a process keeps its copy until
   * that is SPREAD_TTL_MS old: a request never ranks the board itself, except the very first one
   * on a database that never had it computed. A stored spread older than SPREAD_TTL_MS is
   * recomputed in the background by one process (the others keep reading the old one meanwhile).
   * Inside a transaction the board is ranked as it stands there.
   */
  async spread(ctx: RequestContext, tax: Taxonomy): Promise<ReadonlyMap<string, SpreadPrice>> {
    if (ctx.transaction) return this.boardSpread(ctx, tax);
    const now = Date.now();
    const stale = (b: NonNullable<typeof this.board>) => b.ageMs + (now - b.readAt) >= SPREAD_TTL_MS;
    if (!this.board || (stale(this.board) && now - this.board.readAt >= SPREAD_RECHECK_MS)) {
      const stored = await this.facts.storedSpread(ctx);
      if (!stored) return this.refreshSpread(ctx, true);
      this.board = { readAt: now, ageMs: stored.ageMs, value: stored.prices };
    }
    if (stale(this.board) && !this.computing && now - this.claimTriedAt >= SPREAD_RECHECK_MS) {
      this.claimTriedAt = now;
      void this.refreshSpread(ctx, false).catch(() => undefined);
    }
    return this.board.value;
  }

  /**
   * Ranks the board and stores its spread; one computation per process at a time (callers share
   * it). Unless `force`, only when this process wins the claim on a stale row (another process may
   * be at it already). Errors are logged; a forced one is also thrown to its caller.
   */
  refreshSpread(ctx: RequestContext, force: boolean): Promise<ReadonlyMap<string, SpreadPrice>> {
    if (this.computing) return this.computing;
    const boardCtx: RequestContext = { ...ctx, actor: null, transaction: undefined };
    const run = (async () => {
      try {
        if (!force && !(await this.facts.claimSpreadRefresh(boardCtx, SPREAD_TTL_MS, SPREAD_CLAIM_MS))) return this.board?.value ?? new Map<string, SpreadPrice>();
        try {
          const value = await this.boardSpread(boardCtx, await this.facts.taxonomy(boardCtx));
          await this.facts.storeSpread(boardCtx, value);
          this.board = { readAt: Date.now(), ageMs: 0, value };
          return value;
        } catch (e) {
          if (!force) await this.facts.releaseSpreadClaim(boardCtx).catch(() => undefined);
          throw e;
        }
      } catch (e) {
        this.log.warn(`the spread of the board of open needs was not recomputed: ${String(e)}`);
        throw e;
      } finally {
        this.computing = null;
      }
    })();
    this.computing = run;
    return run;
  }

  /**
   * The board's spread computed now: the open needs (up to SPREAD_BOARD_NEEDS, most urgent first)
   * ranked without the spread, their candidates read together (prepareMany), nobody's dismissals
   * counted; a board of fewer than SPREAD_MIN_NEEDS open needs spreads nothing (one statement).
   */
  async boardSpread(ctx: RequestContext, tax: Taxonomy): Promise<ReadonlyMap<string, SpreadPrice>> {
    const keys = await this.facts.recordedOpenNeedKeys(ctx, SPREAD_BOARD_NEEDS);
    const needs = keys.length < SPREAD_MIN_NEEDS ? [] : (await this.facts.needsByKey(ctx, keys)).filter((n) => !n.expired && n.status === 'OPEN');
    if (needs.length < SPREAD_MIN_NEEDS) return spreadPrices([]);
    const boardCtx: RequestContext = { ...ctx, actor: null }; // one person's dismissals do not move the board
    const prepared = await this.prepareMany(boardCtx, tax, needs.map((n) => ({ need: n, needId: n.id })), 60, currentYear(), false);
    return spreadPrices(prepared.map(({ prepared: p, candidates }, i) => boardNeed(tax, p, candidates, needs[i]!.key)));
  }

  async partnerSuggestions(ctx: RequestContext, needKey: string, first?: number | null): Promise<Suggestion[]> {
    const size = sizeArg('first', first, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
    const [need] = await this.facts.needsByKey(ctx, [needKey]);
    const tax = await this.facts.taxonomy(ctx);
    const scored = await this.score(ctx, tax, need!, { first: size, needId: need!.id });
    const expired = need!.expired ? expiredMismatch(need!) : null;
    return scored.map(({ facts, card }) => ({ municipality: facts.municipality as Suggestion['municipality'], ...card, mismatches: expired ? [expired, ...card.mismatches] : card.mismatches }));
  }

  /**
   * Candidates generated in SQL, scored in full, best first (ties by key), at most `first`. The
   * need's own municipality and candidates the actor dismissed for this need are never returned.
   */
  async score(ctx: RequestContext, tax: Taxonomy, need: NeedFacts, opts: PartnerOptions): Promise<ScoredCandidate[]> {
    const { prepared, candidates } = await this.prepare(ctx, tax, need, opts.needId, opts.pool ?? Math.max(60, opts.first * 4), opts.year);
    return rankPartners(tax, prepared, candidates, opts.profile ?? PARTNER_PROFILE, opts.first);
  }

  /**
   * The need prepared for ranking (with its peers' load and, unless `withSpread` is false, the
   * spread of the board of open needs) and its candidates' facts.
   */
  async prepare(
    ctx: RequestContext,
    tax: Taxonomy,
    need: NeedFacts,
    needId: string | null,
    pool: number,
    year = currentYear(),
    judgeFreshness = true,
    withSpread = true,
  ): Promise<{ prepared: PreparedNeed; candidates: CandidateFacts[] }> {
    const bare = prepareNeed(tax, need, { year, freshness: judgeFreshness ? this.facts.freshness() : undefined });
    const candidates = await this.candidates(ctx, tax, bare, needId, pool);
    const peerLoad = await this.facts.peerLoad(ctx, [...new Set(candidates.map((c) => c.municipality.country))], year);
    const spread = withSpread ? await this.spread(ctx, tax) : undefined;
    return { prepared: { ...bare, peerLoad, spread }, candidates };
  }

  /**
   * `prepare` for many needs at once (a pairing plan): candidate generation per need (a few at a
   * time), then the facts that do not depend on the need read once for every candidate of every
   * need, the need's own (text matches, feedback) per need, and the peers' load once for all their
   * countries, and the board's spread as `prepare` has it — about 3 statements per need instead of
   * 8, and the same answer as `prepare` per need.
   */
  async prepareMany(
    ctx: RequestContext,
    tax: Taxonomy,
    needs: readonly { need: NeedFacts; needId: string | null }[],
    pool: number,
    year = currentYear(),
    withSpread = true,
  ): Promise<{ prepared: PreparedNeed; candidates: CandidateFacts[] }[]> {
    const freshness = this.facts.freshness();
    const bare = needs.map(({ need }) => prepareNeed(tax, need, { year, freshness }));
    const actorId = ctx.actor?.id ?? null;
    const ids = await inBatches(bare, PREPARE_CONCURRENCY, (b, i) => this.candidateIds(ctx, tax, b, needs[i]!.needId, pool));
    const all = [...new Set(ids.flat())];
    const shared = await this.facts.sharedFacts(ctx, all);
    const forNeed = await inBatches(bare, PREPARE_CONCURRENCY, (b, i) => this.facts.needFacts(ctx, ids[i]!, { text: b.text, needId: needs[i]!.needId, actorId }));
    const candidates = ids.map((list, i) => assembleFacts(list, shared, forNeed[i]!));
    const peerLoad = await this.facts.peerLoad(ctx, [...new Set(candidates.flat().map((c) => c.municipality.country))], year);
    const spread = withSpread ? await this.spread(ctx, tax) : undefined;
    return bare.map((b, i) => ({ prepared: { ...b, peerLoad, spread }, candidates: candidates[i]! }));
  }

  /** The SQL half: candidate generation on indexes, then their facts (a fixed number of statements). */
  async candidates(ctx: RequestContext, tax: Taxonomy, need: PreparedNeed, needId: string | null, pool: number): Promise<CandidateFacts[]> {
    const ids = await this.candidateIds(ctx, tax, need, needId, pool);
    return this.facts.candidateFacts(ctx, ids, { text: need.text, needId, actorId: ctx.actor?.id ?? null });
  }

  /** Candidate generation in SQL, on indexes: ids, best pre-score first. */
  async candidateIds(ctx: RequestContext, tax: Taxonomy, need: PreparedNeed, needId: string | null, pool: number): Promise<string[]> {
    const related = tax.related([...need.topicKeys, ...need.mentioned.map((m) => m.key)]);
    const actorId = ctx.actor?.id ?? null;
    const dismissed = needId ? await this.facts.dismissedBy(ctx, actorId, 'PARTNER', needId) : [];
    const evidenceTopics = tax.topics.filter((t) => need.topicKeys.some((w) => t.key === w || tax.domainOf(t.key) === w)).map((t) => t.key);
    const region = worldRegion(need.municipality.country);
    const regionCountries = [need.municipality.country, ...(region ? countriesOf(region.code).filter((c) => c !== need.municipality.country) : [])];
    return this.facts.partnerCandidateIds(ctx, {
      related,
      evidenceTopics,
      excludeIds: [need.municipality.id, ...dismissed],
      perTopic: PER_TOPIC,
      limit: pool,
      partnerId: need.municipality.id,
      partnerCountry: need.municipality.country,
      regionCountries,
    });
  }
}

/** Needs whose candidates a pairing plan reads at the same time (each holds one pooled connection). */
const PREPARE_CONCURRENCY = 4;

/** `fn` over `items`, at most `size` at a time, results in order. */
async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  return out;
}

/**
 * Said on every suggestion for a need past its last day: the list still answers (a coordinator may
 * want it), but the need itself may no longer be wanted. It costs nothing: the ranking is unchanged.
 */
export function expiredMismatch(need: Pick<NeedRow, 'key' | 'title' | 'expiresOn'>): MatchReason {
  return {
    kind: 'EXPIRED',
    weight: 0,
    detail: `The need expired: its last day was ${need.expiresOn}. Confirm it is still wanted (or extend it) before asking for an introduction`,
    detailJa: `この依頼は期限切れ（最終日${need.expiresOn}）。紹介を依頼する前に、依頼が現在も有効か確認するか期限を延長すること`,
    ...reasonLabels('EXPIRED'),
    records: [{ type: 'NEED', key: need.key, label: need.title }],
  };
}

/** The pure half: scores every candidate under `profile`, drops the excluded, best first, ties by key. */
export function rankPartners(tax: Taxonomy, need: PreparedNeed, candidates: readonly CandidateFacts[], profile: ScoringProfile, first: number): ScoredCandidate[] {
  const scored: (ScoredCandidate & { key: string; score: number })[] = [];
  for (const c of candidates) {
    const card = scorePartner(tax, need, c, candidates, profile);
    if (card && card.score > 0) scored.push({ facts: c, card, key: c.municipality.key, score: card.score });
  }
  return rankByScore(scored).slice(0, first);
}
