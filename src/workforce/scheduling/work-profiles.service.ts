import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { TeamsService } from '../../people/teams/teams.service';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest } from '../../platform/common/errors/domain-error';
import { AgentWorkProfile } from './agent-work-profile.entity';
import { minutesOfDay } from './domain/work-profile';
import type { PutWorkProfileDto, ShiftSettingsDto, WorkProfileDto } from './dto/work-profile.dto';
import { TeamShiftSettings } from './team-shift-settings.entity';

const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

function toDto(agentId: string, p: AgentWorkProfile | null): WorkProfileDto {
  return {
    agentId,
    minWeeklyHours: hours(p?.minWeeklyMinutes ?? null),
    maxWeeklyHours: hours(p?.maxWeeklyMinutes ?? null),
    unavailability: p?.unavailability ?? [],
    preferredStartWindow:
      p?.preferredStartEarliest && p.preferredStartLatest
        ? { earliest: p.preferredStartEarliest, latest: p.preferredStartLatest }
        : null,
    preferredDaysOff: p?.preferredDaysOff ?? [],
  };
}

const invalid = (field: string, message: string) =>
  badRequest('VALIDATION_FAILED', `${field} ${message}`, {
    fields: [{ field, messages: [message] }],
  });

/** Agents' contracts and preferences, and teams' shift settings: what planning must and should respect. */
@Injectable()
export class WorkProfilesService {
  constructor(
    @InjectRepository(AgentWorkProfile) private readonly profiles: Repository<AgentWorkProfile>,
    @InjectRepository(TeamShiftSettings) private readonly settings: Repository<TeamShiftSettings>,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly clock: Clock,
  ) {}

  /** The agent reads its own; schedulers, supervisors and admins of its team read any. */
  async get(agentId: string): Promise<WorkProfileDto> {
    await this.agents.require(agentId);
    return toDto(agentId, await this.profiles.findOne({ where: { agentId } }));
  }

  /** Schedulers and admins of the agent's team replace the contract and preferences. */
  async put(agentId: string, input: PutWorkProfileDto): Promise<WorkProfileDto> {
    await this.agents.require(agentId);
    if (
      input.minWeeklyHours !== undefined &&
      input.maxWeeklyHours !== undefined &&
      input.minWeeklyHours > input.maxWeeklyHours
    )
      throw invalid('minWeeklyHours', 'must not exceed maxWeeklyHours');
    const window = input.preferredStartWindow;
    if (window && minutesOfDay(window.earliest) > minutesOfDay(window.latest))
      throw invalid('preferredStartWindow.latest', 'must not be before earliest');
    await this.profiles.upsert(
      {
        agentId,
        minWeeklyMinutes:
          input.minWeeklyHours === undefined ? null : Math.round(input.minWeeklyHours * 60),
        maxWeeklyMinutes:
          input.maxWeeklyHours === undefined ? null : Math.round(input.maxWeeklyHours * 60),
        unavailability: (input.unavailability ?? []).map(({ weekday, start, end }) => ({
          weekday,
          start,
          end,
        })),
        preferredStartEarliest: window?.earliest ?? null,
        preferredStartLatest: window?.latest ?? null,
        preferredDaysOff: [...new Set(input.preferredDaysOff ?? [])].sort(),
        updatedAt: this.clock.now(),
      },
      ['agentId'],
    );
    return this.get(agentId);
  }

  async getShiftSettings(teamId: string): Promise<ShiftSettingsDto> {
    await this.teams.get(teamId);
    return this.shiftSettingsFor(teamId);
  }

  async putShiftSettings(teamId: string, input: ShiftSettingsDto): Promise<ShiftSettingsDto> {
    await this.teams.get(teamId);
    await this.settings.upsert(
      {
        teamId,
        shiftTemplates: input.shiftTemplates.map(({ start, minutes }) => ({ start, minutes })),
        consistentStartTimes: input.consistentStartTimes,
        updatedAt: this.clock.now(),
      },
      ['teamId'],
    );
    return this.shiftSettingsFor(teamId);
  }

  async shiftSettingsFor(teamId: string): Promise<ShiftSettingsDto> {
    const row = await this.settings.findOne({ where: { teamId } });
    return {
      shiftTemplates: row?.shiftTemplates ?? [],
      consistentStartTimes: row?.consistentStartTimes ?? false,
    };
  }

  /** Through the caller's transaction manager when given: never a second connection under its locks. */
  async profilesFor(
    agentIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, AgentWorkProfile>> {
    if (agentIds.length === 0) return new Map();
    const rows = await (manager?.getRepository(AgentWorkProfile) ?? this.profiles).find({
      where: { agentId: In(agentIds) },
    });
    return new Map(rows.map((r) => [r.agentId, r]));
  }
}
