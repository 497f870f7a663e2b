import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../platform/database/prepared-query';
import { CallEventDto } from './dto/call-events.dto';

/** A call as stored before a batch. */
export interface StoredCall {
  endedAt: Date | null;
  severity: number | null;
}

/** The calls table as the ingest writes it: one bulk upsert per batch, inside its transaction. */
@Injectable()
export class CallStore {
  /**
   * Locks the batch's calls that exist (in call id order, so two batches never wait on each other in
   * a circle) and says how each stood before the batch: when it ended and its hostile severity.
   */
  async lockCalls(m: EntityManager, callIds: string[]): Promise<Map<string, StoredCall>> {
    const ids = [...new Set(callIds)].sort();
    if (ids.length === 0) return new Map();
    const rows: Array<{ call_id: string; ended_at: Date | null; hostile_severity: number | null }> =
      await preparedQuery(
        m,
        `SELECT call_id, ended_at, hostile_severity FROM calls WHERE call_id = ANY($1::text[]) ORDER BY call_id FOR UPDATE`,
        [ids],
      );
    return new Map(
      rows.map((r) => [r.call_id, { endedAt: r.ended_at, severity: r.hostile_severity }]),
    );
  }

  /** Upserts the calls table from the batch (its rows locked first by lockCalls). */
  async upsertCalls(m: EntityManager, events: CallEventDto[]): Promise<void> {
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
  }
}
