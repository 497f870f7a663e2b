import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, MoreThan, Repository } from 'typeorm';
import { SitesService } from '../../people/sites/sites.service';
import type { CheckedShift } from './rule-checker';
import { TeamsService } from '../../people/teams/teams.service';
import { LabourRules, withDefaults } from './labour-rules';
import { SiteLabourRules } from './site-labour-rules.entity';
import { Shift } from './shift.entity';
import { TimeOffRequest } from './time-off.entity';

/** Minimum proficiency for a dialect to count in coverage and swaps. */
export const DIALECT_MIN_PROFICIENCY = 3;

/** Everything rule checks need: a team's site rules and zone, agents' blocked times and shifts. */
@Injectable()
export class PlanningContextService {
  constructor(
    @InjectRepository(SiteLabourRules) private readonly siteRules: Repository<SiteLabourRules>,
    @InjectRepository(TimeOffRequest) private readonly timeOff: Repository<TimeOffRequest>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
  ) {}

  async rulesForSite(siteId: string): Promise<LabourRules> {
    const row = await this.siteRules.findOne({ where: { siteId } });
    return withDefaults(row?.rules);
  }

  async forTeam(
    teamId: string | null,
  ): Promise<{ rules: LabourRules; timeZone: string; siteId: string | null }> {
    if (!teamId) return { rules: withDefaults(null), timeZone: 'Asia/Shanghai', siteId: null };
    const team = await this.teams.get(teamId);
    const site = await this.sites.get(team.siteId);
    return { rules: await this.rulesForSite(site.id), timeZone: site.timeZone, siteId: site.id };
  }

  /** Approved time off and declared unavailability overlapping [from, to), per agent. */
  async blocked(
    agentIds: string[],
    from: Date,
    to: Date,
    manager?: EntityManager,
  ): Promise<Map<string, Array<{ start: number; end: number; reason: string }>>> {
    const out = new Map<string, Array<{ start: number; end: number; reason: string }>>();
    if (agentIds.length === 0) return out;
    const rows = await (manager?.getRepository(TimeOffRequest) ?? this.timeOff).find({
      where: {
        agentId: In(agentIds),
        status: 'approved',
        startsAt: LessThan(to),
        endsAt: MoreThan(from),
      },
    });
    for (const r of rows)
      out.set(r.agentId, [
        ...(out.get(r.agentId) ?? []),
        { start: r.startsAt.getTime(), end: r.endsAt.getTime(), reason: r.kind },
      ]);
    return out;
  }

  /** Live (published) shifts of these agents in [from, to). */
  liveShifts(agentIds: string[], from: Date, to: Date): Promise<Shift[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.shifts.find({
      where: { agentId: In(agentIds), live: true, startsAt: LessThan(to), endsAt: MoreThan(from) },
    });
  }
}

export const toChecked = (s: Shift): CheckedShift => ({
  agentId: s.agentId,
  start: s.startsAt.getTime(),
  end: s.endsAt.getTime(),
  breaks: s.breaks.map((b) => ({
    start: Date.parse(b.startsAt),
    end: Date.parse(b.endsAt),
    kind: b.kind,
  })),
});
