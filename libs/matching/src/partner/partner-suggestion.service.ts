import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@kakehashi/kernel';
import { assembleFacts, FactsQueryService, type NeedRow } from '../facts/facts-query.service';
import { sizeArg } from '../matching.errors';
import { rankByScore, type ScoringProfile } from '../scoring/combine';
import type { CandidateFacts, NeedFacts } from '../scoring/facts';
import { boardNeed, PARTNER_PROFILE, prepareNeed, scorePartner, type PreparedNeed } from '../scoring/partner-score';
import { spreadPrices, SPREAD_MIN_NEEDS, type BoardNeed, type SpreadPrice } from '../scoring/spread';
import { reasonLabels, type MatchReason, type ScoreCard } from '../scoring/reason';
import type { Taxonomy } from '../scoring/taxonomy';
import { countriesOf, worldRegion } from '../scoring/world-region';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, type Suggestion } from '../suggestion';

/** The current year in Japan (where the directory's partnerships are counted). */
export const currentYear = (): number => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(new Date()));

/** Expertise rows read per related topic during candidate generation (best levels first). */
export const PER_TOPIC = 300;

/** How long the spread of the board of open needs is reused outside a transaction. */
export const SPREAD_TTL_MS = 10 * 60_000;
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
  private cachedSpread: { at: number; value: ReadonlyMap<string, SpreadPrice> } | null = null;

  constructor(private readonly facts: FactsQueryService) {}

  /**
   * "How often a body is already suggested": the open needs (up to SPREAD_BOARD_NEEDS, most urgent
   * first) ranked without the spread, and each body's price for holding more than a third of their
   * top-3 places (scoring/spread.ts). Reused for SPREAD_TTL_MS outside a transaction; a board of
   * fewer than SPREAD_MIN_NEEDS open needs spreads nothing (one statement).
   */
  async spread(ctx: RequestContext, tax: Taxonomy): Promise<ReadonlyMap<string, SpreadPrice>> {
    const now = Date.now();
    if (!ctx.transaction && this.cachedSpread && now - this.cachedSpread.at < SPREAD_TTL_MS) return this.cachedSpread.value;
    const keys = await this.facts.recordedOpenNeedKeys(ctx, SPREAD_BOARD_NEEDS);
    const needs = keys.length < SPREAD_MIN_NEEDS ? [] : (await this.facts.needsByKey(ctx, keys)).filter((n) => !n.expired && n.status === 'OPEN');
    const board: BoardNeed[] = [];
    const boardCtx: RequestContext = { ...ctx, actor: null }; // one person's dismissals do not move the board
    if (needs.length >= SPREAD_MIN_NEEDS)
      for (const n of needs) {
        const { prepared, candidates } = await this.prepare(boardCtx, tax, n, n.id, 60, currentYear(), true, false);
        board.push(boardNeed(tax, prepared, candidates, n.key));
      }
    const value = spreadPrices(board);
    if (!ctx.transaction) this.cachedSpread = { at: now, value };
    return value;
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
  async prepareMany(ctx: RequestContext, tax: Taxonomy, needs: readonly { need: NeedFacts; needId: string | null }[], pool: number, year = currentYear()): Promise<{ prepared: PreparedNeed; candidates: CandidateFacts[] }[]> {
    const freshness = this.facts.freshness();
    const bare = needs.map(({ need }) => prepareNeed(tax, need, { year, freshness }));
    const actorId = ctx.actor?.id ?? null;
    const ids = await inBatches(bare, PREPARE_CONCURRENCY, (b, i) => this.candidateIds(ctx, tax, b, needs[i]!.needId, pool));
    const all = [...new Set(ids.flat())];
    const shared = await this.facts.sharedFacts(ctx, all);
    const forNeed = await inBatches(bare, PREPARE_CONCURRENCY, (b, i) => this.facts.needFacts(ctx, ids[i]!, { text: b.text, needId: needs[i]!.needId, actorId }));
    const candidates = ids.map((list, i) => assembleFacts(list, shared, forNeed[i]!));
    const peerLoad = await this.facts.peerLoad(ctx, [...new Set(candidates.flat().map((c) => c.municipality.country))], year);
    const spread = await this.spread(ctx, tax);
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
