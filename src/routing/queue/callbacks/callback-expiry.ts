import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isOpenAt, nextOpenAt } from '../../../people/sites/domain/opening-hours';
import { SitesService } from '../../../people/sites/sites.service';
import { EventsService } from '../../../platform/events/events.service';

/**
 * Callbacks' side of the queue's dispatcher pass (under the queue lock): a callback missed at its
 * notAfter (or when no retry fits its window) is alerted to its team; an offered callback is given
 * the offered agent's team; a callback whose team's site is closed waits for the site to open.
 */
@Injectable()
export class CallbackExpiry {
  constructor(
    private readonly events: EventsService,
    private readonly sites: SitesService,
  ) {}

  /**
   * Callbacks ready now whose team's site is closed now are not offered: each becomes ready again at
   * the site's next opening (the dispatcher's timer wakes then), or at its notAfter when the site
   * does not open before it (it is then missed).
   */
  async deferClosed(m: EntityManager, now: Date): Promise<number> {
    // Most passes have no callback ready: one indexed read, and the sites only when there is one.
    const ready: Array<{ call_id: string; team_id: string; give_up_at: Date }> = await m.query(
      `SELECT q.call_id, c.team_id, q.give_up_at FROM queued_calls q JOIN callbacks c ON c.queue_id = q.call_id
        WHERE q.kind = 'callback' AND q.status = 'queued' AND (q.ready_at IS NULL OR q.ready_at <= $1)
          AND q.give_up_at > $1 AND c.team_id IS NOT NULL`,
      [now],
    );
    if (ready.length === 0) return 0;
    const hours = await this.sites.teamsWithOpeningHours(m);
    if (hours.size === 0) return 0;
    const ids: string[] = [];
    const at: Date[] = [];
    for (const r of ready) {
      const site = hours.get(r.team_id);
      if (!site || isOpenAt(site.openingHours, site.timeZone, now)) continue;
      const giveUp = new Date(r.give_up_at);
      const opens = nextOpenAt(site.openingHours, site.timeZone, now);
      ids.push(r.call_id);
      at.push(opens && opens.getTime() < giveUp.getTime() ? opens : giveUp);
    }
    if (ids.length)
      await m.query(
        `UPDATE queued_calls q SET ready_at = d.at FROM unnest($1::text[], $2::timestamptz[]) AS d(call_id, at)
          WHERE q.call_id = d.call_id`,
        [ids, at],
      );
    return ids.length;
  }

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
