import type { RecentCallDto } from './dto/call-events.dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest, notFound } from '../../platform/common/errors/domain-error';
import { validationFailed } from '../../platform/common/errors/validation';
import {
  ENFORCED_STATES,
  enforcedAfterWrapUp,
  PresenceSnapshot,
  ScheduledState,
  settle,
  Settlement,
} from '../presence/presence-rules';
import type { NewScheduledState, PresenceChange } from '../presence/presence-store';
import { PresenceService } from '../presence/presence.service';
import { DEFAULT_TEAM_SETTINGS } from '../../people/teams/team-settings.entity';
import type { TeamSettingsValues } from '../../people/teams/teams.service';
import { CallLifecycle } from './call-lifecycle';
import { CallEventDto } from './dto/call-events.dto';
import { maxSeverityInBatch, payloadOf } from './call-event-fields';
import { LoadService } from './load.service';
import { preparedQuery } from '../../platform/database/prepared-query';

/** Events may be a little ahead of our clock (router clocks drift), not more. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

interface AgentProgress {
  snapshot: PresenceSnapshot;
  settlement: Settlement;
  scheduled: ScheduledState[];
  currentCallId?: string | null;
  lastEventAt?: Date;
}

/**
 * Ingests the router's call events: idempotent by eventId (the primary key decides, not a read),
 * all-or-nothing per batch, and a handful of bulk statements per batch whatever its size.
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agents: AgentsService,
    private readonly presence: PresenceService,
    private readonly lifecycle: CallLifecycle,
    private readonly load: LoadService,
  ) {}

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

  async ingest(events: CallEventDto[]): Promise<{ accepted: number; duplicates: number }> {
    const now = this.clock.now();
    this.checkBatch(events, now);
    const agentIds = [...new Set(events.map((e) => e.agentId))];
    const found = await this.agents.teamsOf(agentIds);
    const known = new Set(found.map((a) => a.id));
    const unknown = agentIds.filter((id) => !known.has(id));
    if (unknown.length)
      throw badRequest('UNKNOWN_AGENT', 'Events name agents that do not exist', {
        agentIds: unknown,
      });
    // Read before the transaction: a read on another pooled connection while holding one can starve the pool.
    const settings = new Map<string | null, TeamSettingsValues>();
    for (const teamId of new Set(found.map((a) => a.teamId))) {
      settings.set(teamId, await this.presence.settingsForTeam(teamId));
    }

    // The first occurrence of an eventId in the batch counts; a repeat inside the batch is a duplicate.
    const firsts = new Map<string, CallEventDto>();
    for (const e of events) if (!firsts.has(e.eventId)) firsts.set(e.eventId, e);
    const distinct = [...firsts.values()];

    return this.dataSource.transaction(async (m) => {
      const inserted: Array<{ event_id: string }> = await preparedQuery(
        m,
        `INSERT INTO call_events (event_id, type, call_id, agent_id, at, payload, received_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[], $7::timestamptz[])
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [
          distinct.map((e) => e.eventId),
          distinct.map((e) => e.type),
          distinct.map((e) => e.callId),
          distinct.map((e) => e.agentId),
          distinct.map((e) => new Date(e.at).toISOString()),
          distinct.map((e) => JSON.stringify(payloadOf(e))),
          distinct.map(() => now.toISOString()),
        ],
      );
      const fresh = new Set(inserted.map((r) => r.event_id));
      const newEvents = distinct
        .filter((e) => fresh.has(e.eventId))
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      if (newEvents.length) await this.apply(m, newEvents, now, settings);
      return { accepted: newEvents.length, duplicates: events.length - newEvents.length };
    });
  }

  /** Every event valid on its own passed the DTO; these checks need the batch and the clock. */
  private checkBatch(events: CallEventDto[], now: Date): void {
    const fields: Array<{ field: string; messages: string[] }> = [];
    const seen = new Map<string, string>();
    events.forEach((e, i) => {
      if (Date.parse(e.at) > now.getTime() + MAX_FUTURE_SKEW_MS)
        fields.push({ field: `events.${i}.at`, messages: ['is in the future'] });
      const fingerprint = JSON.stringify([
        e.type,
        e.callId,
        e.agentId,
        e.at,
        e.durationSeconds,
        e.severity,
        e.source,
      ]);
      const earlier = seen.get(e.eventId);
      if (earlier !== undefined && earlier !== fingerprint) {
        fields.push({
          field: `events.${i}.eventId`,
          messages: ['is repeated in this batch with different content'],
        });
      }
      seen.set(e.eventId, fingerprint);
    });
    if (fields.length) throw validationFailed(fields);
  }

  private async apply(
    m: EntityManager,
    events: CallEventDto[],
    now: Date,
    settings: Map<string | null, TeamSettingsValues>,
  ): Promise<void> {
    const endedEarlier = await this.callEnds(
      m,
      events.filter((e) => e.type === 'call.answered').map((e) => e.callId),
    );
    const previousSeverity = await this.upsertCalls(m, events);
    const agentIds = [...new Set(events.map((e) => e.agentId))];
    const rows = await this.presence.lock(m, agentIds, now);
    const scheduled = await this.presence.scheduledFor(m, agentIds);
    const endedInBatch = new Map(
      events.filter((e) => e.type === 'call.ended').map((e) => [e.callId, new Date(e.at)]),
    );
    const endingAgents = [
      ...new Set(events.filter((e) => e.type === 'call.ended').map((e) => e.agentId)),
    ];
    const callEnds = await this.callEnds(
      m,
      events.filter((e) => e.type === 'call.hostile').map((e) => e.callId),
    );

    const progress = new Map<string, AgentProgress>();
    for (const row of rows.values()) {
      progress.set(row.agentId, {
        snapshot: row,
        settlement: {
          steps: [],
          current: row,
          activated: [],
          completed: [],
          reservationLapsed: false,
        },
        scheduled: [...(scheduled.get(row.agentId) ?? [])],
      });
    }
    const settleTo = (p: AgentProgress, at: Date) => {
      const s = settle(p.settlement.current, p.scheduled, at);
      merge(p, s);
    };

    const answeredCalls: string[] = [];
    for (const e of events) {
      const p = progress.get(e.agentId)!;
      const row = rows.get(e.agentId)!;
      const at = new Date(e.at);
      p.lastEventAt = at;
      settleTo(p, at);
      const cur = p.settlement.current;
      const since = new Date(Math.max(at.getTime(), cur.since.getTime()));
      if (e.type === 'call.answered') {
        answeredCalls.push(e.callId);
        // Out of order: the call already ended in an earlier batch, so it holds the agent no more.
        if (endedEarlier.has(e.callId)) continue;
        const breach = protectedTimeAt(cur, p.scheduled, since);
        // A late call that ended before the protected time began did not interrupt it.
        const endedAt = endedInBatch.get(e.callId);
        if (breach && endedAt && endedAt.getTime() <= cur.since.getTime()) continue;
        p.currentCallId = e.callId;
        if (cur.state !== 'on_call') {
          const next: PresenceSnapshot = {
            ...cur,
            state: 'on_call',
            reason: null,
            since,
            until: null,
            consecutiveLapses: 0,
          };
          if (breach) {
            await this.recordBreach(m, p, breach, since);
            if (cur.state === 'not_ready') {
              // The agent's own not_ready comes back after the call, as a session would.
              next.returnState = 'not_ready';
              next.returnReason = cur.reason;
            }
            await this.lifecycle.protectedTimeBreached({
              agentId: e.agentId,
              teamId: row.teamId,
              callId: e.callId,
              answeredAt: since,
              now,
              manager: m,
            });
          }
          step(p, next);
        }
      } else if (e.type === 'call.ended') {
        const callOfAgent = p.currentCallId !== undefined ? p.currentCallId : row.currentCallId;
        const onThisCall =
          cur.state !== 'on_call' || callOfAgent === null || callOfAgent === e.callId;
        if (['on_call', 'reserved', 'available', 'not_ready'].includes(cur.state) && onThisCall) {
          // A counselling session already due starts when the call ends (issue: "moves in when the
          // call ends"): no wrap-up eats into the booked time.
          // (A session that resumes after a breach has no fixed end: it waits for the wrap-up.)
          const sessionDue = p.scheduled.some(
            (s) =>
              s.status === 'pending' &&
              s.state === 'counseling' &&
              s.endsAt !== null &&
              s.startsAt.getTime() <= since.getTime() &&
              s.endsAt.getTime() > since.getTime(),
          );
          // Every wrap-up includes the team's window to report a hostile call.
          const team = settings.get(row.teamId) ?? DEFAULT_TEAM_SETTINGS;
          const wrap = sessionDue
            ? 0
            : Math.max(team.wrapUpSeconds, team.hostileReportWindowSeconds);
          step(p, {
            ...cur,
            state: 'wrap_up',
            reason: null,
            since,
            until: new Date(since.getTime() + wrap * 1000),
          });
        }
        const severity =
          Math.max(
            previousSeverity.get(e.callId)?.severity ?? 0,
            maxSeverityInBatch(events, e.callId, at),
          ) || null;
        const extra = await this.lifecycle.callEnded({
          agentId: e.agentId,
          teamId: row.teamId,
          callId: e.callId,
          endedAt: at,
          hostileSeverity: severity,
          now,
          manager: m,
          batchAgentIds: endingAgents,
        });
        await this.addScheduled(m, p, extra);
      } else {
        // A flag no later than an end in this same batch is seen by the call-end hook (not a late flag).
        const inBatch = endedInBatch.get(e.callId);
        const ended = inBatch ?? callEnds.get(e.callId) ?? null;
        const endedBefore =
          ended && (inBatch ? ended.getTime() < at.getTime() : ended.getTime() <= at.getTime())
            ? ended
            : null;
        const extra = await this.lifecycle.hostileFlagged({
          agentId: e.agentId,
          teamId: row.teamId,
          callId: e.callId,
          severity: e.severity!,
          source: e.source!,
          callEndedAt: endedBefore,
          previousSeverity: previousSeverity.get(e.callId)?.severity ?? null,
          now,
          manager: m,
        });
        await this.addScheduled(m, p, extra);
        // A late flag may have lengthened a recovery already running: take its new end from the store.
        await this.reloadActive(m, p, e.agentId);
      }
    }

    const changes: PresenceChange[] = [];
    for (const [agentId, p] of progress) {
      settleTo(p, now);
      changes.push({
        row: rows.get(agentId)!,
        settlement: p.settlement,
        currentCallId: p.currentCallId,
        lastEventAt: p.lastEventAt ?? null,
      });
    }
    await this.presence.persist(m, changes);
    if (answeredCalls.length) {
      await preparedQuery(
        m,
        `UPDATE reservations SET status = 'accepted', decided_at = $2 WHERE status = 'held' AND call_id = ANY($1::text[])`,
        [answeredCalls, now],
      );
      await this.lifecycle.callsAnswered({ callIds: answeredCalls, now, manager: m });
    }
    const loadAgents = [
      ...new Set(events.filter((e) => e.type !== 'call.answered').map((e) => e.agentId)),
    ];
    await this.load.refreshSnapshots(m, loadAgents, now);
  }

  /**
   * A call answered in an enforced state: the state waits for the call and its wrap-up, then resumes
   * for at least the time it still had left (same source, so cancelling or erasing it still works).
   */
  private async recordBreach(
    m: EntityManager,
    p: AgentProgress,
    breach: ProtectedTime,
    answeredAt: Date,
  ): Promise<void> {
    if (breach.kind !== 'running') return;
    const item = p.scheduled.find((s) => s.status === 'active' && s.state === breach.state);
    const remaining = Math.max(
      0,
      Math.ceil((breach.until.getTime() - answeredAt.getTime()) / 1000),
    );
    if (!item || remaining === 0) return;
    Object.assign(item, {
      status: 'pending',
      startsAt: answeredAt,
      endsAt: null,
      durationSeconds: remaining,
    });
    await this.presence.resumeAfterCall(m, item.id, answeredAt, remaining);
  }

  /** Schedules what a hook asked for, and lets the agent's settlement see it at once. */
  private async addScheduled(
    m: EntityManager,
    p: AgentProgress,
    states: NewScheduledState[],
  ): Promise<void> {
    if (states.length === 0) return;
    const added = await this.presence.addScheduled(m, states);
    p.scheduled = [
      ...p.scheduled.filter((s) => !added.some((a) => a.id === s.id)),
      ...added.filter((a) => a.status === 'pending'),
    ];
  }

  /** Re-reads the agent's active scheduled state after a hook, so this batch does not write back a stale end. */
  private async reloadActive(m: EntityManager, p: AgentProgress, agentId: string): Promise<void> {
    const fresh = (await this.presence.scheduledFor(m, [agentId])).get(agentId) ?? [];
    for (const item of p.scheduled) {
      const stored = fresh.find((f) => f.id === item.id);
      if (!stored || stored.status !== 'active' || !stored.endsAt) continue;
      item.endsAt = stored.endsAt;
      const cur = p.settlement.current;
      if (
        cur.state === stored.state &&
        cur.until &&
        cur.until.getTime() !== stored.endsAt.getTime()
      )
        p.settlement = { ...p.settlement, current: { ...cur, until: stored.endsAt } };
    }
  }

  /** Upserts the calls table from the batch; returns each hostile-flagged call's severity before the batch. */
  private async upsertCalls(
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

  private async callEnds(m: EntityManager, callIds: string[]): Promise<Map<string, Date>> {
    if (callIds.length === 0) return new Map();
    const rows: Array<{ call_id: string; ended_at: Date | null }> = await preparedQuery(
      m,
      `SELECT call_id, ended_at FROM calls WHERE call_id = ANY($1::text[]) AND ended_at IS NOT NULL`,
      [callIds],
    );
    return new Map(rows.map((r) => [r.call_id, r.ended_at!]));
  }

  /**
   * Records a person's hostile report on a call (a re-report only raises the severity) and runs the
   * lifecycle hooks, scheduling what they ask for inside the caller's transaction.
   * Returns the severity the call had before, or throws 404 when the call is unknown.
   */
  async flagHostile(
    callId: string,
    severity: number,
    source: 'agent' | 'supervisor' | 'sentiment',
    at: Date,
    manager: EntityManager,
  ): Promise<{ previousSeverity: number | null; severity: number }> {
    const [call] = await manager.query(
      `SELECT call_id, agent_id, ended_at, hostile_severity FROM calls WHERE call_id = $1 FOR UPDATE`,
      [callId],
    );
    if (!call) throw notFound('Call');
    const previousSeverity: number | null = call.hostile_severity;
    await manager.query(
      `UPDATE calls SET
         hostile_source = CASE WHEN $2 > COALESCE(hostile_severity, 0) THEN $3 ELSE hostile_source END,
         hostile_severity = GREATEST(hostile_severity, $2::smallint),
         hostile_at = COALESCE(hostile_at, $4)
       WHERE call_id = $1`,
      [callId, severity, source, at],
    );
    const now = this.clock.now();
    const [agent] = await this.agents.teamsOf([call.agent_id]);
    const states = await this.lifecycle.hostileFlagged({
      agentId: call.agent_id,
      teamId: agent?.teamId ?? null,
      callId,
      severity,
      source,
      callEndedAt: call.ended_at,
      previousSeverity,
      now,
      manager,
    });
    await this.presence.schedule(states, manager);
    await this.load.refreshSnapshots(manager, [call.agent_id], now);
    return { previousSeverity, severity: Math.max(previousSeverity ?? 0, severity) };
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

type ProtectedTime =
  | { kind: 'running'; state: PresenceSnapshot['state']; until: Date }
  | { kind: 'due' }
  | { kind: 'agents-own' };

/** Whether an agent in `cur` is in protected time at `at`, and which sort (never told outside). */
function protectedTimeAt(
  cur: PresenceSnapshot,
  scheduled: ScheduledState[],
  at: Date,
): ProtectedTime | null {
  if (ENFORCED_STATES.includes(cur.state) && cur.until && cur.until.getTime() > at.getTime())
    return { kind: 'running', state: cur.state, until: cur.until };
  if (cur.state === 'not_ready' && cur.heldByAgent) return { kind: 'agents-own' };
  if (cur.state === 'wrap_up') {
    if (cur.returnState === 'not_ready' && cur.heldByAgent) return { kind: 'agents-own' };
    if (enforcedAfterWrapUp(cur, scheduled)) return { kind: 'due' };
  }
  return null;
}

function step(p: AgentProgress, next: PresenceSnapshot): void {
  p.settlement = {
    ...p.settlement,
    steps: [
      ...p.settlement.steps,
      { state: next.state, reason: next.reason, since: next.since, until: next.until },
    ],
    current: next,
  };
}

function merge(p: AgentProgress, s: Settlement): void {
  p.settlement = {
    steps: [...p.settlement.steps, ...s.steps],
    current: s.current,
    activated: [...p.settlement.activated, ...s.activated],
    completed: [...p.settlement.completed, ...s.completed],
    reservationLapsed: p.settlement.reservationLapsed || s.reservationLapsed,
    deferred: [...(p.settlement.deferred ?? []), ...(s.deferred ?? [])],
  };
  for (const d of s.deferred ?? []) {
    const item = p.scheduled.find((x) => x.id === d.id);
    if (item) Object.assign(item, { endsAt: null, durationSeconds: d.durationSeconds });
  }
  for (const a of s.activated) {
    const item = p.scheduled.find((x) => x.id === a.id);
    if (item) Object.assign(item, { status: 'active', endsAt: a.endsAt });
  }
  p.scheduled = p.scheduled.filter((x) => !s.completed.includes(x.id));
}
