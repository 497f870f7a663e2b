import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventsService } from '../../../platform/events/events.service';

/**
 * What the queue's dispatcher does for callbacks inside its pass (under the queue lock): a callback
 * still waiting at its notAfter is missed (its dial target erased, the supervisor alerted); an offered
 * callback is given its team.
 */
@Injectable()
export class CallbackExpiry {
  constructor(private readonly events: EventsService) {}

  /** Waiting callbacks past their notAfter become missed. Returns how many. */
  async expire(m: EntityManager, now: Date): Promise<number> {
    const [rows] = await m.query(
      `UPDATE queued_calls SET status = 'abandoned', ended_at = $1, status_at = $1, ready_at = NULL, urgent_at = NULL
        WHERE kind = 'callback' AND status = 'queued' AND give_up_at <= $1 RETURNING call_id`,
      [now],
    );
    if (rows.length === 0) return 0;
    return this.miss(
      m,
      rows.map((r: { call_id: string }) => r.call_id),
      now,
    );
  }

  /** Marks these callbacks (by queue id) missed and alerts each team's supervisors. */
  async miss(m: EntityManager, queueIds: string[], now: Date): Promise<number> {
    const [missed] = await m.query(
      `UPDATE callbacks SET status = 'missed', dial_target = NULL, closed_at = $2
        WHERE queue_id = ANY($1::text[]) AND status = 'open'
        RETURNING callback_id, queue_id, team_id, dialect, attempts, not_after`,
      [queueIds, now],
    );
    await this.events.publish(
      m,
      missed.map((r: any) => ({
        type: 'alert.callback_missed',
        teamId: r.team_id,
        audience: ['team', 'router'],
        payload: {
          callbackId: r.callback_id,
          callId: r.queue_id,
          dialect: r.dialect,
          attempts: Number(r.attempts),
          notAfter: new Date(r.not_after).toISOString(),
        },
        at: now,
      })),
    );
    return missed.length;
  }

  /** The callback behind an offered queue item takes the offered agent's team; returns its id. */
  async offered(m: EntityManager, queueId: string, teamId: string | null): Promise<string | null> {
    const [rows] = await m.query(
      `UPDATE callbacks SET team_id = COALESCE($2, team_id) WHERE queue_id = $1 RETURNING callback_id`,
      [queueId, teamId],
    );
    return rows[0]?.callback_id ?? null;
  }
}
