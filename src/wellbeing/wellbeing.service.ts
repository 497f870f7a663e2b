import { Injectable, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { AuditRecord, AuditService } from '../platform/audit/audit.service';
import { actorId, hasRole, Principal } from '../platform/auth/principal';
import {
  CallEndedContext,
  CallLifecycle,
  HostileFlaggedContext,
} from '../routing/calls/call-lifecycle';
import { CallsService } from '../routing/calls/calls.service';
import { LoadService } from '../routing/calls/load.service';
import { Clock } from '../platform/common/clock/clock';
import { CounselingService } from '../counseling/counseling.service';
import {
  badRequest,
  DomainError,
  forbidden,
  notFound,
} from '../platform/common/errors/domain-error';
import { withAdvisoryLock } from '../platform/database/advisory-lock';
import { preparedQuery } from '../platform/database/prepared-query';
import type { NewScheduledState } from '../routing/presence/presence-store';
import { PresenceService } from '../routing/presence/presence.service';
import { PublishedShiftsReader } from '../workforce/scheduling/published-shifts.reader';
import { SitesService } from '../people/sites/sites.service';
import { TeamsService } from '../people/teams/teams.service';
import {
  AgentHistory,
  decide,
  extendRecovery,
  PolicyDecision,
  PolicyEvent,
  RecoveryChange,
  RESTING_STATES,
  shortenRecovery,
  WellbeingPolicy,
  workStretch,
} from './break-policy';
import {
  AlertDto,
  HostileReportResultDto,
  OfferDto,
  RecoveryViewDto,
  ReportHostileDto,
  WellbeingReportDto,
} from './dto/wellbeing.dto';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

export const HOSTILE_SOURCE_KIND = 'hostile-call';
export const MICRO_BREAK_SOURCE_KIND = 'micro-break';
/** An agent may report a call as hostile up to this long after it ended. */
const AGENT_REPORT_WINDOW_MS = 30 * 60_000;
const MIN = 60_000;
/** How far back the continuous-work rule looks for the last break. */
const STRETCH_LOOKBACK_MS = 12 * 3600_000;
/** Slots suggested with a counselling offer. */
const SUGGESTED_SLOTS = 3;

type HistoryInterval = Awaited<ReturnType<PresenceService['history']>>[number];

/**
 * Enforces the wellbeing policy: recovery after hostile calls, micro-breaks after long stretches,
 * escalation alerts for supervisors and confidential counselling offers for agents.
 */
@Injectable()
export class WellbeingService implements OnModuleInit {
  /** Presence history read once per call-events transaction for all agents whose calls end in it. */
  private readonly batchHistories = new WeakMap<
    EntityManager,
    { from: number; byAgent: Map<string, HistoryInterval[]> }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly lifecycle: CallLifecycle,
    private readonly calls: CallsService,
    private readonly load: LoadService,
    private readonly presence: PresenceService,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly policies: WellbeingPoliciesService,
    private readonly audit: AuditService,
    private readonly shifts: PublishedShiftsReader,
    private readonly counseling: CounselingService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      afterCallEnded: (ctx) => this.afterCallEnded(ctx),
      afterHostileFlagged: (ctx) => this.afterHostileFlagged(ctx),
    });
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
      const intervals = await this.presence.historySinceLast(
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
      own = await this.presence.historySinceLast(
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
      await this.recordAlertsAndOffers(m, d, agentId, teamId, event.callId, now);
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
    const running = await this.presence.scheduledBySource(m, HOSTILE_SOURCE_KIND, callId);
    if (running?.status !== 'active' || !running.activatedAt || !running.endsAt) return;
    if (running.endsAt.getTime() <= now.getTime()) return; // already over
    const needed = new Date(running.activatedAt.getTime() + seconds * 1000);
    if (needed.getTime() > running.endsAt.getTime())
      await this.presence.retime(m, agentId, 'recovery', needed);
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

  private async recordAlertsAndOffers(
    m: EntityManager,
    d: PolicyDecision,
    agentId: string,
    teamId: string | null,
    callId: string,
    now: Date,
  ): Promise<void> {
    for (const a of d.alerts) {
      await preparedQuery(
        m,
        `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
        [teamId, agentId, a.kind, `${a.kind}:${callId}`, JSON.stringify({ ...a, callId }), now],
      );
    }
    for (const o of d.offers) {
      await preparedQuery(
        m,
        `INSERT INTO wellbeing_offers (agent_id, kind, source_call_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (agent_id, source_call_id) DO NOTHING`,
        [agentId, o.kind, callId, now],
      );
    }
  }

  /**
   * POST /v1/calls/{callId}/hostile: by the agent who took the call (within 30 min of its end) or a
   * supervisor of its team. A re-report raises the severity; it never stacks a second recovery.
   */
  async reportHostile(
    callId: string,
    body: ReportHostileDto,
    caller: Principal,
  ): Promise<HostileReportResultDto> {
    const now = this.clock.now();
    const call = await this.calls.findCall(callId);
    if (!call) throw notFound('Call');
    const agent = await this.agents.require(call.agentId);
    let source: 'agent' | 'supervisor';
    if (caller.kind === 'user' && caller.agentId === call.agentId) {
      if (call.endedAt && now.getTime() - call.endedAt.getTime() > AGENT_REPORT_WINDOW_MS)
        throw new DomainError(
          403,
          'REPORT_WINDOW_CLOSED',
          'Agents report a hostile call within 30 minutes of its end; ask a supervisor',
        );
      source = 'agent';
    } else if (
      caller.kind === 'user' &&
      hasRole(caller, 'supervisor') &&
      agent.teamId !== null &&
      caller.teamId === agent.teamId
    ) {
      source = 'supervisor';
    } else {
      throw forbidden('Only the agent who took the call or a supervisor of its team may report it');
    }
    const reporter = caller.kind === 'user' ? caller.userId : '';
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO hostile_reports (call_id, agent_id, reported_by, source, severity, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [callId, call.agentId, reporter, source, body.severity, body.note ?? null, now],
      );
      const r = await this.calls.flagHostile(callId, body.severity, source, now, m);
      // The hook raised the grant (and a running recovery) if this report raised the severity.
      const [grant] = await m.query(
        `SELECT granted_seconds FROM wellbeing_grants WHERE kind = 'recovery' AND source_id = $1`,
        [callId],
      );
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: 'call.hostile_reported',
          subjectType: 'call',
          subjectId: callId,
          details: {
            agentId: call.agentId,
            severity: body.severity,
            previousSeverity: r.previousSeverity,
            source,
          },
        },
      ]);
      return {
        callId,
        agentId: call.agentId,
        severity: r.severity,
        previousSeverity: r.previousSeverity,
        recoveryMinutes: grant ? grant.granted_seconds / 60 : 0,
      };
    });
  }

  /** A supervisor shortens a running recovery (with a reason), never below the policy floor. */
  shortenRecovery(
    agentId: string,
    totalMinutes: number,
    reason: string,
    caller: Principal,
  ): Promise<RecoveryViewDto> {
    return this.changeRecovery(
      agentId,
      caller,
      'shorten',
      (policy, since, until, now) => shortenRecovery(policy, since, until, totalMinutes, now),
      { reason },
    );
  }

  /** The agent extends its own running recovery, up to the policy maximum in total. */
  extendRecovery(agentId: string, minutes: number, caller: Principal): Promise<RecoveryViewDto> {
    return this.changeRecovery(
      agentId,
      caller,
      'extend',
      (policy, since, until) => extendRecovery(policy, since, until, minutes),
      { minutes },
    );
  }

  private async changeRecovery(
    agentId: string,
    caller: Principal,
    kind: 'shorten' | 'extend',
    change: (policy: WellbeingPolicy, since: Date, until: Date, now: Date) => RecoveryChange,
    why: Record<string, unknown>,
  ): Promise<RecoveryViewDto> {
    const agent = await this.agents.require(agentId);
    if (kind === 'extend' && !(caller.kind === 'user' && caller.agentId === agentId))
      throw forbidden('Only the agent extends its own recovery');
    if (
      kind === 'shorten' &&
      !(
        hasRole(caller, 'admin') ||
        (caller.kind === 'user' &&
          hasRole(caller, 'supervisor') &&
          agent.teamId !== null &&
          caller.teamId === agent.teamId)
      )
    )
      throw forbidden('Only a supervisor of the agent’s team shortens its recovery');
    const now = this.clock.now();
    const policy = await this.policies.effective(agent.teamId);
    return this.dataSource.transaction(async (m) => {
      const [row] = await this.presence.settleLocked(m, [agentId], now);
      if (row.state !== 'recovery' || !row.until)
        throw new DomainError(409, 'NOT_IN_RECOVERY', 'The agent is not in a recovery break');
      const result = change(policy, row.since, row.until, now);
      if (!result.ok) {
        const messages: Record<string, string> = {
          BELOW_RECOVERY_FLOOR: `A recovery break lasts at least ${result.limit} minutes from its start`,
          ABOVE_RECOVERY_MAXIMUM: `A recovery break lasts at most ${result.limit} minutes in total`,
          NOT_SHORTER: 'That is not shorter than the recovery break already is',
        };
        throw badRequest(result.code, messages[result.code], { limitMinutes: result.limit });
      }
      await this.presence.retime(m, agentId, 'recovery', result.until);
      const effective = Math.round(result.totalMinutes * 60);
      await m.query(
        `UPDATE wellbeing_grants SET effective_seconds = $2 WHERE id = (
           SELECT id FROM wellbeing_grants WHERE agent_id = $1 AND kind = 'recovery' AND granted_seconds > 0
              AND granted_at <= $3 ORDER BY granted_at DESC LIMIT 1)`,
        [agentId, effective, now],
      );
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: kind === 'shorten' ? 'recovery.shortened' : 'recovery.extended',
          subjectType: 'agent',
          subjectId: agentId,
          details: {
            ...why,
            startedAt: row.since.toISOString(),
            fromUntil: row.until.toISOString(),
            toUntil: result.until.toISOString(),
          },
        },
      ]);
      const [after] = await this.presence.settleLocked(m, [agentId], now);
      return {
        agentId,
        state: after.state,
        since: after.since.toISOString(),
        ...(after.until ? { until: after.until.toISOString() } : {}),
        totalMinutes: result.totalMinutes,
      };
    });
  }

  private assertTeamReader(teamId: string, caller: Principal): void {
    if (hasRole(caller, 'admin')) return;
    if (caller.kind === 'user' && hasRole(caller, 'supervisor') && caller.teamId === teamId) return;
    throw forbidden('Supervisors see their own team');
  }

  async alerts(
    teamId: string,
    includeAcknowledged: boolean,
    caller: Principal,
  ): Promise<AlertDto[]> {
    await this.teams.get(teamId);
    this.assertTeamReader(teamId, caller);
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM wellbeing_alerts WHERE team_id = $1 AND ($2 OR acknowledged_at IS NULL)
        ORDER BY created_at DESC, id LIMIT 500`,
      [teamId, includeAcknowledged],
    );
    return rows.map(toAlertDto);
  }

  async acknowledge(alertId: string, caller: Principal): Promise<AlertDto> {
    const [alert] = await this.dataSource.query(`SELECT * FROM wellbeing_alerts WHERE id = $1`, [
      alertId,
    ]);
    if (!alert) throw notFound('Alert');
    if (alert.team_id) this.assertTeamReader(alert.team_id, caller);
    else if (!hasRole(caller, 'admin')) throw forbidden();
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const [[row]] = await m.query(
        `UPDATE wellbeing_alerts SET acknowledged_at = COALESCE(acknowledged_at, $2),
           acknowledged_by = COALESCE(acknowledged_by, $3) WHERE id = $1 RETURNING *`,
        [alertId, now, caller.kind === 'user' ? caller.userId : null],
      );
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: 'alert.acknowledged',
          subjectType: 'alert',
          subjectId: alertId,
          details: { kind: row.kind },
        },
      ]);
      return toAlertDto(row);
    });
  }

  /** The agent's open counselling offers (confidential: only the agent sees them). */
  private async openOffersFor(agentId: string): Promise<Array<Omit<OfferDto, 'suggestedSlots'>>> {
    const rows: any[] = await this.dataSource.query(
      `SELECT id, kind, created_at FROM wellbeing_offers WHERE agent_id = $1 AND status = 'open' ORDER BY created_at DESC`,
      [agentId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.created_at.toISOString() }));
  }

  /** The calling agent's open offers, each with a few suggested slots computed now. */
  async myOffers(caller: Principal): Promise<OfferDto[]> {
    if (caller.kind !== 'user' || !caller.agentId)
      throw forbidden('Offers are shown to the agent only');
    const offers = await this.openOffersFor(caller.agentId);
    if (offers.length === 0) return [];
    const slots = await this.counseling.suggestSlots(
      caller.agentId,
      SUGGESTED_SLOTS,
      this.clock.now(),
    );
    return offers.map((o) => ({ ...o, suggestedSlots: slots }));
  }

  /**
   * Sweep step: alerts a team's supervisors when an agent's occupancy stayed above the team's cap for
   * the policy's window. One open (unacknowledged) alert per agent at a time. One replica at a time.
   */
  async checkOccupancy(now: Date = this.clock.now()): Promise<number> {
    const created = await withAdvisoryLock(this.dataSource, 'wellbeing-occupancy', async (m) => {
      const agents = (await this.presence.loggedIn(null, m)).filter((a) => a.teamId);
      const byTeam = new Map<string, string[]>();
      for (const a of agents) byTeam.set(a.teamId!, [...(byTeam.get(a.teamId!) ?? []), a.agentId]);
      let count = 0;
      for (const [teamId, ids] of byTeam) {
        const policy = await this.policies.effective(teamId, m);
        const cap = (await this.teams.settingsFor(teamId)).occupancyCap;
        const window = policy.occupancyAlertMinutes;
        const loads = await this.load.loadFor(ids, window);
        for (const [agentId, l] of loads) {
          // Above the cap over the whole window, staffed for (nearly) all of it.
          if (l.occupancy <= cap || l.staffedSeconds < window * 60 * 0.9) continue;
          const inserted = await m.query(
            `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
             SELECT $1, $2, 'occupancy_above_cap', $3, $4, $5
              WHERE NOT EXISTS (SELECT 1 FROM wellbeing_alerts WHERE agent_id = $2 AND kind = 'occupancy_above_cap' AND acknowledged_at IS NULL)
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
            [
              teamId,
              agentId,
              `occupancy_above_cap:${agentId}:${Math.floor(now.getTime() / (window * MIN))}`,
              JSON.stringify({ occupancy: l.occupancy, cap, windowMinutes: window }),
              now,
            ],
          );
          count += inserted.length;
        }
      }
      return count;
    });
    return created ?? 0;
  }

  /** The team's day: hostile calls per agent (a distribution, no names), recovery granted, micro-breaks. */
  async report(teamId: string, date: string, caller: Principal): Promise<WellbeingReportDto> {
    const team = await this.teams.get(teamId);
    this.assertTeamReader(teamId, caller);
    const timeZone = (await this.sites.get(team.siteId)).timeZone;
    const day = DateTime.fromISO(date, { zone: timeZone });
    if (!day.isValid)
      throw badRequest('VALIDATION_FAILED', 'date must be a calendar day', {
        fields: [{ field: 'date', messages: ['must be a valid YYYY-MM-DD day'] }],
      });
    const from = day.startOf('day').toJSDate();
    const to = day.plus({ days: 1 }).startOf('day').toJSDate();
    const grants: Array<{
      kind: string;
      agent_id: string;
      minimum_seconds: number;
      effective_seconds: number;
    }> = await this.dataSource.query(
      `SELECT kind, agent_id, minimum_seconds, effective_seconds FROM wellbeing_grants
          WHERE team_id = $1 AND call_ended_at >= $2 AND call_ended_at < $3`,
      [teamId, from, to],
    );
    const recoveries = grants.filter((g) => g.kind === 'recovery');
    const perAgent = new Map<string, number>();
    for (const a of await this.agents.listForTeam(teamId)) perAgent.set(a.id, 0);
    for (const g of recoveries) perAgent.set(g.agent_id, (perAgent.get(g.agent_id) ?? 0) + 1);
    const buckets = new Map<number, number>();
    for (const n of perAgent.values()) buckets.set(n, (buckets.get(n) ?? 0) + 1);
    const full = recoveries.filter((g) => g.effective_seconds >= g.minimum_seconds).length;
    return {
      teamId,
      date,
      timeZone,
      hostileCalls: recoveries.length,
      hostileCallsPerAgent: [...buckets.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([hostileCalls, agents]) => ({ hostileCalls, agents })),
      recoveryMinutesGranted:
        Math.round((recoveries.reduce((s, g) => s + g.effective_seconds, 0) / 60) * 10) / 10,
      hostileCallsWithFullRecovery: full,
      fullRecoveryShare: recoveries.length ? full / recoveries.length : null,
      microBreaksGiven: grants.length - recoveries.length,
    };
  }
}

function toAlertDto(r: any): AlertDto {
  return {
    id: r.id,
    teamId: r.team_id,
    agentId: r.agent_id,
    kind: r.kind,
    details: r.details,
    createdAt: r.created_at.toISOString(),
    ...(r.acknowledged_at ? { acknowledgedAt: r.acknowledged_at.toISOString() } : {}),
    ...(r.acknowledged_by ? { acknowledgedBy: r.acknowledged_by } : {}),
  };
}
