import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The admin's settings for browser sessions: one row (id 1) once an admin has saved them; until then
 * the configuration (`SESSION_IDLE_MINUTES`) applies.
 */
@Entity('session_settings')
@Check('ck_session_settings_single_row', '"id" = 1')
@Check('ck_session_settings_idle', '"idle_timeout_minutes" BETWEEN 5 AND 720')
export class SessionSettings {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_session_settings' }) id: number;
  /** Minutes without use after which a browser session ends. */
  @Column({ type: 'integer' }) idleTimeoutMinutes: number;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
}
