import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's browser session: the refresh credential behind the httpOnly cookies. It lasts a shift
 * (`expiresAt`) unless idle for longer than the admin's timeout or signed out (`revokedAt`).
 */
@Entity('web_sessions')
export class WebSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_web_sessions' }) id: string;
  @Index('ix_web_sessions_user')
  @Column({ type: 'uuid' })
  userId: string;
  /** SHA-256 of the 256-bit random refresh token; the token itself is only in the cookie. */
  @Index('uq_web_sessions_token_hash', { unique: true })
  @Column({ type: 'text', select: false })
  tokenHash: string;
  /** The user's credential version at sign-in: a password, role or active change ends the session. */
  @Column({ type: 'integer' }) tokenVersion: number;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) lastActiveAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
