import { Injectable, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { actorId, hasRole, Principal } from '../auth/principal';
import { CallEndedContext, CallLifecycle, HostileFlaggedContext } from '../calls/call-lifecycle';
import { CallsService } from '../calls/calls.service';
import { LoadService } from '../calls/load.service';
import { Clock } from '../common/clock/clock';
import { badRequest, DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { withAdvisoryLock } from '../database/advisory-lock';
import type { NewScheduledState } from '../presence/presence-store';
import { PresenceService } from '../presence/presence.service';
import { SitesService } from '../sites/sites.service';
import { TeamsService } from '../teams/teams.service';
import {
  AgentHistory,
  decide,
  extendRecovery,
  PolicyDecision,
  PolicyEvent,
  RecoveryChange,
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

/**
 * Enforces the wellbeing policy: recovery after hostile calls, micro-breaks after long stretches,
 * escalation alerts for supervisors and confidential counselling offers for agents.
 */
@Injectable()
export class WellbeingService implements OnModuleInit {
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
    const history: AgentHistory = ctx.hostileSeverity
      ? {
          hostileCalls: await this.recentHostileCalls(
            ctx.manager,
            ctx.agentId,
            ctx.endedAt,
            policy,
          ),
          workingSince: null,
          callsSinceBreak: 0,
        }
      : {
          hostileCalls: [],
          ...(await this.stretch(ctx.manager, ctx.agentId, ctx.endedAt, ctx.now)),
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
      hostileCalls: await this.recentHostileCalls(
        ctx.manager,
        ctx.agentId,
        ctx.callEndedAt,
        policy,
      ),
      workingSince: null,
      callsSinceBreak: 0,
    };
    return this.apply(ctx.manager, policy, ctx.agentId, ctx.teamId, event, history, ctx.now);
  }

  private async recentHostileCalls(
    m: EntityManager,
    agentId: string,
    at: Date,
    policy: WellbeingPolicy,
  ) {
    const rows: Array<{ source_id: string; severity: number; call_ended_at: Date }> = await m.query(
      `SELECT source_id, severity, call_ended_at FROM wellbeing_grants
        WHERE agent_id = $1 AND kind = 'recovery' AND call_ended_at > $2 AND call_ended_at <= $3`,
      [agentId, new Date(at.getTime() - policy.shiftHours * 3600_000), at],
    );
    return rows.map((r) => ({ callId: r.source_id, severity: r.severity, at: r.call_ended_at }));
  }

  /** The agent's current stretch of work, from presence history (up to 12 hours back). */
  private async stretch(m: EntityManager, agentId: string, endedAt: Date, now: Date) {
    // Through the transaction's own connection: never a second connection while holding one.
    const intervals = await this.presence.history(
      [agentId],
      new Date(endedAt.getTime() - 12 * 3600_000),
      now,
      m,
    );
    // The call that just ended is already in the history if it was answered in an earlier batch.
    const last = intervals[intervals.length - 1];
    return workStretch(intervals, last?.state === 'on_call');
  }

  /** Records the decision (grant, alerts, offer, audit) and returns the state to schedule. */
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
    if (!d.nextState || !d.startsAt) return [];
    const callEndedAt = event.kind === 'call-ended' ? event.endedAt : event.callEndedAt!;
    const kind = d.nextState === 'recovery' ? 'recovery' : 'micro_break';
    // One statement: insert, or raise an existing grant; nothing comes back when it already covers this.
    const upserted: Array<{ inserted: boolean }> = await m.query(
      `INSERT INTO wellbeing_grants (kind, source_id, agent_id, team_id, severity, call_ended_at, granted_at, minimum_seconds, granted_seconds, effective_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (kind, source_id) DO UPDATE SET
         severity = GREATEST(wellbeing_grants.severity, EXCLUDED.severity),
         minimum_seconds = GREATEST(wellbeing_grants.minimum_seconds, EXCLUDED.minimum_seconds),
         granted_seconds = EXCLUDED.granted_seconds,
         effective_seconds = GREATEST(wellbeing_grants.effective_seconds, EXCLUDED.effective_seconds)
       WHERE wellbeing_grants.granted_seconds < EXCLUDED.granted_seconds
       RETURNING (xmax = 0) AS inserted`,
      [
        kind,
        event.callId,
        agentId,
        teamId,
        d.severity,
        callEndedAt,
        now,
        d.minimumSeconds,
        d.durationSeconds,
      ],
    );
    if (upserted.length === 0) return [];
    const before = !upserted[0].inserted;
    for (const a of d.alerts) {
      await m.query(
        `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          teamId,
          agentId,
          a.kind,
          `${a.kind}:${event.callId}`,
          JSON.stringify({ ...a, callId: event.callId }),
          now,
        ],
      );
    }
    for (const o of d.offers) {
      await m.query(
        `INSERT INTO wellbeing_offers (agent_id, kind, source_call_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (agent_id, source_call_id) DO NOTHING`,
        [agentId, o.kind, event.callId, now],
      );
    }
    const audit: AuditRecord = {
      actor: 'system',
      action: before
        ? 'recovery.raised'
        : d.nextState === 'recovery'
          ? 'recovery.enforced'
          : 'micro_break.enforced',
      subjectType: 'agent',
      subjectId: agentId,
      details: {
        callId: event.callId,
        severity: d.severity,
        durationSeconds: d.durationSeconds,
        startsAt: d.startsAt.toISOString(),
        alerts: d.alerts.map((a) => a.kind),
      },
    };
    await this.audit.record(m, [audit]);
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
      // A higher severity reported while its recovery runs extends that recovery (never a second one).
      const scheduled = await this.presence.scheduledBySource(m, HOSTILE_SOURCE_KIND, callId);
      const [grant] = await m.query(
        `SELECT granted_seconds FROM wellbeing_grants WHERE kind = 'recovery' AND source_id = $1`,
        [callId],
      );
      if (scheduled?.status === 'active' && scheduled.activatedAt && scheduled.endsAt && grant) {
        const needed = new Date(scheduled.activatedAt.getTime() + grant.granted_seconds * 1000);
        if (needed > scheduled.endsAt && needed > now)
          await this.presence.retime(m, call.agentId, 'recovery', needed);
      }
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
           SELECT id FROM wellbeing_grants WHERE agent_id = $1 AND kind = 'recovery' AND granted_at <= $3
            ORDER BY granted_at DESC LIMIT 1)`,
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

  /** The agent's open counselling offers (confidential: only the agent and the counselling feature). */
  async openOffersFor(agentId: string): Promise<OfferDto[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT id, kind, created_at FROM wellbeing_offers WHERE agent_id = $1 AND status = 'open' ORDER BY created_at DESC`,
      [agentId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.created_at.toISOString() }));
  }

  async myOffers(caller: Principal): Promise<OfferDto[]> {
    if (caller.kind !== 'user' || !caller.agentId)
      throw forbidden('Offers are shown to the agent only');
    return this.openOffersFor(caller.agentId);
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
