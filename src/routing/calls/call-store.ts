import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../platform/database/prepared-query';
import { CallEventDto } from './dto/call-events.dto';

/** The calls table as the ingest writes it: one bulk upsert per batch, inside its transaction. */
@Injectable()
export class CallStore {
  /** Upserts the calls table from the batch; returns each hostile-flagged call's severity before the batch. */
  async upsertCalls(
    m: EntityManager,
    events: CallEventDto[],
  ): Promise<Map<string, { severity: number | null }>> {
    // Ended calls too: a flag reported earlier (by a person) must reach the call-end hook.
    const hostileIds = [
      ...new Set(
        events
          .filter((e) => e.type === 'call.hostile' || e.type === 'call.ended')
          .map((e) => e.callId),
      ),
    ].sort();
    const before = new Map<string, { severity: number | null }>();
    if (hostileIds.length) {
      const rows: Array<{ call_id: string; hostile_severity: number | null }> = await preparedQuery(
        m,
        `SELECT call_id, hostile_severity FROM calls WHERE call_id = ANY($1::text[]) ORDER BY call_id FOR UPDATE`,
        [hostileIds],
      );
      for (const r of rows) before.set(r.call_id, { severity: r.hostile_severity });
    }
    const byCall = new Map<
      string,
      {
        agentId: string;
        answeredAt?: string;
        endedAt?: string;
        duration?: number;
        severity?: number;
        source?: string;
        hostileAt?: string;
      }
    >();
    for (const e of events) {
      const c = byCall.get(e.callId) ?? { agentId: e.agentId };
      if (e.type === 'call.answered')
        c.answeredAt = c.answeredAt && c.answeredAt < e.at ? c.answeredAt : e.at;
      if (e.type === 'call.ended') {
        c.endedAt = e.at;
        c.duration = e.durationSeconds;
      }
      if (e.type === 'call.hostile' && (c.severity ?? 0) < e.severity!) {
        c.severity = e.severity;
        c.source = e.source;
        c.hostileAt = c.hostileAt ?? e.at;
      }
      byCall.set(e.callId, c);
    }
    const list = [...byCall.entries()];
    await preparedQuery(
      m,
      `INSERT INTO calls (call_id, agent_id, answered_at, ended_at, duration_seconds, hostile_severity, hostile_source, hostile_at)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::smallint[], $7::text[], $8::timestamptz[])
       ON CONFLICT (call_id) DO UPDATE SET
         answered_at = COALESCE(LEAST(calls.answered_at, EXCLUDED.answered_at), calls.answered_at, EXCLUDED.answered_at),
         ended_at = COALESCE(EXCLUDED.ended_at, calls.ended_at),
         duration_seconds = COALESCE(EXCLUDED.duration_seconds, calls.duration_seconds),
         hostile_source = CASE WHEN COALESCE(EXCLUDED.hostile_severity, 0) > COALESCE(calls.hostile_severity, 0) THEN EXCLUDED.hostile_source ELSE calls.hostile_source END,
         hostile_severity = GREATEST(calls.hostile_severity, EXCLUDED.hostile_severity),
         hostile_at = COALESCE(calls.hostile_at, EXCLUDED.hostile_at)`,
      [
        list.map(([id]) => id),
        list.map(([, c]) => c.agentId),
        list.map(([, c]) => c.answeredAt ?? null),
        list.map(([, c]) => c.endedAt ?? null),
        list.map(([, c]) => c.duration ?? null),
        list.map(([, c]) => c.severity ?? null),
        list.map(([, c]) => c.source ?? null),
        list.map(([, c]) => c.hostileAt ?? null),
      ],
    );
    return before;
  }

  /** When each of these calls ended, for those that have. */
  async callEnds(m: EntityManager, callIds: string[]): Promise<Map<string, Date>> {
    if (callIds.length === 0) return new Map();
    const rows: Array<{ call_id: string; ended_at: Date | null }> = await preparedQuery(
      m,
      `SELECT call_id, ended_at FROM calls WHERE call_id = ANY($1::text[]) AND ended_at IS NOT NULL`,
      [callIds],
    );
    return new Map(rows.map((r) => [r.call_id, r.ended_at!]));
  }
}
