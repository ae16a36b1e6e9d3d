import { afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { AccessService } from '@kakehashi/auth';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, KnowledgeCommandService, MunicipalityQueryService, PartnershipCommandService, RecordAccess, TaxonomyService } from '@kakehashi/directory';
import { InterchangeImportService, sampleDirectoryPath } from '@kakehashi/interchange';
import { systemContext, type RequestContext } from '@kakehashi/kernel';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { ConsortiumService } from '../src/consortium/consortium.service';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { FactsQueryService } from '../src/facts/facts-query.service';
import { ProfileQueryService } from '../src/facts/profile-query.service';
import { MATCHING_ENTITIES } from '../src/feedback/feedback.entity';
import { FeedbackService } from '../src/feedback/feedback.service';
import { MentorSuggestionService } from '../src/mentor/mentor-suggestion.service';
import { PairingPlanService } from '../src/pairing/pairing-plan.service';
import { PartnerSuggestionService } from '../src/partner/partner-suggestion.service';
import { PeerSuggestionService } from '../src/peer/peer-suggestion.service';
import { StudySessionService } from '../src/study-session/study-session.service';

/** Every matching service wired by hand on a fresh test database (real migrations, no mocks). */
export interface MatchingHarness {
  db: TestDatabase;
  ctx: RequestContext;
  facts: FactsQueryService;
  partners: PartnerSuggestionService;
  peers: PeerSuggestionService;
  mentors: MentorSuggestionService;
  consortia: ConsortiumService;
  pairing: PairingPlanService;
  feedback: FeedbackService;
  evaluation: EvaluationService;
  studySessions: StudySessionService;
  /** Imports data/sample/directory.json through the real importer. */
  importSample(): Promise<void>;
}

export async function createMatchingHarness(): Promise<MatchingHarness> {
  const db = await createTestDatabase(MATCHING_ENTITIES);
  const conn = new TransactionalConnection(db.dataSource);
  const taxonomy = new TaxonomyService(conn);
  const audit = new AuditService(conn);
  const access = new RecordAccess(new AccessService(conn));
  const facts = new FactsQueryService(conn, taxonomy, new CalendarService());
  const profiles = new ProfileQueryService(conn, facts);
  const partners = new PartnerSuggestionService(facts);
  const ctx = systemContext('matching-spec');
  return {
    db,
    ctx,
    facts,
    partners,
    peers: new PeerSuggestionService(facts, profiles),
    mentors: new MentorSuggestionService(conn, facts, profiles),
    consortia: new ConsortiumService(facts, partners),
    pairing: new PairingPlanService(facts, partners),
    feedback: new FeedbackService(conn, new PartnershipCommandService(conn, taxonomy, new MunicipalityQueryService(conn, taxonomy), audit, access), access, audit),
    evaluation: new EvaluationService(conn, facts, partners),
    studySessions: new StudySessionService(conn, facts, profiles, new KnowledgeCommandService(conn, taxonomy, new MunicipalityQueryService(conn, taxonomy), audit, access)),
    importSample: async () => {
      await new InterchangeImportService(conn, taxonomy, audit).importText(ctx, readFileSync(sampleDirectoryPath(), 'utf8'));
    },
  };
}

/** Gives the suite its own harness: created before its tests (passed to `ready`), dropped after them. */
export function withMatchingHarness(ready: (h: MatchingHarness) => void): void {
  let h: MatchingHarness | undefined;
  beforeAll(async () => {
    h = await createMatchingHarness();
    ready(h);
  });
  afterAll(() => h?.db.drop());
}
