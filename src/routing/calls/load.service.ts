import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import { PresenceHistory } from '../presence/presence-history.service';
import { RANK_PENALTY_SQL } from '../reservations/candidate-query';
import { CallLoad, computeLoad } from './call-load';
import { preparedQuery } from '../../platform/database/prepared-query';
import { withAdvisoryLock } from '../../platform/database/advisory-lock';

/** Looking further back than the window, so "consecutive calls since the last break" has its break. */
const LOOKBACK_MINUTES = 12 * 60;

@Injectable()
export class LoadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly presenceHistory: PresenceHistory,
  ) {}

  /** Exact load of each agent over the window ending now. */
  async loadFor(
    agentIds: string[],
    windowMinutes: number,
  ): Promise<Map<string, CallLoad & { asOf: Date }>> {
    const now = this.clock.now();
    const from = new Date(now.getTime() - Math.max(windowMinutes, LOOKBACK_MINUTES) * 60_000);
    const [history, calls] = await Promise.all([
      this.presenceHistory.history(agentIds, from, now),
      this.dataSource.query(
        `SELECT agent_id, answered_at, ended_at, duration_seconds, hostile_severity FROM calls
          WHERE agent_id = ANY($1::uuid[]) AND (answered_at >= $2 OR ended_at >= $2)`,
        [agentIds, from],
      ) as Promise<any[]>,
    ]);
    const out = new Map<string, CallLoad & { asOf: Date }>();
    for (const id of agentIds) {
      const load = computeLoad(
        history.filter((h) => h.agentId === id),
        calls
          .filter((c) => c.agent_id === id)
          .map((c) => ({
            answeredAt: c.answered_at,
            endedAt: c.ended_at,
            durationSeconds: c.duration_seconds,
            hostileSeverity: c.hostile_severity,
          })),
        now,
        windowMinutes,
      );
      out.set(id, { ...load, asOf: now });
    }
    return out;
  }

  /**
   * Refreshes the last-hour load kept on agent_presence for routing order. Runs at call end and
   * hostile flags (inside that transaction) and from the sweep for agents idle a while.
   */
  async refreshSnapshots(
    manager: EntityManager,
    agentIds: string[],
    now: Date,
    options: { skipLocked?: boolean } = {},
  ): Promise<void> {
    if (agentIds.length === 0) return;
    const from = new Date(now.getTime() - 3600_000);
    const rankPenalty = RANK_PENALTY_SQL({
      occupancy: 'f.occupancy',
      hostile: 'f.hostile',
      routingOrder: 'f.routing_order',
      occupancyCap: 'f.occupancy_cap',
    });
    await preparedQuery(
      manager,
      `WITH w AS (${
        options.skipLocked
          ? // Background refresh: never wait for (or hold up) a reservation or call on these rows.
            'SELECT agent_id FROM agent_presence WHERE agent_id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED'
          : 'SELECT unnest($1::uuid[]) AS agent_id'
      }),
       occ AS (
         SELECT i.agent_id,
                SUM(EXTRACT(EPOCH FROM LEAST(COALESCE(i.ended_at, $3), $3) - GREATEST(i.started_at, $2)))
                  FILTER (WHERE i.state IN ('on_call', 'wrap_up')) AS busy,
                SUM(EXTRACT(EPOCH FROM LEAST(COALESCE(i.ended_at, $3), $3) - GREATEST(i.started_at, $2)))
                  FILTER (WHERE i.state IN ('available', 'reserved', 'on_call', 'wrap_up')) AS staffed
           FROM presence_intervals i
          WHERE i.agent_id = ANY($1::uuid[]) AND i.started_at < $3 AND COALESCE(i.ended_at, 'infinity'::timestamptz) > $2
          GROUP BY i.agent_id),
       c AS (
         SELECT agent_id,
                count(*) FILTER (WHERE answered_at >= $2 AND answered_at <= $3) AS calls,
                count(*) FILTER (WHERE hostile_severity IS NOT NULL AND COALESCE(ended_at, answered_at) >= $2) AS hostile
           FROM calls WHERE agent_id = ANY($1::uuid[]) AND (answered_at >= $2 OR ended_at >= $2)
          GROUP BY agent_id),
       figures AS (
         SELECT w.agent_id, COALESCE(c.calls, 0) AS calls, COALESCE(c.hostile, 0) AS hostile,
                COALESCE(occ.busy / NULLIF(occ.staffed, 0), 0) AS occupancy, s.routing_order, s.occupancy_cap
           FROM w LEFT JOIN occ ON occ.agent_id = w.agent_id LEFT JOIN c ON c.agent_id = w.agent_id
           JOIN agents a ON a.id = w.agent_id LEFT JOIN team_settings s ON s.team_id = a.team_id)
       UPDATE agent_presence p
          SET load_calls = f.calls, load_hostile = f.hostile, load_occupancy = f.occupancy, load_as_of = $3,
              rank_penalty = ${rankPenalty}
         FROM figures f
        WHERE p.agent_id = f.agent_id`,
      [agentIds, from, now],
    );
  }

  /** After a team's settings change (occupancy cap, routing order), re-rank its agents at once. */
  async rerankTeam(teamId: string): Promise<void> {
    const rankPenalty = RANK_PENALTY_SQL({
      occupancy: 'p.load_occupancy',
      hostile: 'p.load_hostile',
      routingOrder: 's.routing_order',
      occupancyCap: 's.occupancy_cap',
    });
    await this.dataSource.query(
      `UPDATE agent_presence p SET rank_penalty = ${rankPenalty}
         FROM agents a LEFT JOIN team_settings s ON s.team_id = a.team_id
        WHERE a.id = p.agent_id AND a.team_id = $1`,
      [teamId],
    );
  }

  /**
   * Sweep step: refresh snapshots older than a minute for available agents (their window slides).
   * In small batches, each its own short statement, skipping rows a request holds; one replica at a
   * time (advisory lock), like the other sweeps.
   */
  async refreshStale(now: Date = this.clock.now(), batch = 100, maxBatches = 20): Promise<number> {
    const refreshed = await withAdvisoryLock(this.dataSource, 'load-refresh', () =>
      this.refreshStaleBatches(now, batch, maxBatches),
    );
    return refreshed ?? 0;
  }

  private async refreshStaleBatches(now: Date, batch: number, maxBatches: number): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const rows: Array<{ agent_id: string }> = await this.dataSource.query(
        `SELECT agent_id FROM agent_presence WHERE state = 'available' AND (load_as_of IS NULL OR load_as_of < $1) ORDER BY load_as_of NULLS FIRST LIMIT $2`,
        [new Date(now.getTime() - 60_000), batch],
      );
      if (rows.length === 0) break;
      await this.refreshSnapshots(
        this.dataSource.manager,
        rows.map((r) => r.agent_id),
        now,
        { skipLocked: true },
      );
      total += rows.length;
      if (rows.length < batch) break;
    }
    return total;
  }
}
