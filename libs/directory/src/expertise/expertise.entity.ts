import { Column, Entity } from 'typeorm';
import { SourcedRecord } from '../provenance.columns';

/** What a municipality can offer on one topic: level 1–5 with the evidence behind it. */
@Entity('expertise')
export class ExpertiseEntity extends SourcedRecord {
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ name: 'topic_key', type: 'varchar', length: 100 })
  topicKey: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}
