import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audited change. Append-only: nothing updates or deletes these rows. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** What happened: `create`, `update`, `delete`, `set`, `remove`, `change-status`. */
  @Column({ type: 'text' })
  action: string;

  /** The kind of record: `municipality`, `need`, `partnership`, `expertise`, … */
  @Column({ type: 'text' })
  entity: string;

  /** The record's key (expertise: `municipality/topic`). */
  @Column({ name: 'entity_key', type: 'text' })
  entityKey: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
