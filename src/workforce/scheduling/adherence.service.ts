import { Injectable } from '@nestjs/common';
import { AgentsService } from '../../people/agents/agents.service';
import { Clock } from '../../platform/common/clock/clock';
import { assertSpan } from '../../platform/common/time/time-span';
import { TeamsService } from '../../people/teams/teams.service';
import { adherence, AdherenceShift, outOfAdherence } from './adherence';
import type { AdherenceDto, LiveAdherenceDto } from './dto/planning.dto';
import { PlanningContextService } from './planning-context.service';
import { PresenceHistoryReader } from './presence-history.reader';

@Injectable()
export class AdherenceService {
  constructor(
    private readonly context: PlanningContextService,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly presence: PresenceHistoryReader,
    private readonly clock: Clock,
  ) {}

  private async teamShifts(teamId: string, from: Date, to: Date): Promise<AdherenceShift[]> {
    await this.teams.get(teamId);
    const ids = (await this.agents.listForTeam(teamId)).map((a) => a.id);
    if (ids.length === 0) return [];
    const rows = await this.context.liveShifts(ids, from, to);
    return rows.map((s) => ({
      agentId: s.agentId,
      start: s.startsAt.getTime(),
      end: s.endsAt.getTime(),
      breaks: s.breaks.map((b) => ({ start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) })),
    }));
  }

  /** Per agent and interval, the share of published scheduled time in a matching presence state. */
  async report(teamId: string, from: Date, to: Date, intervalMinutes = 30): Promise<AdherenceDto> {
    assertSpan(from, to, 31);
    const shifts = await this.teamShifts(teamId, from, to);
    const presence = await this.presence.history(
      [...new Set(shifts.map((s) => s.agentId))],
      from,
      to,
    );
    const rows = adherence(
      shifts,
      presence,
      from.getTime(),
      to.getTime(),
      intervalMinutes,
      this.clock.now().getTime(),
    );
    return { items: rows.map((r) => ({ ...r, start: new Date(r.start).toISOString() })) };
  }

  /** Agents of the team who are on shift now but not in a matching state. */
  async live(teamId: string): Promise<LiveAdherenceDto> {
    const now = this.clock.now();
    const shifts = await this.teamShifts(teamId, now, new Date(now.getTime() + 1));
    const presence = await this.presence.history(
      [...new Set(shifts.map((s) => s.agentId))],
      now,
      new Date(now.getTime() + 1),
    );
    return {
      asOf: now.toISOString(),
      outOfAdherence: outOfAdherence(shifts, presence, now.getTime()).map((o) => ({
        ...o,
        since: new Date(o.since).toISOString(),
      })),
    };
  }
}
