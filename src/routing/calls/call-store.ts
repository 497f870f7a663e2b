import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../platform/database/prepared-query';
import { payloadOf } from './call-event-fields';
import { CallEventDto } from './dto/call-events.dto';

/** A call as stored before a batch. */
export interface StoredCall {
  endedAt: Date | null;
  severity: number | null;
  /** It has an answer time (from a `call.answered`, or inferred from its end). */
  answered: boolean;
}

/**
 * The calls and call_events tables as the ingest writes them: a batch's events recorded and its calls
 * locked in one statement, the calls upserted in another, inside the batch's transaction.
 */
@Injectable()
export class CallStore {
  /**
   * Records the batch's events, idempotent by eventId (the primary key decides, not a read), and locks
   * the batch's calls that exist (in call id order, so two batches never wait on each other in a
   * circle): which events are new, which of the named agents exist (an event of an unknown agent is
   * not recorded; the caller refuses the batch), and how each call stood before the batch (when it
   * ended, its hostile severity). It also makes the rest of the transaction plan its statements
   * generically: they take arrays of one or two ids, for which PostgreSQL's estimate always prefers
   * a custom plan, so it planned the load refresh, the presence write and the locks again on every
   * batch (1.7 ms of a batch's 4.5 ms in the database); their generic plans are the same index
   * walks. (Set here, in the transaction's first statement, rather than by a SET LOCAL of its own:
   * one round trip less.)
   */
  async recordEvents(
    m: EntityManager,
    events: CallEventDto[],
    receivedAt: Date,
  ): Promise<{ fresh: Set<string>; stored: Map<string, StoredCall>; knownAgents: Set<string> }> {
    const callIds = [...new Set(events.map((e) => e.callId))].sort();
    const rows = await preparedQuery<{
      kind: 'event' | 'agent' | 'call';
      id: string;
      ended_at: Date | null;
      hostile_severity: number | null;
      answered: boolean | null;
    }>(
      m,
      `WITH generic AS MATERIALIZED (SELECT set_config('plan_cache_mode', 'force_generic_plan', true)),
       known AS MATERIALIZED (SELECT id FROM agents WHERE id = ANY($4::uuid[])),
       recorded AS (
         INSERT INTO call_events (event_id, type, call_id, agent_id, at, payload, received_at)
         SELECT e.* FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[], $7::timestamptz[])
                AS e(event_id, type, call_id, agent_id, at, payload, received_at)
          CROSS JOIN generic
          WHERE e.agent_id IN (SELECT id FROM known)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
       SELECT 'event' AS kind, event_id AS id, NULL::timestamptz AS ended_at, NULL::smallint AS hostile_severity, NULL::boolean AS answered FROM recorded
       UNION ALL
       SELECT 'agent', id::text, NULL, NULL, NULL FROM known
       UNION ALL
       SELECT 'call', c.call_id, c.ended_at, c.hostile_severity, c.answered_at IS NOT NULL
         FROM (SELECT call_id, ended_at, hostile_severity, answered_at FROM calls WHERE call_id = ANY($8::text[]) ORDER BY call_id FOR UPDATE) c`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.callId),
        events.map((e) => e.agentId),
        events.map((e) => new Date(e.at).toISOString()),
        events.map((e) => JSON.stringify(payloadOf(e))),
        events.map(() => receivedAt.toISOString()),
        callIds,
      ],
    );
    const fresh = new Set<string>();
    const knownAgents = new Set<string>();
    const stored = new Map<string, StoredCall>();
    for (const r of rows) {
      if (r.kind === 'event') fresh.add(r.id);
      else if (r.kind === 'agent') knownAgents.add(r.id);
      else
        stored.set(r.id, {
          endedAt: r.ended_at,
          severity: r.hostile_severity,
          answered: r.answered === true,
        });
    }
    return { fresh, stored, knownAgents };
  }

  /**
   * Upserts the calls table from the batch's new events (their rows locked by recordEvents), and
   * accepts the held reservations of the calls answered in it: a call answered is its reservation
   * accepted. Reservations before presence, the order the router's own accept locks them in.
   *
   * A call that ends with no answer time (a router that accepts the reservation and never sends
   * `call.answered`) was answered `durationSeconds` before its end: without that it would count as
   * no call at all (calls per hour, the agent's recent calls) while its talk time and any hostility
   * counted. A real `call.answered` stored earlier is never moved; one arriving later wins if earlier.
   */
  async upsertCalls(
    m: EntityManager,
    events: CallEventDto[],
    answeredCallIds: string[],
    now: Date,
    stored: ReadonlyMap<string, StoredCall>,
  ): Promise<void> {
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
    for (const [callId, c] of byCall)
      if (!c.answeredAt && c.endedAt && c.duration !== undefined && !stored.get(callId)?.answered)
        c.answeredAt = new Date(Date.parse(c.endedAt) - c.duration * 1000).toISOString();
    const list = [...byCall.entries()];
    await preparedQuery(
      m,
      `WITH accepted AS (
         UPDATE reservations SET status = 'accepted', decided_at = $10
          WHERE status = 'held' AND call_id = ANY($9::text[]))
       INSERT INTO calls (call_id, agent_id, answered_at, ended_at, duration_seconds, hostile_severity, hostile_source, hostile_at)
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
        answeredCallIds,
        now,
      ],
    );
  }
}
