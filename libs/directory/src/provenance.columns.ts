import { Column } from 'typeorm';
import { BaseRecord } from '@kakehashi/database';
import { Provenance } from './directory.enums';

/** A record whose content is either a documented fact (with its source) or illustrative. */
export abstract class SourcedRecord extends BaseRecord {
  @Column({ type: 'enum', enum: Provenance, enumName: 'provenance', nullable: true })
  provenance: Provenance | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
