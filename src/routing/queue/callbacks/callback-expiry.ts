import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventsService } from '../../../platform/events/events.service';

/**
 * Callbacks' side of the queue's dispatcher pass (under the queue lock): a callback missed at its
 * notAfter (or when no retry fits its window) is alerted to its team; an offered callback is given
 * the offered agent's team.
 */
@Injectable()
export class CallbackExpiry {
  constructor(private readonly events: EventsService) {}

  /** Marks these callbacks (by queue id) missed and alerts each team's supervisors. */
  async miss(m: EntityManager, queueIds: string[], now: Date): Promise<number> {
    const [missed] = await m.query(
      `UPDATE callbacks SET status = 'missed', dial_target = NULL, closed_at = $2
        WHERE queue_id = ANY($1::text[]) AND status = 'open'
        RETURNING callback_id, queue_id, team_id, dialect, attempts, not_after`,
      [queueIds, now],
    );
    await this.alertMissed(m, missed, now);
    return missed.length;
  }

  /** `alert.callback_missed` to each missed callback's team supervisors and the router. */
  async alertMissed(
    m: EntityManager,
    missed: Array<{
      callback_id: string | null;
      call_id?: string | null;
      queue_id?: string | null;
      team_id: string | null;
      dialect: string | null;
      attempts: number | null;
      not_after: Date | null;
    }>,
    now: Date,
  ): Promise<void> {
    await this.events.publish(
      m,
      missed.map((r) => ({
        type: 'alert.callback_missed',
        teamId: r.team_id,
        audience: ['team', 'router'],
        payload: {
          callbackId: r.callback_id,
          callId: r.queue_id ?? r.call_id,
          dialect: r.dialect,
          attempts: Number(r.attempts),
          notAfter: new Date(r.not_after!).toISOString(),
        },
        at: now,
      })),
    );
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
