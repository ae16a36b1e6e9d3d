import { Column, Entity } from 'typeorm';
import { MunicipalityKind, OverseasExperience } from '../directory.enums';
import { SourcedRecord } from '../provenance.columns';

@Entity('municipality')
export class MunicipalityEntity extends SourcedRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_ja', type: 'varchar', length: 200, nullable: true })
  nameJa: string | null;

  @Column({ type: 'enum', enum: MunicipalityKind, enumName: 'municipality_kind' })
  kind: MunicipalityKind;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  subdivision: string | null;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organization: string | null;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'overseas_experience', type: 'enum', enum: OverseasExperience, enumName: 'overseas_experience', nullable: true })
  overseasExperience: OverseasExperience | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 320, nullable: true })
  contactEmail: string | null;

  /** YYYY-MM-DD a person last confirmed the record (any change, or a confirm mutation): its freshness (ADR 8). */
  @Column({ name: 'last_confirmed_on', type: 'date', default: () => 'CURRENT_DATE' })
  lastConfirmedOn: string;
}
