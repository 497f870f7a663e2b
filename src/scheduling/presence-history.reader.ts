import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PresenceSpan } from './adherence';

/**
 * Reads presence history for adherence. The presence feature owns `presence_intervals`; until its
 * exported PresenceService.history() is on main this reads the table directly (and answers nothing
 * when the table does not exist yet). Swap for PresenceService.history() when merging.
 */
@Injectable()
export class PresenceHistoryReader {
  constructor(private readonly dataSource: DataSource) {}

  async history(agentIds: string[], from: Date, to: Date): Promise<PresenceSpan[]> {
    if (agentIds.length === 0) return [];
    const [{ exists }] = await this.dataSource.query(
      `SELECT to_regclass('public.presence_intervals') IS NOT NULL AS exists`,
    );
    if (!exists) return [];
    const rows: Array<{
      agent_id: string;
      state: string;
      reason: string | null;
      started_at: Date;
      ended_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT agent_id, state, reason, started_at, ended_at FROM presence_intervals
         WHERE agent_id = ANY($1) AND started_at < $3 AND (ended_at IS NULL OR ended_at > $2)
         ORDER BY started_at`,
      [agentIds, from, to],
    );
    return rows.map((r) => ({
      agentId: r.agent_id,
      // Who is in counselling is confidential: supervisors see a private not_ready (still adherent).
      state: r.state === 'counseling' ? 'not_ready' : r.state,
      reason: r.state === 'counseling' ? 'private' : r.reason,
      start: new Date(r.started_at).getTime(),
      end: r.ended_at ? new Date(r.ended_at).getTime() : null,
    }));
  }
}
