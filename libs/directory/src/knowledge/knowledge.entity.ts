import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourcedRecord } from '../provenance.columns';
import type { AgendaItem } from './knowledge.types';

/** A study session or other gathering where lessons were shared. */
@Entity('event')
export class EventEntity extends SourcedRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'integer', nullable: true })
  participants: number | null;

  /** What happens there, in order (ADR 21); null when nobody wrote it down. */
  @Column({ type: 'jsonb', nullable: true })
  agenda: AgendaItem[] | null;
}

/** Lessons learned, usually presented at an event by a municipality. */
@Entity('case_study')
export class CaseStudyEntity extends SourcedRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', array: true })
  lessons: string[];

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;
}

@Entity('case_study_topic')
export class CaseStudyTopicEntity {
  @PrimaryColumn({ name: 'case_study_id', type: 'uuid' })
  caseStudyId: string;

  @PrimaryColumn({ name: 'topic_key', type: 'varchar', length: 100 })
  topicKey: string;

  @Column({ type: 'smallint' })
  position: number;
}
