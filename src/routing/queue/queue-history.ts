import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A queued call of a team that was answered (connectedAt) or abandoned (connectedAt null). */
export interface TeamQueuedCall {
  enqueuedAt: Date;
  connectedAt: Date | null;
}

/** What the service-level history reads of the queue: a team's finished calls over a period. */
@Injectable()
export class QueueHistory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Calls (not callbacks) that queued in [from, to) and were answered by the team's agents or
   * abandoned while offered to them. A call abandoned before any offer belongs to no team yet.
   */
  async finishedCallsOfTeam(teamId: string, from: Date, to: Date): Promise<TeamQueuedCall[]> {
    const rows: Array<{ enqueued_at: Date; connected_at: Date | null }> =
      await this.dataSource.query(
        `SELECT enqueued_at, connected_at FROM queued_calls
          WHERE team_id = $1 AND kind = 'call' AND enqueued_at >= $2 AND enqueued_at < $3
            AND (connected_at IS NOT NULL OR status = 'abandoned')`,
        [teamId, from, to],
      );
    return rows.map((r) => ({
      enqueuedAt: new Date(r.enqueued_at),
      connectedAt: r.connected_at ? new Date(r.connected_at) : null,
    }));
  }
}
