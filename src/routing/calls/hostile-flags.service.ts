import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { Clock } from '../../platform/common/clock/clock';
import { notFound } from '../../platform/common/errors/domain-error';
import { ScheduledStates } from '../presence/scheduled-states.service';
import { CallLifecycle } from './call-lifecycle';
import { LoadService } from './load.service';

/** A person's hostile report on a call (the router's own flags arrive as events, in the ingest). */
@Injectable()
export class HostileFlags {
  constructor(
    private readonly clock: Clock,
    private readonly agents: AgentsService,
    private readonly scheduledStates: ScheduledStates,
    private readonly lifecycle: CallLifecycle,
    private readonly load: LoadService,
  ) {}

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
    await this.scheduledStates.schedule(states, manager);
    await this.load.refreshSnapshots(manager, [call.agent_id], now);
    return { previousSeverity, severity: Math.max(previousSeverity ?? 0, severity) };
  }
}
