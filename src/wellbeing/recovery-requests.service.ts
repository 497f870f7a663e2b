import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { AuditService } from '../platform/audit/audit.service';
import { actorId, Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { badRequest, DomainError, notFound } from '../platform/common/errors/domain-error';
import { CallHistory } from '../routing/calls/call-history.service';
import { HostileFlags } from '../routing/calls/hostile-flags.service';
import { PresenceService } from '../routing/presence/presence.service';
import { ScheduledStates } from '../routing/presence/scheduled-states.service';
import { extendRecovery, RecoveryChange, shortenRecovery, WellbeingPolicy } from './break-policy';
import { HostileReportResultDto, RecoveryViewDto, ReportHostileDto } from './dto/wellbeing.dto';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

/** An agent may report a call as hostile up to this long after it ended. */
const AGENT_REPORT_WINDOW_MS = 30 * 60_000;

/**
 * What people ask of recovery: an agent or supervisor reports a hostile call (the policy then runs
 * through the call lifecycle), a supervisor shortens a running recovery, an agent extends its own.
 */
@Injectable()
export class RecoveryRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calls: CallHistory,
    private readonly hostileFlags: HostileFlags,
    private readonly presence: PresenceService,
    private readonly scheduledStates: ScheduledStates,
    private readonly agents: AgentsService,
    private readonly policies: WellbeingPoliciesService,
    private readonly audit: AuditService,
  ) {}
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
    // The agent who took the call or a supervisor of its team: the authorisation policy's.
    let source: 'agent' | 'supervisor' = 'supervisor';
    if (caller.kind === 'user' && caller.agentId === call.agentId) {
      if (call.endedAt && now.getTime() - call.endedAt.getTime() > AGENT_REPORT_WINDOW_MS)
        throw new DomainError(
          403,
          'REPORT_WINDOW_CLOSED',
          'Agents report a hostile call within 30 minutes of its end; ask a supervisor',
        );
      source = 'agent';
    }
    const reporter = caller.kind === 'user' ? caller.userId : '';
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO hostile_reports (call_id, agent_id, reported_by, source, severity, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [callId, call.agentId, reporter, source, body.severity, body.note ?? null, now],
      );
      const r = await this.hostileFlags.flagHostile(callId, body.severity, source, now, m);
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
    // Extend: the agent itself; shorten: a supervisor of its team (the authorisation policy's).
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
      await this.scheduledStates.retime(m, agentId, 'recovery', result.until);
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
}
