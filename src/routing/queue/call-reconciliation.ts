import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { withAdvisoryLock } from '../../platform/database/advisory-lock';
import { EventsService } from '../../platform/events/events.service';
import { CallEventIngest } from '../calls/call-event-ingest.service';
import type { ResyncResultDto, StrandedCallDto } from './dto/queue.dto';
import { QueueService } from './queue.service';

/**
 * No stranded agents: an accepted call with no event for the team's maxCallMinutes is alerted to
 * the supervisor (once) and listed; after a router restart, `resync` ends what the router no
 * longer has (through the normal call.ended path: wrap-up, recovery, load) and abandons the rest.
 */
@Injectable()
export class CallReconciliation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly callEvents: CallEventIngest,
    private readonly queue: QueueService,
    private readonly events: EventsService,
  ) {}

  /** Alerts every newly stranded call (one replica at a time). Returns how many. */
  async alertStranded(now: Date = this.clock.now()): Promise<number> {
    const n = await withAdvisoryLock(this.dataSource, 'stranded-calls', async (m) => {
      const rows: any[] = await m.query(
        `SELECT p.agent_id, p.current_call_id AS call_id, a.team_id, a.external_id, COALESCE(p.last_event_at, p.since) AS last_at
           FROM agent_presence p JOIN agents a ON a.id = p.agent_id LEFT JOIN team_settings s ON s.team_id = a.team_id
          WHERE p.state = 'on_call' AND p.current_call_id IS NOT NULL
            AND COALESCE(p.last_event_at, p.since) <= $1::timestamptz - make_interval(mins => COALESCE(s.max_call_minutes, 60))
            AND NOT EXISTS (SELECT 1 FROM stranded_call_alerts x WHERE x.call_id = p.current_call_id)`,
        [now],
      );
      if (rows.length === 0) return 0;
      await m.query(
        `INSERT INTO stranded_call_alerts (call_id, agent_id, team_id, alerted_at)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
        [
          rows.map((r) => r.call_id),
          rows.map((r) => r.agent_id),
          rows.map((r) => r.team_id),
          rows.map(() => now),
        ],
      );
      await this.events.publish(
        m,
        rows.map((r) => ({
          type: 'alert.stranded_call',
          agentId: r.agent_id,
          teamId: r.team_id,
          audience: ['team', 'router'],
          payload: {
            callId: r.call_id,
            agentId: r.agent_id,
            externalId: r.external_id,
            lastEventAt: new Date(r.last_at).toISOString(),
            minutesWithoutEvent: Math.floor(
              (now.getTime() - new Date(r.last_at).getTime()) / 60_000,
            ),
          },
          at: now,
        })),
      );
      return rows.length;
    });
    return n ?? 0;
  }

  /** Stranded calls not yet resolved (a supervisor sees its own team's only). */
  async stranded(teamId: string | null): Promise<StrandedCallDto[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT x.call_id, x.agent_id, x.team_id, x.alerted_at, a.external_id, COALESCE(p.last_event_at, p.since) AS last_at
         FROM stranded_call_alerts x JOIN agents a ON a.id = x.agent_id JOIN agent_presence p ON p.agent_id = x.agent_id
        WHERE x.resolved_at IS NULL AND p.state = 'on_call' AND p.current_call_id = x.call_id
          AND ($1::uuid IS NULL OR x.team_id = $1)
        ORDER BY x.alerted_at`,
      [teamId],
    );
    return rows.map((r) => ({
      callId: r.call_id,
      agentId: r.agent_id,
      externalId: r.external_id,
      teamId: r.team_id,
      lastEventAt: new Date(r.last_at).toISOString(),
      alertedAt: new Date(r.alerted_at).toISOString(),
    }));
  }

  /** Every connected call not listed is ended now; every queued or offered call not listed is abandoned. */
  async resync(liveCallIds: string[]): Promise<ResyncResultDto> {
    const now = this.clock.now();
    const live = [...new Set(liveCallIds)];
    const waiting: Array<{ call_id: string }> = await this.dataSource.query(
      `SELECT call_id FROM queued_calls WHERE status IN ('queued', 'offered') AND kind = 'call' AND NOT (call_id = ANY($1::text[]))`,
      [live],
    );
    let abandoned = 0;
    for (const { call_id } of waiting) {
      const closed = await this.dataSource.transaction(async (m) => {
        const [row] = await m.query(
          `SELECT status, reservation_id FROM queued_calls WHERE call_id = $1 AND status IN ('queued', 'offered') FOR UPDATE`,
          [call_id],
        );
        if (!row) return false;
        await this.queue.close(m, call_id, row.reservation_id, now);
        return true;
      });
      if (closed) abandoned++;
    }
    const connected: Array<{ call_id: string; agent_id: string; since: Date }> =
      await this.dataSource.query(
        `SELECT DISTINCT ON (call_id) call_id, agent_id, since FROM (
           SELECT p.current_call_id AS call_id, p.agent_id, p.since FROM agent_presence p
            WHERE p.state = 'on_call' AND p.current_call_id IS NOT NULL AND NOT (p.current_call_id = ANY($1::text[]))
           UNION ALL
           SELECT q.call_id, q.agent_id, q.connected_at FROM queued_calls q
            WHERE q.status = 'connected' AND NOT (q.call_id = ANY($1::text[]))) c
         ORDER BY call_id`,
        [live],
      );
    if (connected.length)
      await this.callEvents.ingest(
        connected.map((c) => ({
          eventId: `resync:${createHash('sha256').update(`${c.call_id}\n${now.toISOString()}`).digest('hex').slice(0, 40)}`,
          type: 'call.ended' as const,
          callId: c.call_id,
          agentId: c.agent_id,
          at: now.toISOString(),
          durationSeconds: Math.max(
            0,
            Math.round((now.getTime() - new Date(c.since).getTime()) / 1000),
          ),
        })),
      );
    return { ended: connected.length, abandoned };
  }
}
