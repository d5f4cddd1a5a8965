import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts of one username (`u:…`, lower-cased) or failures from one address (`a:…`) in the
 * current window. Kept in PostgreSQL so that every server process counts against the same numbers,
 * and bumped with one atomic upsert so that concurrent requests cannot slip past the limit.
 */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
