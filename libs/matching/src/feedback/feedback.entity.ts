import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

const values = <T extends string>(...v: T[]): { readonly [K in T]: K } => Object.freeze(Object.fromEntries(v.map((x) => [x, x]))) as { readonly [K in T]: K };

/** Which suggestion list a dismissal or introduction came from. */
export const MatchList = values('PARTNER', 'PEER', 'MENTOR');
export type MatchList = keyof typeof MatchList;

export const DismissReason = values('NOT_RELEVANT', 'WRONG_TOPIC', 'ALREADY_IN_CONTACT', 'NO_CAPACITY', 'OTHER');
export type DismissReason = keyof typeof DismissReason;

export const IntroductionStatus = values('REQUESTED', 'ACCEPTED', 'DECLINED');
export type IntroductionStatus = keyof typeof IntroductionStatus;

export const DeclineReason = values('NO_CAPACITY', 'NOT_OUR_EXPERTISE', 'TIMING', 'ALREADY_ENGAGED', 'OTHER');
export type DeclineReason = keyof typeof DeclineReason;

/** One actor hid one candidate from one list (a need's partners, or a municipality's peers or mentors). */
@Entity('match_dismissal')
export class DismissalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 100 })
  actorId: string;

  @Column({ type: 'enum', enum: MatchList, enumName: 'match_list' })
  list: MatchList;

  @Column({ name: 'need_id', type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @Column({ type: 'enum', enum: DismissReason, enumName: 'dismiss_reason' })
  reason: DismissReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Made by the need's (or subject's) own municipality or a coordinator: it moves the ranking for others too. */
  @Column({ name: 'counts_for_others', type: 'boolean', default: false })
  countsForOthers: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A request that two municipalities be introduced; the candidate's side accepts or declines. */
@Entity('introduction')
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: MatchList, enumName: 'match_list' })
  list: MatchList;

  @Column({ name: 'need_id', type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @Column({ type: 'enum', enum: IntroductionStatus, enumName: 'introduction_status', default: IntroductionStatus.REQUESTED })
  status: IntroductionStatus;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 100 })
  requestedBy: string;

  @Column({ name: 'responded_by', type: 'varchar', length: 100, nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'decline_reason', type: 'enum', enum: DeclineReason, enumName: 'decline_reason', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ name: 'response_note', type: 'text', nullable: true })
  responseNote: string | null;

  /** The PROPOSED partnership an acceptance created. */
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ name: 'version', type: 'integer' })
  version: number;
}

export const MATCHING_ENTITIES = [DismissalEntity, IntroductionEntity];
