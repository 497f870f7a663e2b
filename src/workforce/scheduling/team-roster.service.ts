import { Injectable } from '@nestjs/common';
import { AgentsService } from '../../people/agents/agents.service';
import { TeamsService } from '../../people/teams/teams.service';
import { assertSpan } from '../../platform/common/time/time-span';
import type { TeamRosterDto } from './dto/team-roster.dto';
import { PlanningContextService } from './planning-context.service';

/** The longest span one roster read covers: four weeks and a bit, as the agent's page shows. */
export const ROSTER_MAX_DAYS = 35;

/**
 * Who of a team works when: its agents' published shifts, names and times only, so agents can
 * find a colleague's shift to ask for in a trade.
 */
@Injectable()
export class TeamRosterService {
  constructor(
    private readonly teams: TeamsService,
    private readonly agents: AgentsService,
    private readonly context: PlanningContextService,
  ) {}

  async roster(teamId: string, fromIso: string, toIso: string): Promise<TeamRosterDto> {
    const from = new Date(fromIso);
    const to = new Date(toIso);
    assertSpan(from, to, ROSTER_MAX_DAYS);
    await this.teams.get(teamId);
    const team = await this.agents.listForTeam(teamId);
    const nameOf = new Map(team.map((a) => [a.id, a.displayName]));
    const shifts = await this.context.liveShifts([...nameOf.keys()], from, to);
    const rows = shifts.map((s) => ({
      shiftId: s.id,
      agentId: s.agentId,
      displayName: nameOf.get(s.agentId)!,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    }));
    rows.sort(
      (a, b) =>
        a.startsAt.localeCompare(b.startsAt) ||
        a.displayName.localeCompare(b.displayName) ||
        a.shiftId.localeCompare(b.shiftId),
    );
    return { teamId, from: from.toISOString(), to: to.toISOString(), shifts: rows };
  }
}
