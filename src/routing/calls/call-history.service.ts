import type { RecentCallDto } from './dto/call-events.dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Reads of the calls table for other features: reporting, forecasts, hostile reports. */
@Injectable()
export class CallHistory {
  constructor(private readonly dataSource: DataSource) {}

  /** The agent's latest answered calls, newest first (to report one as hostile). */
  async recentCalls(agentId: string, limit: number): Promise<RecentCallDto[]> {
    const rows: Array<{
      call_id: string;
      answered_at: Date | null;
      ended_at: Date | null;
      duration_seconds: number | null;
      hostile_severity: number | null;
    }> = await this.dataSource.query(
      `SELECT call_id, answered_at, ended_at, duration_seconds, hostile_severity FROM calls
        WHERE agent_id = $1 AND answered_at IS NOT NULL ORDER BY answered_at DESC LIMIT $2`,
      [agentId, limit],
    );
    return rows.map((r) => ({
      callId: r.call_id,
      answeredAt: r.answered_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      durationSeconds: r.duration_seconds,
      hostileSeverity: r.hostile_severity,
    }));
  }

  /**
   * Answered calls of these agents per interval (by answer time) in [from, to), with their summed handle
   * seconds: the history forecasts are built from.
   */
  answeredCallsByInterval(agentIds: string[], from: Date, to: Date, intervalMinutes: number) {
    return this.answeredByInterval(
      'agent_id = ANY($1::uuid[])',
      agentIds,
      from,
      to,
      intervalMinutes,
    );
  }

  /**
   * The same among `callIds`: per-dialect history forecasts (the dialect comes from the routing
   * reservation of each call).
   */
  answeredCallsByIntervalFor(callIds: string[], from: Date, to: Date, intervalMinutes: number) {
    return this.answeredByInterval('call_id = ANY($1::text[])', callIds, from, to, intervalMinutes);
  }

  private async answeredByInterval(
    which: string,
    ids: string[],
    from: Date,
    to: Date,
    intervalMinutes: number,
  ): Promise<Array<{ start: Date; calls: number; handleSeconds: number }>> {
    if (ids.length === 0) return [];
    const step = intervalMinutes * 60;
    const rows: Array<{ bucket: number; calls: string; handle: string | null }> =
      await this.dataSource.query(
        `SELECT floor(extract(epoch FROM answered_at - $2::timestamptz) / $4)::int AS bucket,
                count(*) AS calls, sum(duration_seconds) AS handle
           FROM calls
          WHERE ${which} AND answered_at >= $2 AND answered_at < $3
          GROUP BY 1 ORDER BY 1`,
        [ids, from, to, step],
      );
    return rows.map((r) => ({
      start: new Date(from.getTime() + r.bucket * step * 1000),
      calls: Number(r.calls),
      handleSeconds: Number(r.handle ?? 0),
    }));
  }

  /**
   * Calls these agents answered in [from, to): how many, how many were hostile, and the hostile ones by
   * highest reported severity (index 0 = severity 1): planning's wellbeing shrinkage.
   */
  async hostileMix(
    agentIds: string[],
    from: Date,
    to: Date,
  ): Promise<{ answered: number; hostile: number; bySeverity: [number, number, number] }> {
    if (agentIds.length === 0) return { answered: 0, hostile: 0, bySeverity: [0, 0, 0] };
    const [r]: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT count(*) AS answered,
              count(*) FILTER (WHERE hostile_severity = 1) AS s1,
              count(*) FILTER (WHERE hostile_severity = 2) AS s2,
              count(*) FILTER (WHERE hostile_severity >= 3) AS s3
         FROM calls
        WHERE agent_id = ANY($1::uuid[]) AND answered_at >= $2 AND answered_at < $3`,
      [agentIds, from, to],
    );
    const bySeverity: [number, number, number] = [Number(r.s1), Number(r.s2), Number(r.s3)];
    return {
      answered: Number(r.answered),
      hostile: bySeverity[0] + bySeverity[1] + bySeverity[2],
      bySeverity,
    };
  }

  /** How many of these calls have a recorded duration, and the sum of those durations (seconds). */
  async durations(callIds: string[]): Promise<{ timedCalls: number; timedSeconds: number }> {
    if (callIds.length === 0) return { timedCalls: 0, timedSeconds: 0 };
    const [r]: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT count(duration_seconds) AS n, coalesce(sum(duration_seconds), 0) AS s
         FROM calls WHERE call_id = ANY($1::text[])`,
      [callIds],
    );
    return { timedCalls: Number(r.n), timedSeconds: Number(r.s) };
  }

  /** Hostile calls of these agents that ended in [from, to), oldest first. */
  async hostileCallsEnded(
    agentIds: string[],
    from: Date,
    to: Date,
  ): Promise<Array<{ callId: string; agentId: string; endedAt: Date }>> {
    if (agentIds.length === 0) return [];
    const rows: Array<{ call_id: string; agent_id: string; ended_at: Date }> =
      await this.dataSource.query(
        `SELECT call_id, agent_id, ended_at FROM calls
          WHERE agent_id = ANY($1::uuid[]) AND hostile_severity > 0 AND ended_at >= $2 AND ended_at < $3
          ORDER BY ended_at, call_id`,
        [agentIds, from, to],
      );
    return rows.map((r) => ({ callId: r.call_id, agentId: r.agent_id, endedAt: r.ended_at }));
  }

  /** A call as the calls feature knows it (for hostile reports by agents and supervisors). */
  async findCall(callId: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query(
      `SELECT call_id, agent_id, answered_at, ended_at, duration_seconds, hostile_severity, hostile_source FROM calls WHERE call_id = $1`,
      [callId],
    );
    if (!row) return null;
    return {
      callId: row.call_id as string,
      agentId: row.agent_id as string,
      answeredAt: row.answered_at as Date | null,
      endedAt: row.ended_at as Date | null,
      durationSeconds: row.duration_seconds as number | null,
      hostileSeverity: row.hostile_severity as number | null,
      hostileSource: row.hostile_source as string | null,
    };
  }
}
