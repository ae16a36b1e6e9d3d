import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address an account signed in from (see the migration KnownSignInAddress1764374400300). */
@Entity('known_sign_in_address')
export class KnownAddressEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** SHA-256 (hex) of the client address. */
  @PrimaryColumn({ name: 'address_hash', type: 'char', length: 64 })
  addressHash: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;
}
