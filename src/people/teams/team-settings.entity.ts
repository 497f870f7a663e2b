import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Team } from './team.entity';

export type RoutingOrder = 'wellbeing' | 'longest_idle';

/** Per-team operating settings; a missing row means the defaults below. */
@Entity('team_settings')
export class TeamSettings {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_team_settings' }) teamId: string;
  @OneToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_team_settings_team' })
  team?: Team;
  @Column({ type: 'int', default: 30 }) wrapUpSeconds: number;
  @Column({ type: 'real', default: 0.85 }) occupancyCap: number;
  @Column({ type: 'text', default: 'wellbeing' }) routingOrder: RoutingOrder;
  @Column({ type: 'int', default: 7200 }) staleAfterSeconds: number;
  @Column({ type: 'int', default: 20 }) reservationTtlSeconds: number;
  /** The start of every wrap-up in which only the agent can make itself available (to report a hostile call). */
  @Column({ type: 'int', default: 20 }) hostileReportWindowSeconds: number;
  /** How long a call is expected to take: no call is offered to an agent whose booked break starts sooner. */
  @Column({ type: 'int', default: 300 }) expectedHandleSeconds: number;
  /** Calls from flagged callers (a hostile call in the last 30 days) one agent takes per hour at most. */
  @Column({ type: 'int', default: 2 }) maxHostilePerHour: number;
  /** An accepted call with no event for this long alerts the supervisor (a lost call.ended). */
  @Column({ type: 'int', default: 60 }) maxCallMinutes: number;
  /** A callback not answered (no_answer, busy) is tried again after this many minutes. */
  @Column({ type: 'int', default: 15 }) callbackRetryMinutes: number;
  /** Callbacks take at most this share of the team's offers in an hour while inbound calls wait. */
  @Column({ type: 'real', default: 0.3 }) callbackMaxShare: number;
}

export const DEFAULT_TEAM_SETTINGS = {
  wrapUpSeconds: 30,
  occupancyCap: 0.85,
  routingOrder: 'wellbeing' as RoutingOrder,
  staleAfterSeconds: 7200,
  reservationTtlSeconds: 20,
  hostileReportWindowSeconds: 20,
  expectedHandleSeconds: 300,
  maxHostilePerHour: 2,
  maxCallMinutes: 60,
  callbackRetryMinutes: 15,
  callbackMaxShare: 0.3,
};
