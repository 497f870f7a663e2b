import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { SitesService } from '../people/sites/sites.service';
import { TeamsService } from '../people/teams/teams.service';
import { badRequest } from '../platform/common/errors/domain-error';
import { CallHistory } from '../routing/calls/call-history.service';
import { PresenceHistory } from '../routing/presence/presence-history.service';
import { WellbeingReportDto } from './dto/wellbeing.dto';

/** The daily wellbeing report of a team: aggregates only, no names. */
@Injectable()
export class WellbeingReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly calls: CallHistory,
    private readonly presenceHistory: PresenceHistory,
  ) {}

  /** The team's day: hostile calls per agent (a distribution, no names), recovery granted, micro-breaks. */
  async report(teamId: string, date: string): Promise<WellbeingReportDto> {
    const team = await this.teams.get(teamId);
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
    const teamAgents = await this.agents.listForTeam(teamId);
    const perAgent = new Map<string, number>();
    for (const a of teamAgents) perAgent.set(a.id, 0);
    for (const g of recoveries) perAgent.set(g.agent_id, (perAgent.get(g.agent_id) ?? 0) + 1);
    const buckets = new Map<number, number>();
    for (const n of perAgent.values()) buckets.set(n, (buckets.get(n) ?? 0) + 1);
    const full = recoveries.filter((g) => g.effective_seconds >= g.minimum_seconds).length;
    // Did the recovery really come before the next customer? Asked of the presence history.
    const hostile = await this.calls.hostileCallsEnded(
      teamAgents.map((a) => a.id),
      from,
      to,
    );
    const recovered = await this.presenceHistory.recoveryBeforeNextCall(
      hostile.map((c) => ({ key: c.callId, agentId: c.agentId, after: c.endedAt })),
    );
    const recoveredFirst = [...recovered.values()].filter(Boolean).length;
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
      hostileCallsRecoveredBeforeNextCall: recoveredFirst,
      recoveryBeforeNextCallShare: hostile.length ? recoveredFirst / hostile.length : null,
    };
  }
}
