import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  PresenceSnapshot,
  PresenceState,
  ReturnState,
  ScheduledState,
  Settlement,
} from './presence-rules';
import { preparedQuery } from '../../platform/database/prepared-query';
import { DEFAULT_TEAM_SETTINGS } from '../../people/teams/team-settings.entity';

/** A locked agent_presence row. */
export interface PresenceRow extends PresenceSnapshot {
  agentId: string;
  teamId: string | null;
  reservationId: string | null;
  currentCallId: string | null;
  lastEventAt: Date | null;
  /** The team's wrap-up rules (its settings, or the defaults): read with the row, no second query. */
  wrapUp: { seconds: number; hostileReportWindowSeconds: number };
}

export interface PresenceChange {
  row: PresenceRow;
  settlement: Settlement;
  /** Extra columns to write (call id, last event time). */
  currentCallId?: string | null;
  lastEventAt?: Date | null;
}

export interface NewScheduledState {
  agentId: string;
  state: ScheduledState['state'];
  reason: string | null;
  startsAt: Date;
  endsAt: Date | null;
  durationSeconds: number | null;
  sourceKind: string;
  sourceId: string;
}

const ts = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Presence rows of a set of agents, with each agent's team and its wrap-up rules (locked or not by
 * the caller's suffix).
 */
const SELECT_ROWS = `SELECT p.*, a.team_id,
    COALESCE(s.wrap_up_seconds, ${DEFAULT_TEAM_SETTINGS.wrapUpSeconds}) AS team_wrap_up_seconds,
    COALESCE(s.hostile_report_window_seconds, ${DEFAULT_TEAM_SETTINGS.hostileReportWindowSeconds}) AS team_report_window_seconds
  FROM agent_presence p JOIN agents a ON a.id = p.agent_id LEFT JOIN team_settings s ON s.team_id = a.team_id
  WHERE p.agent_id = ANY($1::uuid[])`;

/** The presence tables' SQL, in bulk so a batch of events costs a handful of statements. */
@Injectable()
export class PresenceStore {
  /** Creates missing rows (offline) and locks all rows in id order (no deadlocks between batches). */
  async lock(
    manager: EntityManager,
    agentIds: string[],
    now: Date,
    options: { skipLocked?: boolean } = {},
  ): Promise<Map<string, PresenceRow>> {
    const ids = [...new Set(agentIds)].sort();
    if (ids.length === 0) return new Map();
    const lockSql = `${SELECT_ROWS} ORDER BY p.agent_id FOR UPDATE OF p ${options.skipLocked ? 'SKIP LOCKED' : ''}`;
    let rows: any[] = await preparedQuery(manager, lockSql, [ids]);
    if (rows.length < ids.length && !options.skipLocked) {
      // Agents seen for the first time get a row (offline), then everything is locked again in id order.
      const have = new Set(rows.map((r) => r.agent_id));
      const created: Array<{ agent_id: string }> = await preparedQuery(
        manager,
        `INSERT INTO agent_presence (agent_id, state, since) SELECT unnest($1::uuid[]), 'offline', $2
         ON CONFLICT (agent_id) DO NOTHING RETURNING agent_id`,
        [ids.filter((id) => !have.has(id)), now],
      );
      if (created.length) {
        await preparedQuery(
          manager,
          `INSERT INTO presence_intervals (agent_id, state, started_at) SELECT unnest($1::uuid[]), 'offline', $2`,
          [created.map((c) => c.agent_id), now],
        );
      }
      rows = await preparedQuery(manager, lockSql, [ids]);
    }
    return new Map(rows.map((r) => [r.agent_id, toRow(r)]));
  }

  /** These agents' rows as they are, without locking (missing agents are absent). */
  async read(manager: EntityManager, agentIds: string[]): Promise<Map<string, PresenceRow>> {
    if (agentIds.length === 0) return new Map();
    const rows: any[] = await preparedQuery(manager, SELECT_ROWS, [agentIds]);
    return new Map(rows.map((r) => [r.agent_id, toRow(r)]));
  }

  /** Pending and active scheduled states of these agents. */
  async scheduled(
    manager: EntityManager,
    agentIds: string[],
  ): Promise<Map<string, ScheduledState[]>> {
    const out = new Map<string, ScheduledState[]>();
    if (agentIds.length === 0) return out;
    const rows: any[] = await preparedQuery(
      manager,
      `SELECT id, agent_id, state, reason, starts_at, ends_at, duration_seconds, status FROM scheduled_states
        WHERE agent_id = ANY($1::uuid[]) AND status IN ('pending', 'active')`,
      [agentIds],
    );
    for (const r of rows) {
      const list = out.get(r.agent_id) ?? [];
      list.push({
        id: r.id,
        state: r.state,
        reason: r.reason,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        durationSeconds: r.duration_seconds,
        status: r.status,
      });
      out.set(r.agent_id, list);
    }
    return out;
  }

  /** Inserts scheduled states; a second one from the same source updates the pending one instead. */
  async addScheduled(
    manager: EntityManager,
    states: NewScheduledState[],
  ): Promise<ScheduledState[]> {
    if (states.length === 0) return [];
    const rows: any[] = await preparedQuery(
      manager,
      `INSERT INTO scheduled_states (agent_id, state, reason, starts_at, ends_at, duration_seconds, source_kind, source_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::text[], $8::text[])
       ON CONFLICT (source_kind, source_id) DO UPDATE
         SET duration_seconds = GREATEST(scheduled_states.duration_seconds, EXCLUDED.duration_seconds),
             ends_at = CASE WHEN scheduled_states.status = 'pending' THEN EXCLUDED.ends_at ELSE scheduled_states.ends_at END,
             reason = EXCLUDED.reason
         WHERE scheduled_states.status = 'pending'
       RETURNING id, state, reason, starts_at, ends_at, duration_seconds, status`,
      [
        states.map((s) => s.agentId),
        states.map((s) => s.state),
        states.map((s) => s.reason),
        states.map((s) => ts(s.startsAt)),
        states.map((s) => ts(s.endsAt)),
        states.map((s) => s.durationSeconds),
        states.map((s) => s.sourceKind),
        states.map((s) => s.sourceId),
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      reason: r.reason,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      durationSeconds: r.duration_seconds,
      status: r.status,
    }));
  }

  /** Writes settled rows: history intervals, the current state, and scheduled-state bookkeeping. */
  async persist(manager: EntityManager, changes: PresenceChange[]): Promise<void> {
    const moved = changes.filter((c) => c.settlement.steps.length > 0);
    const agent: string[] = [];
    const state: string[] = [];
    const reason: Array<string | null> = [];
    const started: string[] = [];
    const ended: Array<string | null> = [];
    for (const c of moved) {
      c.settlement.steps.forEach((step, i) => {
        agent.push(c.row.agentId);
        state.push(step.state);
        reason.push(step.reason);
        started.push(step.since.toISOString());
        ended.push(ts(c.settlement.steps[i + 1]?.since));
      });
    }
    const touched = changes.filter(
      (c) =>
        c.settlement.steps.length > 0 ||
        c.currentCallId !== undefined ||
        c.lastEventAt !== undefined ||
        c.settlement.current.returnState !== c.row.returnState ||
        (c.settlement.current.returnReason ?? null) !== (c.row.returnReason ?? null) ||
        (c.settlement.current.heldByAgent ?? false) !== (c.row.heldByAgent ?? false) ||
        c.settlement.current.consecutiveLapses !== c.row.consecutiveLapses,
    );
    if (moved.length || touched.length) {
      // History and current state in one statement (one round trip on the router's event path).
      // Its parts see one snapshot: the open intervals closed are those from before, never the new.
      await preparedQuery(
        manager,
        `WITH closed AS (
           UPDATE presence_intervals i SET ended_at = v.ended_at
             FROM unnest($1::uuid[], $2::timestamptz[]) AS v(agent_id, ended_at)
            WHERE i.agent_id = v.agent_id AND i.ended_at IS NULL
           RETURNING 1),
         opened AS (
           INSERT INTO presence_intervals (agent_id, state, reason, started_at, ended_at)
           SELECT * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
           RETURNING 1),
         current AS (
           UPDATE agent_presence p SET state = v.state, since = v.since, until = v.until, reason = v.reason,
                  return_state = v.return_state, consecutive_lapses = v.lapses,
                  return_reason = v.return_reason, held_by_agent = v.held_by_agent,
                  reservation_id = CASE WHEN v.state = 'reserved' THEN p.reservation_id ELSE NULL END,
                  current_call_id = CASE WHEN v.set_call THEN v.call_id WHEN v.state IN ('on_call', 'wrap_up') THEN p.current_call_id ELSE NULL END,
                  last_event_at = COALESCE(v.last_event_at, p.last_event_at), updated_at = now()
             FROM unnest($8::uuid[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::text[], $13::text[], $14::int[], $15::bool[], $16::text[], $17::timestamptz[], $18::text[], $19::bool[])
               AS v(agent_id, state, since, until, reason, return_state, lapses, set_call, call_id, last_event_at, return_reason, held_by_agent)
            WHERE p.agent_id = v.agent_id
           RETURNING 1)
         SELECT (SELECT count(*) FROM closed) + (SELECT count(*) FROM opened) + (SELECT count(*) FROM current) AS written`,
        [
          moved.map((c) => c.row.agentId),
          moved.map((c) => ts(c.settlement.steps[0].since)),
          agent,
          state,
          reason,
          started,
          ended,
          touched.map((c) => c.row.agentId),
          touched.map((c) => c.settlement.current.state),
          touched.map((c) => c.settlement.current.since.toISOString()),
          touched.map((c) => ts(c.settlement.current.until)),
          touched.map((c) => c.settlement.current.reason),
          touched.map((c) => c.settlement.current.returnState),
          touched.map((c) => c.settlement.current.consecutiveLapses),
          touched.map((c) => c.currentCallId !== undefined),
          touched.map((c) => c.currentCallId ?? null),
          touched.map((c) => ts(c.lastEventAt)),
          touched.map((c) => c.settlement.current.returnReason ?? null),
          touched.map((c) => c.settlement.current.heldByAgent ?? false),
        ],
      );
    }
    const lapsed = changes
      .filter((c) => c.settlement.reservationLapsed && c.row.reservationId)
      .map((c) => c.row.reservationId!);
    if (lapsed.length) {
      await preparedQuery(
        manager,
        `UPDATE reservations SET status = 'lapsed', decided_at = expires_at WHERE id = ANY($1::uuid[]) AND status = 'held'`,
        [lapsed],
      );
    }
    const activated = changes.flatMap((c) => c.settlement.activated);
    if (activated.length) {
      await preparedQuery(
        manager,
        `UPDATE scheduled_states s SET status = 'active', activated_at = v.at, ends_at = v.ends_at
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, at, ends_at) WHERE s.id = v.id`,
        [
          activated.map((a) => a.id),
          activated.map((a) => a.at.toISOString()),
          activated.map((a) => a.endsAt.toISOString()),
        ],
      );
    }
    const deferred = changes.flatMap((c) => c.settlement.deferred ?? []);
    if (deferred.length) {
      // A booked break overrun by a call: it waits for the agent with its full length.
      await preparedQuery(
        manager,
        `UPDATE scheduled_states s SET ends_at = NULL, duration_seconds = v.seconds
           FROM unnest($1::uuid[], $2::int[]) AS v(id, seconds) WHERE s.id = v.id AND s.status = 'pending'`,
        [deferred.map((d) => d.id), deferred.map((d) => d.durationSeconds)],
      );
    }
    const completed = changes.flatMap((c) => c.settlement.completed);
    if (completed.length) {
      await preparedQuery(
        manager,
        `UPDATE scheduled_states SET status = 'done' WHERE id = ANY($1::uuid[])`,
        [completed],
      );
    }
  }

  async history(
    manager: EntityManager,
    agentIds: string[],
    from: Date,
    to: Date,
    sinceLastOf?: string[],
  ): Promise<
    Array<{
      agentId: string;
      state: PresenceState;
      reason: string | null;
      startedAt: Date;
      endedAt: Date | null;
    }>
  > {
    const rows: any[] = await preparedQuery(
      manager,
      sinceLastOf
        ? `WITH last AS (
             SELECT DISTINCT ON (agent_id) agent_id, started_at, id FROM presence_intervals
              WHERE agent_id = ANY($1::uuid[]) AND state = ANY($4::text[]) AND started_at < $3 AND COALESCE(ended_at, 'infinity'::timestamptz) > $2
              ORDER BY agent_id, started_at DESC, id DESC)
           SELECT i.agent_id, i.state, i.reason, i.started_at, i.ended_at FROM presence_intervals i LEFT JOIN last l ON l.agent_id = i.agent_id
            WHERE i.agent_id = ANY($1::uuid[]) AND i.started_at < $3 AND COALESCE(i.ended_at, 'infinity'::timestamptz) > $2
              AND (l.agent_id IS NULL OR (i.started_at, i.id) >= (l.started_at, l.id))
            ORDER BY i.agent_id, i.started_at, i.id`
        : `SELECT agent_id, state, reason, started_at, ended_at FROM presence_intervals
            WHERE agent_id = ANY($1::uuid[]) AND started_at < $3 AND COALESCE(ended_at, 'infinity'::timestamptz) > $2
            ORDER BY agent_id, started_at, id`,
      sinceLastOf ? [agentIds, from, to, sinceLastOf] : [agentIds, from, to],
    );
    return rows.map((r) => ({
      agentId: r.agent_id,
      state: r.state,
      reason: r.reason,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    }));
  }
}

function toRow(r: any): PresenceRow {
  return {
    agentId: r.agent_id,
    teamId: r.team_id,
    state: r.state as PresenceState,
    since: r.since,
    until: r.until,
    reason: r.reason,
    returnState: r.return_state as ReturnState,
    returnReason: r.return_reason,
    heldByAgent: r.held_by_agent,
    consecutiveLapses: r.consecutive_lapses,
    reservationId: r.reservation_id,
    currentCallId: r.current_call_id,
    lastEventAt: r.last_event_at,
    wrapUp: {
      seconds: r.team_wrap_up_seconds,
      hostileReportWindowSeconds: r.team_report_window_seconds,
    },
  };
}
