import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { actorId, Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { notFound } from '../platform/common/errors/domain-error';
import { preparedQuery } from '../platform/database/prepared-query';
import { TeamsService } from '../people/teams/teams.service';
import type { PolicyAlert } from './break-policy';
import { AlertDto } from './dto/wellbeing.dto';

/** Supervisor alerts: recorded once per cause (dedupe key), listed and acknowledged per team. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  /** The alerts the policy decided for one call, once each. */
  async recordDecided(
    m: EntityManager,
    alerts: PolicyAlert[],
    agentId: string,
    teamId: string | null,
    callId: string,
    now: Date,
  ): Promise<void> {
    for (const a of alerts) {
      await preparedQuery(
        m,
        `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
        [teamId, agentId, a.kind, `${a.kind}:${callId}`, JSON.stringify({ ...a, callId }), now],
      );
    }
  }

  /** A call was routed to the agent during protected time (which kind is never said). */
  async recordProtectedTimeBreach(
    m: EntityManager,
    teamId: string | null,
    agentId: string,
    callId: string,
    answeredAt: Date,
    now: Date,
  ): Promise<void> {
    await preparedQuery(
      m,
      `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
       VALUES ($1, $2, 'routed_during_protected_time', $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        teamId,
        agentId,
        `routed_during_protected_time:${callId}`,
        JSON.stringify({ callId, answeredAt: answeredAt.toISOString() }),
        now,
      ],
    );
  }

  /**
   * An occupancy alert for one agent, unless one is still open for it or this window already had
   * one. Returns whether it was created.
   */
  async raiseOccupancy(
    m: EntityManager,
    teamId: string,
    agentId: string,
    windowKey: string,
    details: { occupancy: number; cap: number; windowMinutes: number },
    now: Date,
  ): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, details, created_at)
       SELECT $1, $2, 'occupancy_above_cap', $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM wellbeing_alerts WHERE agent_id = $2 AND kind = 'occupancy_above_cap' AND acknowledged_at IS NULL)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        teamId,
        agentId,
        `occupancy_above_cap:${agentId}:${windowKey}`,
        JSON.stringify(details),
        now,
      ],
    );
    return inserted.length > 0;
  }

  /** A team's alerts; its supervisors and admins only (the authorisation policy's). */
  async list(teamId: string, includeAcknowledged: boolean): Promise<AlertDto[]> {
    await this.teams.get(teamId);
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
