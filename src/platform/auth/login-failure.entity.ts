import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed login, counted under two keys (`email:<address>` and `addr:<client address>`) so every
 * replica sees the same lock-outs. Rows older than the window are deleted as new ones arrive.
 */
@Entity('login_failures')
@Index('ix_login_failures_key_at', ['key', 'at'])
@Index('ix_login_failures_at', ['at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_login_failures',
  })
  id: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
