import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { ProfileQueryService } from '../facts/profile-query.service';
import { sizeArg } from '../matching.errors';
import { rankByScore } from '../scoring/combine';
import { scoreMentor, type MentorFacts } from '../scoring/mentor-score';
import { firstSteps, type EventFacts } from '../scoring/pathway';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, type Suggestion } from '../suggestion';

/** mentorSuggestions: experienced municipalities nearby for a newcomer, each with a staged pathway. */
@Injectable()
export class MentorSuggestionService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
    private readonly profiles: ProfileQueryService,
  ) {}

  async mentorSuggestions(ctx: RequestContext, municipalityKey: string, first?: number | null): Promise<Suggestion[]> {
    const size = sizeArg('first', first, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
    const me = await this.facts.municipalityByKey(ctx, municipalityKey);
    const [tax, dismissed, [mine]] = await Promise.all([
      this.facts.taxonomy(ctx),
      this.facts.dismissedBy(ctx, ctx.actor?.id ?? null, 'MENTOR', me.id),
      this.profiles.profiles(ctx, [me.id]),
    ]);
    const ids = await this.profiles.mentorCandidateIds(ctx, me, dismissed, Math.max(40, size * 3));
    const [candidates, studies, latest, needsAbroad] = await Promise.all([
      this.profiles.profiles(ctx, ids),
      this.facts.caseStudies(ctx, ids),
      this.latestEvent(ctx),
      this.profiles.openNeedsOnTopics(ctx, mine!.expertise.map((e) => e.topicKey), me.country, 20),
    ]);
    const scored = candidates.flatMap((p) => {
      const mentor: MentorFacts = { ...p, caseStudies: studies.get(p.municipality.id) ?? [] };
      const card = scoreMentor(tax, mine!, mentor);
      return card && card.score > 0 ? [{ key: p.municipality.key, score: card.score, mentor, card }] : [];
    });
    return rankByScore(scored)
      .slice(0, size)
      .map((s) => ({
        municipality: s.mentor.municipality as Suggestion['municipality'],
        ...s.card,
        pathway: firstSteps(tax, mine!, s.mentor, latest, needsAbroad),
      }));
  }

  private async latestEvent(ctx: RequestContext): Promise<EventFacts | null> {
    const [row] = (await this.db.manager(ctx).query(`SELECT key, title, date::text AS date FROM event ORDER BY date DESC NULLS LAST, key LIMIT 1`)) as EventFacts[];
    return row ?? null;
  }
}
