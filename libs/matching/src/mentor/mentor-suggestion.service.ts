import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { MunicipalityEntity } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { FactsQueryService } from '../facts/facts-query.service';
import { ProfileQueryService } from '../facts/profile-query.service';
import { sizeArg } from '../matching.errors';
import { rankByScore } from '../scoring/combine';
import { mentorEligibility, scoreMentor, type MentorEligibility, type MentorFacts } from '../scoring/mentor-score';
import { firstSteps, type EventFacts } from '../scoring/pathway';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, type Suggestion } from '../suggestion';

/** A newcomer's mentors, or why there are none; the agencies that facilitate. */
export interface Mentoring extends MentorEligibility {
  mentors: Suggestion[];
  facilitators: MunicipalityEntity[];
}

/** mentorSuggestions: experienced municipalities nearby for a newcomer, each with a staged pathway. */
@Injectable()
export class MentorSuggestionService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly facts: FactsQueryService,
    private readonly profiles: ProfileQueryService,
  ) {}

  /** The mentors of a newcomer, best first; an empty list for anyone mentoring is not for (see `mentoring` for why). */
  async mentorSuggestions(ctx: RequestContext, municipalityKey: string, first?: number | null): Promise<Suggestion[]> {
    return (await this.mentoring(ctx, municipalityKey, first)).mentors;
  }

  /**
   * Who mentoring is for and, for a newcomer, its mentors with their pathways; for anyone else the
   * reason there are none. The nearest agencies are named as facilitators, never as mentors.
   */
  async mentoring(ctx: RequestContext, municipalityKey: string, first?: number | null): Promise<Mentoring> {
    const size = sizeArg('first', first, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS);
    const me = await this.facts.municipalityByKey(ctx, municipalityKey);
    const [tax, dismissed, [mine]] = await Promise.all([
      this.facts.taxonomy(ctx),
      this.facts.dismissedBy(ctx, ctx.actor?.id ?? null, 'MENTOR', me.id),
      this.profiles.profiles(ctx, [me.id]),
    ]);
    const eligibility = mentorEligibility(mine!);
    const facilitators = me.country === 'JP' ? await this.facilitators(ctx, me) : [];
    if (!eligibility.eligible) return { ...eligibility, mentors: [], facilitators };
    const ids = await this.profiles.mentorCandidateIds(ctx, me, dismissed, Math.max(40, size * 3));
    const [candidates, studies, next, needsAbroad] = await Promise.all([
      this.profiles.profiles(ctx, ids),
      this.facts.caseStudies(ctx, ids),
      this.nextEvent(ctx),
      this.profiles.openNeedsOnTopics(ctx, mine!.expertise.map((e) => e.topicKey), me.country, 20),
    ]);
    const scored = candidates.flatMap((p) => {
      const mentor: MentorFacts = { ...p, caseStudies: studies.get(p.municipality.id) ?? [] };
      const card = scoreMentor(tax, mine!, mentor);
      return card && card.score > 0 ? [{ key: p.municipality.key, score: card.score, mentor, card }] : [];
    });
    const mentors = rankByScore(scored)
      .slice(0, size)
      .map((s) => ({
        municipality: s.mentor.municipality as Suggestion['municipality'],
        ...s.card,
        pathway: firstSteps(tax, mine!, s.mentor, next, needsAbroad),
      }));
    return { ...eligibility, mentors, facilitators };
  }

  /** The next study session: the earliest event after today (in the configured time zone), or none. */
  private async nextEvent(ctx: RequestContext): Promise<EventFacts | null> {
    const [row] = (await this.db
      .manager(ctx)
      .query(`SELECT key, title, date::text AS date FROM event WHERE date > $1::date ORDER BY date, key LIMIT 1`, [this.facts.today()])) as EventFacts[];
    return row ?? null;
  }

  /** The two nearest agencies of the newcomer's country (JICA's domestic offices): they facilitate. */
  private async facilitators(ctx: RequestContext, me: MunicipalityEntity): Promise<MunicipalityEntity[]> {
    const located = me.latitude !== null && me.longitude !== null;
    const rows = (await this.db.manager(ctx).query(
      `SELECT id FROM municipality WHERE kind = 'NATIONAL_AGENCY' AND country = $1
        ORDER BY ${located ? 'point(longitude, latitude) <-> point($2::float8, $3::float8) NULLS LAST' : 'CASE WHEN region IS NOT DISTINCT FROM $2::varchar THEN 0 ELSE 1 END'}, key LIMIT 2`,
      located ? [me.country, me.longitude, me.latitude] : [me.country, me.region],
    )) as { id: string }[];
    const byId = await this.facts.municipalities(ctx, rows.map((r) => r.id));
    return rows.map((r) => byId.get(r.id)!).filter(Boolean);
  }
}
