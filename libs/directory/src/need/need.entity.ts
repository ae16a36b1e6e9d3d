import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CooperationScheme, NeedPriority, NeedStatus } from '../directory.enums';
import { SourcedRecord } from '../provenance.columns';

@Entity('need')
export class NeedEntity extends SourcedRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: NeedPriority, enumName: 'need_priority', nullable: true })
  priority: NeedPriority | null;

  @Column({ type: 'enum', enum: NeedStatus, enumName: 'need_status', default: NeedStatus.OPEN })
  status: NeedStatus;

  @Column({ type: 'enum', enum: CooperationScheme, enumName: 'cooperation_scheme', array: true })
  schemes: CooperationScheme[];

  /** ISO date (YYYY-MM-DD) after which the need is no longer current. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  /** YYYY-MM-DD a person last confirmed the record (any change, or a confirm mutation): its freshness (ADR 8). */
  @Column({ name: 'last_confirmed_on', type: 'date', default: () => 'CURRENT_DATE' })
  lastConfirmedOn: string;
}

@Entity('need_topic')
export class NeedTopicEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'topic_key', type: 'varchar', length: 100 })
  topicKey: string;

  @Column({ type: 'smallint' })
  position: number;
}
