import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CooperationScheme, MemberRole, PartnershipStatus } from '../directory.enums';
import { SourcedRecord } from '../provenance.columns';

@Entity('partnership')
export class PartnershipEntity extends SourcedRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'enum', enum: CooperationScheme, enumName: 'cooperation_scheme', nullable: true })
  scheme: CooperationScheme | null;

  @Column({ type: 'enum', enum: PartnershipStatus, enumName: 'partnership_status', default: PartnershipStatus.PROPOSED })
  status: PartnershipStatus;

  @Column({ name: 'start_year', type: 'smallint', nullable: true })
  startYear: number | null;

  @Column({ name: 'end_year', type: 'smallint', nullable: true })
  endYear: number | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** YYYY-MM-DD a person last confirmed the record (any change, or a confirm mutation): its freshness (ADR 8). */
  @Column({ name: 'last_confirmed_on', type: 'date', default: () => 'CURRENT_DATE' })
  lastConfirmedOn: string;
}

@Entity('partnership_topic')
export class PartnershipTopicEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @PrimaryColumn({ name: 'topic_key', type: 'varchar', length: 100 })
  topicKey: string;

  @Column({ type: 'smallint' })
  position: number;
}

@Entity('partnership_member')
export class PartnershipMemberEntity {
  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role' })
  role: MemberRole;

  @Column({ type: 'smallint' })
  position: number;
}

/** A measured result: indicator (e.g. NRW_PERCENT) before and after, with a note. */
@Entity('partnership_outcome')
export class PartnershipOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  indicator: string;

  @Column({ type: 'double precision', nullable: true })
  before: number | null;

  @Column({ type: 'double precision', nullable: true })
  after: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
