import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest } from '../../platform/common/errors/domain-error';
import { TeamsService } from '../../people/teams/teams.service';
import type { TeamRosterDto } from './dto/team-roster.dto';

/** The longest span one roster read covers: four weeks and a bit, as the agent's page shows. */
export const ROSTER_MAX_DAYS = 35;

/**
 * Who of a team works when: the team's published shifts, names and times only, so agents can
 * find a colleague's shift to ask for in a trade.
 */
@Injectable()
export class TeamRosterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
  ) {}

  async roster(teamId: string, fromIso: string, toIso: string): Promise<TeamRosterDto> {
    const from = new Date(fromIso);
    const to = new Date(toIso);
    if (to <= from)
      throw badRequest('VALIDATION_FAILED', 'to must be after from', {
        fields: [{ field: 'to', messages: ['must be after from'] }],
      });
    if (to.getTime() - from.getTime() > ROSTER_MAX_DAYS * 86_400_000)
      throw badRequest('VALIDATION_FAILED', `At most ${ROSTER_MAX_DAYS} days at once`, {
        fields: [{ field: 'to', messages: [`must be at most ${ROSTER_MAX_DAYS} days after from`] }],
      });
    await this.teams.get(teamId);
    const rows: Array<{
      id: string;
      agent_id: string;
      display_name: string;
      starts_at: Date;
      ends_at: Date;
    }> = await this.dataSource.query(
      `SELECT s.id, s.agent_id, a.display_name, s.starts_at, s.ends_at
         FROM shifts s
         JOIN schedules sc ON sc.id = s.schedule_id
         JOIN agents a ON a.id = s.agent_id
        WHERE sc.team_id = $1 AND s.live AND s.ends_at > $2 AND s.starts_at < $3
        ORDER BY s.starts_at, a.display_name, s.id`,
      [teamId, from, to],
    );
    return {
      teamId,
      from: from.toISOString(),
      to: to.toISOString(),
      shifts: rows.map((r) => ({
        shiftId: r.id,
        agentId: r.agent_id,
        displayName: r.display_name,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
      })),
    };
  }
}
