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
import { expandWeekly, mergeRanges } from './domain/work-profile';
import type { PlanningInput, PlanningRequirement, PlanningShift } from './domain/planning-input';
import { WorkProfilesService } from './work-profiles.service';

/** Everything rule checks need: a team's site rules and zone, agents' blocked times and shifts. */
@Injectable()
export class PlanningContextService {
  constructor(
    @InjectRepository(SiteLabourRules) private readonly siteRules: Repository<SiteLabourRules>,
    @InjectRepository(TimeOffRequest) private readonly timeOff: Repository<TimeOffRequest>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly workProfiles: WorkProfilesService,
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

  /**
   * Approved time off and declared unavailability overlapping [from, to), per agent; with the site's
   * zone, also the agents' recurring weekly unavailability (reason `unavailable`).
   */
  async blocked(
    agentIds: string[],
    from: Date,
    to: Date,
    manager?: EntityManager,
    timeZone?: string,
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
    if (timeZone) {
      const profiles = await this.workProfiles.profilesFor(agentIds, manager);
      for (const [agentId, p] of profiles)
        for (const r of expandWeekly(p.unavailability, from.getTime(), to.getTime(), timeZone))
          out.set(agentId, [...(out.get(agentId) ?? []), { ...r, reason: 'unavailable' }]);
    }
    return out;
  }

  /** Per agent with a contract maximum: paid minutes per calendar week. */
  async contractMaxima(agentIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    const profiles = await this.workProfiles.profilesFor(agentIds, manager);
    const out = new Map<string, number>();
    for (const [id, p] of profiles)
      if (p.maxWeeklyMinutes !== null) out.set(id, p.maxWeeklyMinutes);
    return out;
  }

  /** Live (published) shifts of these agents in [from, to). */
  liveShifts(agentIds: string[], from: Date, to: Date): Promise<Shift[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.shifts.find({
      where: { agentId: In(agentIds), live: true, startsAt: LessThan(to), endsAt: MoreThan(from) },
    });
  }

  /**
   * What the solver gets for a team over [from, to): agents with their dialects, contracts, absolute
   * unavailability (recurring availability expanded in the site's zone, approved time off, declared
   * unavailability), soft preferences and published shifts to respect; the team's shift settings.
   */
  async planningInput(args: {
    teamId: string;
    agents: Array<{ id: string; dialects: Array<{ tag: string; proficiency: number }> }>;
    startDate: string;
    days: number;
    intervalMinutes: number;
    timeZone: string;
    rules: LabourRules;
    from: Date;
    to: Date;
    requirements: PlanningRequirement[];
    fixedShifts?: Map<string, PlanningShift[]>;
  }): Promise<PlanningInput> {
    const ids = args.agents.map((a) => a.id);
    const blocked = await this.blocked(ids, args.from, args.to, undefined, args.timeZone);
    const profiles = await this.workProfiles.profilesFor(ids);
    const settings = await this.workProfiles.shiftSettingsFor(args.teamId);
    return {
      startDate: args.startDate,
      days: args.days,
      intervalMinutes: args.intervalMinutes,
      timeZone: args.timeZone,
      rules: args.rules,
      requirements: args.requirements,
      agents: args.agents.map((a) => {
        const p = profiles.get(a.id);
        const fixed = args.fixedShifts?.get(a.id);
        return {
          agentId: a.id,
          dialects: a.dialects.map(({ tag, proficiency }) => ({ tag, proficiency })),
          ...(p?.minWeeklyMinutes != null ? { minWeeklyMinutes: p.minWeeklyMinutes } : {}),
          ...(p?.maxWeeklyMinutes != null ? { maxWeeklyMinutes: p.maxWeeklyMinutes } : {}),
          unavailable: mergeRanges(blocked.get(a.id) ?? []),
          ...(p?.preferredStartEarliest && p.preferredStartLatest
            ? {
                preferredStartWindow: {
                  earliest: p.preferredStartEarliest,
                  latest: p.preferredStartLatest,
                },
              }
            : {}),
          ...(p?.preferredDaysOff.length ? { preferredDaysOff: p.preferredDaysOff } : {}),
          ...(fixed?.length ? { fixedShifts: fixed } : {}),
        };
      }),
      team: {
        ...(settings.shiftTemplates.length ? { shiftTemplates: settings.shiftTemplates } : {}),
        consistentStartTimes: settings.consistentStartTimes,
      },
    };
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
