import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { ProfileQueryService } from '../facts/profile-query.service';
import { sizeArg } from '../matching.errors';
import { rankByScore } from '../scoring/combine';
import { countryRarity, scorePeer } from '../scoring/peer-score';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, type Suggestion } from '../suggestion';

/** peerSuggestions: horizontal connections among municipalities. */
@Injectable()
export class PeerSuggestionService {
  constructor(
    private readonly facts: FactsQueryService,
    private readonly profiles: ProfileQueryService,
  ) {}

  /** Peers of a municipality, best first (ties by key); never itself, never those the actor dismissed. */
  async peerSuggestions(ctx: RequestContext, municipalityKey: string, first?: number | null): Promise<Suggestion[]> {
    const size = sizeArg('first', first, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
    const me = await this.facts.municipalityByKey(ctx, municipalityKey);
    const [tax, dismissed] = await Promise.all([this.facts.taxonomy(ctx), this.facts.dismissedBy(ctx, ctx.actor?.id ?? null, 'PEER', me.id)]);
    const ids = await this.profiles.peerCandidateIds(ctx, me, dismissed);
    const [profiles, mine] = await Promise.all([this.profiles.profiles(ctx, ids), this.profiles.profiles(ctx, [me.id])]);
    const intermediaries = new Set([...mine, ...profiles].flatMap((p) => p.partnerships.flatMap((x) => x.partners.map((y) => y.id))));
    const degree = await this.profiles.degrees(ctx, [...intermediaries]);
    const rarity = countryRarity([...mine, ...profiles]);
    const scored = profiles.flatMap((p) => {
      const card = scorePeer(tax, mine[0]!, p, degree, rarity);
      return card && card.score > 0 ? [{ key: p.municipality.key, score: card.score, municipality: p.municipality as Suggestion['municipality'], card }] : [];
    });
    return rankByScore(scored)
      .slice(0, size)
      .map((s) => ({ municipality: s.municipality, ...s.card }));
  }
}
