import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallHistory } from '../../calls/call-history.service';

/** A team's callbacks over a period, as staffing weighs them (counts only; no caller, no target). */
export interface TeamCallbackHistory {
  /** Callbacks whose window started in the period. */
  callbacks: number;
  /** Those attempted at least once, and their attempts in all. */
  attempted: number;
  attempts: number;
  /** Their calls with a recorded duration (the last attempt of each), and those durations summed. */
  timedCalls: number;
  timedSeconds: number;
}

/** What planning reads of a team's recent callbacks. */
@Injectable()
export class CallbackHistory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: CallHistory,
  ) {}

  async forTeam(teamId: string, from: Date, to: Date): Promise<TeamCallbackHistory> {
    const rows: Array<{ queue_id: string; attempts: number }> = await this.dataSource.query(
      `SELECT queue_id, attempts FROM callbacks WHERE team_id = $1 AND not_before >= $2 AND not_before < $3`,
      [teamId, from, to],
    );
    const attempted = rows.filter((r) => Number(r.attempts) > 0);
    const timed = await this.calls.durations(attempted.map((r) => r.queue_id));
    return {
      callbacks: rows.length,
      attempted: attempted.length,
      attempts: attempted.reduce((n, r) => n + Number(r.attempts), 0),
      ...timed,
    };
  }

  /** When the windows of the team's callbacks that started in [from, to) started, oldest first. */
  async startsForTeam(teamId: string, from: Date, to: Date): Promise<Date[]> {
    const rows: Array<{ not_before: Date }> = await this.dataSource.query(
      `SELECT not_before FROM callbacks WHERE team_id = $1 AND not_before >= $2 AND not_before < $3 ORDER BY not_before`,
      [teamId, from, to],
    );
    return rows.map((r) => new Date(r.not_before));
  }
}
