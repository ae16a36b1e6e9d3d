import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '@kakehashi/database';
import { Role } from '@kakehashi/kernel';

/** A person who signs in. Email is stored lower-cased; a null password hash cannot sign in. */
@Entity('app_user')
export class UserEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'account_role' })
  role: Role;

  /** A documented demo account: created only outside production, disabled in production. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}

/** An editor may change the records of these municipalities. */
@Entity('user_municipality')
export class UserMunicipalityEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
