import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRecord, AuditService } from '../platform/audit/audit.service';
import {
  CallEndedContext,
  CallLifecycle,
  HostileFlaggedContext,
  ProtectedTimeBreachContext,
} from '../routing/calls/call-lifecycle';
import { preparedQuery } from '../platform/database/prepared-query';
import type { NewScheduledState } from '../routing/presence/presence-store';
import { PresenceHistory } from '../routing/presence/presence-history.service';
import { ScheduledStates } from '../routing/presence/scheduled-states.service';
import { PublishedShiftsReader } from '../workforce/scheduling/published-shifts.reader';
import {
  AgentHistory,
  decide,
  PolicyDecision,
  PolicyEvent,
  RESTING_STATES,
  WellbeingPolicy,
  workStretch,
} from './break-policy';
import { AlertsService } from './alerts.service';
import { OffersService } from './offers.service';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

export const HOSTILE_SOURCE_KIND = 'hostile-call';
export const MICRO_BREAK_SOURCE_KIND = 'micro-break';
const MIN = 60_000;
/** How far back the continuous-work rule looks for the last break. */
const STRETCH_LOOKBACK_MS = 12 * 3600_000;

type HistoryInterval = Awaited<ReturnType<PresenceHistory['history']>>[number];

/**
 * The wellbeing policy on the call lifecycle: when a call ends or is flagged hostile, decides the
 * recovery or micro-break (break-policy.ts), records the grant and audit, and hands the state to
 * schedule back to the calls feature. Alerts and offers it decides are recorded by their services.
 */
@Injectable()
export class CallPolicyService implements OnModuleInit {
  /** Presence history read once per call-events transaction for all agents whose calls end in it. */
  private readonly batchHistories = new WeakMap<
    EntityManager,
    { from: number; byAgent: Map<string, HistoryInterval[]> }
  >();

  constructor(
    private readonly lifecycle: CallLifecycle,
    private readonly presenceHistory: PresenceHistory,
    private readonly scheduledStates: ScheduledStates,
    private readonly policies: WellbeingPoliciesService,
    private readonly audit: AuditService,
    private readonly shifts: PublishedShiftsReader,
    private readonly alerts: AlertsService,
    private readonly offers: OffersService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      afterCallEnded: (ctx) => this.afterCallEnded(ctx),
      afterHostileFlagged: (ctx) => this.afterHostileFlagged(ctx),
      afterProtectedTimeBreached: (ctx) => this.afterProtectedTimeBreached(ctx),
    });
  }

  /**
   * A call answered in protected time: the supervisor is alerted and the audit log has it, neither
   * saying which kind of protected time it was (a counselling session must not show).
   */
  async afterProtectedTimeBreached(ctx: ProtectedTimeBreachContext): Promise<void> {
    await this.alerts.recordProtectedTimeBreach(
      ctx.manager,
      ctx.teamId,
      ctx.agentId,
      ctx.callId,
      ctx.answeredAt,
      ctx.now,
    );
    await this.audit.record(ctx.manager, [
      {
        actor: 'system',
        action: 'routing.protected_time_breached',
        subjectType: 'agent',
        subjectId: ctx.agentId,
        details: { callId: ctx.callId, answeredAt: ctx.answeredAt.toISOString() },
      },
    ]);
  }

  /** Call-end hook: recovery for a hostile call, or a micro-break after long continuous work. */
  async afterCallEnded(ctx: CallEndedContext): Promise<NewScheduledState[]> {
    const policy = await this.policies.effective(ctx.teamId, ctx.manager);
    const event: PolicyEvent = {
      kind: 'call-ended',
      callId: ctx.callId,
      endedAt: ctx.endedAt,
      hostileSeverity: ctx.hostileSeverity,
    };
    // A hostile call needs the recent hostile calls; a plain one (or a hostile one when the policy
    // gives no recovery) the current stretch of work, for the micro-break rule.
    const hostile = ctx.hostileSeverity !== null && ctx.hostileSeverity > 0;
    const history: AgentHistory = {
      ...(hostile
        ? await this.hostileHistory(ctx.manager, ctx.agentId, ctx.endedAt, policy)
        : { hostileCalls: [] }),
      ...(hostile && policy.recoveryBreaksEnabled
        ? { workingSince: null, callsSinceBreak: 0 }
        : await this.stretch(ctx, ctx.endedAt)),
    };
    return this.apply(ctx.manager, policy, ctx.agentId, ctx.teamId, event, history, ctx.now);
  }

  /** Hostile-flag hook: a flag after the call ended starts the recovery now (after any call in progress). */
  async afterHostileFlagged(ctx: HostileFlaggedContext): Promise<NewScheduledState[]> {
    if (ctx.callEndedAt === null) return []; // applied by the call-end hook
    const policy = await this.policies.effective(ctx.teamId, ctx.manager);
    const event: PolicyEvent = {
      kind: 'hostile-flagged',
      callId: ctx.callId,
      severity: Math.max(ctx.severity, ctx.previousSeverity ?? 0),
      callEndedAt: ctx.callEndedAt,
    };
    const history: AgentHistory = {
      ...(await this.hostileHistory(ctx.manager, ctx.agentId, ctx.callEndedAt, policy)),
      workingSince: null,
      callsSinceBreak: 0,
    };
    return this.apply(ctx.manager, policy, ctx.agentId, ctx.teamId, event, history, ctx.now);
  }

  /**
   * The agent's hostile calls that count for a call ending at `at`: those in its published shift
   * containing the call (when schedules exist), else in the rolling `shiftHours` window, plus the
   * escalation window. Through the transaction's manager: never a second connection.
   */
  private async hostileHistory(
    m: EntityManager,
    agentId: string,
    at: Date,
    policy: WellbeingPolicy,
  ): Promise<Pick<AgentHistory, 'hostileCalls' | 'shift'>> {
    const shift = await this.shifts.shiftCovering(agentId, at, at, m);
    const lookBackMs = Math.max(policy.shiftHours * 60, policy.escalationWindowMinutes) * MIN;
    const from = Math.min(
      at.getTime() - lookBackMs,
      shift ? shift.startsAt.getTime() - 1 : Infinity,
    );
    const rows: Array<{ source_id: string; severity: number; call_ended_at: Date }> =
      await preparedQuery(
        m,
        `SELECT source_id, severity, call_ended_at FROM wellbeing_grants
        WHERE agent_id = $1 AND kind = 'recovery' AND call_ended_at > $2 AND call_ended_at <= $3`,
        [agentId, new Date(from), at],
      );
    return {
      hostileCalls: rows.map((r) => ({
        callId: r.source_id,
        severity: r.severity,
        at: r.call_ended_at,
      })),
      shift: shift ? { startsAt: shift.startsAt, endsAt: shift.endsAt } : null,
    };
  }

  /**
   * The agent's current stretch of work, from presence history (up to 12 hours back). The history
   * of every agent ending a call in the batch is read once per transaction, on its own connection.
   */
  private async stretch(ctx: CallEndedContext, endedAt: Date) {
    let batch = this.batchHistories.get(ctx.manager);
    if (!batch) {
      const agentIds = ctx.batchAgentIds; // every agent ending a call in the batch, this one included
      const intervals = await this.presenceHistory.historySinceLast(
        RESTING_STATES,
        agentIds,
        new Date(endedAt.getTime() - STRETCH_LOOKBACK_MS),
        ctx.now,
        ctx.manager,
      );
      batch = { from: endedAt.getTime() - STRETCH_LOOKBACK_MS, byAgent: new Map() };
      for (const id of agentIds) batch.byAgent.set(id, []);
      for (const iv of intervals) batch.byAgent.get(iv.agentId)?.push(iv);
      this.batchHistories.set(ctx.manager, batch);
    }
    let own = batch.byAgent.get(ctx.agentId);
    if (!own || endedAt.getTime() - STRETCH_LOOKBACK_MS < batch.from) {
      // An agent or an end time outside what was read for the batch: read it on its own.
      own = await this.presenceHistory.historySinceLast(
        RESTING_STATES,
        [ctx.agentId],
        new Date(endedAt.getTime() - STRETCH_LOOKBACK_MS),
        ctx.now,
        ctx.manager,
      );
    }
    const intervals = own.filter(
      (iv) => !iv.endedAt || iv.endedAt.getTime() > endedAt.getTime() - STRETCH_LOOKBACK_MS,
    );
    // The call that just ended is already in the history if it was answered in an earlier batch.
    const last = intervals[intervals.length - 1];
    return workStretch(intervals, last?.state === 'on_call');
  }

  /** Records the decision (grants, alerts, offer, audit) and returns the state to schedule. */
  private async apply(
    m: EntityManager,
    policy: WellbeingPolicy,
    agentId: string,
    teamId: string | null,
    event: PolicyEvent,
    history: AgentHistory,
    now: Date,
  ): Promise<NewScheduledState[]> {
    const d: PolicyDecision = decide(policy, history, event, now);
    const callEndedAt = event.kind === 'call-ended' ? event.endedAt : event.callEndedAt;
    if (!callEndedAt) return [];
    const grant = (kind: 'recovery' | 'micro_break', minimumSeconds: number, seconds: number) =>
      this.upsertGrant(m, kind, event.callId, agentId, teamId, d.severity, callEndedAt, now, {
        minimumSeconds,
        seconds,
      });
    const audit: AuditRecord[] = [];
    const details = (durationSeconds: number) => ({
      callId: event.callId,
      severity: d.severity,
      durationSeconds,
      ...(d.startsAt ? { startsAt: d.startsAt.toISOString() } : {}),
      alerts: d.alerts.map((a) => a.kind),
    });
    if (d.severity !== null) {
      // A hostile call is recorded as a recovery grant even when the policy gives no recovery (0 s):
      // escalation counts and the report's "full recovery" share see it either way.
      const recoverySeconds = d.nextState === 'recovery' ? d.durationSeconds : 0;
      const upserted = await grant('recovery', d.minimumSeconds, recoverySeconds);
      if (upserted === null) return []; // already recorded at least this severity and length
      if (upserted === 'raised' && d.nextState === 'recovery')
        await this.extendRunningRecovery(m, agentId, event.callId, d.durationSeconds, now);
      await this.alerts.recordDecided(m, d.alerts, agentId, teamId, event.callId, now);
      await this.offers.recordDecided(m, d.offers, agentId, event.callId, now);
      audit.push({
        actor: 'system',
        action:
          upserted === 'raised'
            ? 'recovery.raised'
            : d.nextState === 'recovery'
              ? 'recovery.enforced'
              : 'hostile_call.recorded',
        subjectType: 'agent',
        subjectId: agentId,
        details:
          d.nextState === 'recovery'
            ? details(d.durationSeconds)
            : { ...details(0), recoveryBreaksEnabled: policy.recoveryBreaksEnabled },
      });
    }
    if (d.nextState === 'break') {
      const upserted = await grant('micro_break', 0, d.durationSeconds);
      if (upserted !== null)
        audit.push({
          actor: 'system',
          action: 'micro_break.enforced',
          subjectType: 'agent',
          subjectId: agentId,
          details: details(d.durationSeconds),
        });
      else if (d.severity === null) return [];
    }
    await this.audit.record(m, audit);
    if (!d.nextState || !d.startsAt) return [];
    return [
      {
        agentId,
        state: d.nextState,
        reason: d.reason,
        // At call end: from the end (after wrap-up). A late report: from now, or after the call in progress.
        startsAt: d.startsAt,
        endsAt: null,
        durationSeconds: d.durationSeconds,
        sourceKind: d.nextState === 'recovery' ? HOSTILE_SOURCE_KIND : MICRO_BREAK_SOURCE_KIND,
        sourceId: event.callId,
      },
    ];
  }

  /**
   * A raised grant whose recovery is already running: extend it to the new length measured from its
   * start, never shorter, and never a second break. (A pending one is raised by re-scheduling it:
   * the scheduled state of one source keeps the greatest duration.) Inside the router's event
   * ingest, the calls feature re-reads the active state after this hook, so the new end holds.
   */
  private async extendRunningRecovery(
    m: EntityManager,
    agentId: string,
    callId: string,
    seconds: number,
    now: Date,
  ): Promise<void> {
    const running = await this.scheduledStates.scheduledBySource(m, HOSTILE_SOURCE_KIND, callId);
    if (running?.status !== 'active' || !running.activatedAt || !running.endsAt) return;
    if (running.endsAt.getTime() <= now.getTime()) return; // already over
    const needed = new Date(running.activatedAt.getTime() + seconds * 1000);
    if (needed.getTime() > running.endsAt.getTime())
      await this.scheduledStates.retime(m, agentId, 'recovery', needed);
  }

  /**
   * One statement: insert a grant, or raise an existing one (severity or length). Null when the
   * existing grant already covers this; otherwise whether it was inserted or raised.
   */
  private async upsertGrant(
    m: EntityManager,
    kind: 'recovery' | 'micro_break',
    callId: string,
    agentId: string,
    teamId: string | null,
    severity: number | null,
    callEndedAt: Date,
    now: Date,
    length: { minimumSeconds: number; seconds: number },
  ): Promise<'inserted' | 'raised' | null> {
    const rows: Array<{ inserted: boolean }> = await preparedQuery(
      m,
      `INSERT INTO wellbeing_grants (kind, source_id, agent_id, team_id, severity, call_ended_at, granted_at, minimum_seconds, granted_seconds, effective_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (kind, source_id) DO UPDATE SET
         severity = GREATEST(wellbeing_grants.severity, EXCLUDED.severity),
         minimum_seconds = GREATEST(wellbeing_grants.minimum_seconds, EXCLUDED.minimum_seconds),
         granted_seconds = GREATEST(wellbeing_grants.granted_seconds, EXCLUDED.granted_seconds),
         effective_seconds = GREATEST(wellbeing_grants.effective_seconds, EXCLUDED.effective_seconds)
       WHERE wellbeing_grants.granted_seconds < EXCLUDED.granted_seconds
          OR COALESCE(wellbeing_grants.severity, 0) < COALESCE(EXCLUDED.severity, 0)
       RETURNING (xmax = 0) AS inserted`,
      [
        kind,
        callId,
        agentId,
        teamId,
        severity,
        callEndedAt,
        now,
        length.minimumSeconds,
        length.seconds,
      ],
    );
    if (rows.length === 0) return null;
    return rows[0].inserted ? 'inserted' : 'raised';
  }
}
