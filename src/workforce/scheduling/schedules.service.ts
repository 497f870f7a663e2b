import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock } from '../../platform/common/clock/clock';
import { badRequest, conflict, notFound } from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import { EventsService } from '../../platform/events/events.service';
import { ForecastsService } from '../forecasts/forecasts.service';
import { placeBreaks } from './break-placement';
import type {
  AgentShiftsQueryDto,
  EditShiftDto,
  ListSchedulesQueryDto,
  RequirementsPreviewQueryDto,
  ScheduleDto,
  ScheduleSummaryDto,
  ShiftDto,
} from './dto/schedule.dto';
import { coverageFor, coveredDialects } from './domain/coverage';
import { buildHorizon, slackGrid } from './generate-schedule';
import { toICalendar } from './ical';
import { PlanningContextService, toChecked } from './planning-context.service';
import type { CheckedShift } from './rule-checker';
import { SwapsService } from './swaps.service';
import { assertWithinSchedule, ShiftRulesService } from './shift-rules.service';
import type { ModelRequirement } from './schedule-model';
import { Schedule } from './schedule.entity';
import { Shift, ShiftBreak } from './shift.entity';

const iso = (ms: number) => new Date(ms).toISOString();

@Injectable()
export class SchedulesService {
  constructor(
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly forecasts: ForecastsService,
    private readonly context: PlanningContextService,
    private readonly shiftRules: ShiftRulesService,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly swaps: SwapsService,
  ) {}

  /** Schedules, newest first; `teamId` is the caller's team filter (see @TeamScope). */
  async list(query: ListSchedulesQueryDto, teamId?: string): Promise<Page<ScheduleSummaryDto>> {
    const [rows, total] = await this.schedules.findAndCount({
      where: teamId ? { teamId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(
      rows.map((s) => ({
        id: s.id,
        teamId: s.teamId,
        status: s.status,
        startDate: s.startDate,
        days: s.days,
        ...(s.objective !== null ? { objective: s.objective } : {}),
        ...(s.lowerBound !== null ? { lowerBound: s.lowerBound } : {}),
      })),
      total,
      query,
    );
  }

  async get(id: string): Promise<ScheduleDto> {
    const s = await this.schedules.findOne({ where: { id } });
    if (!s) throw notFound('Schedule');
    const shifts = await this.shifts.find({
      where: { scheduleId: id },
      order: { startsAt: 'ASC', agentId: 'ASC' },
    });
    return {
      id: s.id,
      teamId: s.teamId,
      status: s.status,
      ...(s.status === 'solving' ? { progress: s.progress } : {}),
      ...(s.objective !== null ? { objective: s.objective } : {}),
      ...(s.lowerBound !== null ? { lowerBound: s.lowerBound } : {}),
      ...(s.failureReason ? { failureReason: s.failureReason } : {}),
      startDate: s.startDate,
      days: s.days,
      intervalMinutes: s.intervalMinutes,
      shifts: shifts.map(toShiftDto),
      coverage: await this.currentCoverage(s, shifts),
      violations: s.violations as ScheduleDto['violations'],
      diagnostics: s.diagnostics as unknown as ScheduleDto['diagnostics'],
    };
  }

  /**
   * Coverage of the schedule's shifts as they are now (after time off, trades, picked-up open shifts
   * and repairs), not only as generated.
   */
  async currentCoverage(s: Schedule, shifts?: Shift[]): Promise<ScheduleDto['coverage']> {
    if (s.status === 'solving' || s.status === 'failed')
      return s.coverage as ScheduleDto['coverage'];
    const rows = shifts ?? (await this.shifts.find({ where: { scheduleId: s.id } }));
    const team = await this.agents.listForTeam(s.teamId);
    const dialectsOf = new Map(team.map((a) => [a.id, coveredDialects(a.dialects)]));
    return coverageFor(s.requirements, s.intervalMinutes, rows.map(toChecked), dialectsOf);
  }

  /**
   * Publishes a draft, audited as done `by`: its shifts go live (the exclusion constraint refuses
   * overlaps: 409 SHIFT_OVERLAP).
   */
  async publish(id: string, by: string): Promise<ScheduleDto> {
    await this.dataSource.transaction(async (manager) => {
      const s = await manager
        .getRepository(Schedule)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('Schedule');
      if (s.status !== 'draft')
        throw conflict(
          'SCHEDULE_NOT_DRAFT',
          `Only a draft can be published (this one is ${s.status})`,
          { status: s.status },
        );
      const live = await manager.getRepository(Shift).update({ scheduleId: id }, { live: true });
      const now = this.clock.now();
      await manager
        .getRepository(Schedule)
        .update({ id }, { status: 'published', publishedAt: now });
      // Every agent of the team hears of it: one event each, to that agent alone.
      const agentIds = await this.agents.idsInTeam(s.teamId, manager);
      await this.events.publish(
        manager,
        agentIds.map((agentId) => ({
          type: 'schedule.published',
          teamId: s.teamId,
          agentId,
          audience: ['agent'],
          payload: {
            scheduleId: id,
            startDate: s.startDate,
            days: s.days,
            publishedAt: now.toISOString(),
          },
          at: now,
        })),
      );
      await this.audit.record(manager, [
        {
          actor: by,
          action: 'schedule.published',
          subjectType: 'team',
          subjectId: s.teamId,
          details: {
            scheduleId: id,
            startDate: s.startDate,
            days: s.days,
            shifts: live.affected ?? 0,
          },
        },
      ]);
    });
    return this.get(id);
  }

  /**
   * Edits one shift of a draft or published schedule (409 RULE_VIOLATION names the first broken
   * rule); a shift given another agent or time voids its live swaps. With `dryRun`, checks the
   * rules and answers the shift it would be, changing nothing.
   */
  async editShift(
    scheduleId: string,
    shiftId: string,
    input: EditShiftDto,
    dryRun = false,
  ): Promise<ShiftDto> {
    const schedule = await this.schedules.findOne({ where: { id: scheduleId } });
    if (!schedule) throw notFound('Schedule');
    if (schedule.status !== 'draft' && schedule.status !== 'published')
      throw conflict('SCHEDULE_NOT_EDITABLE', `A ${schedule.status} schedule cannot be edited`);
    const shift = await this.shifts.findOne({ where: { id: shiftId, scheduleId } });
    if (!shift) throw notFound('Shift');
    const start = input.startsAt ? Date.parse(input.startsAt) : shift.startsAt.getTime();
    const end = input.endsAt ? Date.parse(input.endsAt) : shift.endsAt.getTime();
    if (end <= start)
      throw badRequest('VALIDATION_FAILED', 'endsAt must be after startsAt', {
        fields: [{ field: 'endsAt', messages: ['must be after startsAt'] }],
      });
    const agentId = input.agentId ?? shift.agentId;
    const newAgent = await this.agents.require(agentId);
    if (newAgent.teamId !== schedule.teamId)
      throw badRequest('AGENT_NOT_IN_TEAM', 'The agent is not in the schedule team', { agentId });
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    if (start !== shift.startsAt.getTime()) assertWithinSchedule(schedule, timeZone, start);
    let breaks: ShiftBreak[];
    const timesChanged = start !== shift.startsAt.getTime() || end !== shift.endsAt.getTime();
    if (input.breaks)
      breaks = input.breaks.map((b) => ({
        startsAt: iso(Date.parse(b.startsAt)),
        endsAt: iso(Date.parse(b.endsAt)),
        kind: b.kind,
      }));
    else if (timesChanged) {
      // Breaks go again where the rest of the schedule leaves the most coverage slack.
      const horizon = buildHorizon(
        schedule.startDate,
        schedule.days,
        timeZone,
        schedule.intervalMinutes,
      );
      const step = schedule.intervalMinutes * 60_000;
      const requirements: ModelRequirement[] = schedule.requirements.map((r) => ({
        interval: Math.round((Date.parse(r.start) - horizon.start) / step),
        dialect: r.dialect ?? null,
        agents: r.agents,
      }));
      const others = (await this.shifts.find({ where: { scheduleId } }))
        .filter((x) => x.id !== shiftId)
        .map(toChecked);
      const team = await this.agents.listForTeam(schedule.teamId);
      const dialectsOf = new Map(team.map((a) => [a.id, coveredDialects(a.dialects)]));
      const grid = slackGrid(
        horizon,
        requirements,
        [...others, { agentId, start, end, breaks: [] }],
        dialectsOf,
      );
      const placed = placeBreaks(
        [{ start, end, dialects: dialectsOf.get(agentId) ?? [] }],
        grid,
        rules,
      )[0];
      breaks = placed.map((b) => ({ startsAt: iso(b.start), endsAt: iso(b.end), kind: b.kind }));
    } else breaks = shift.breaks;
    const edited: CheckedShift = {
      agentId,
      start,
      end,
      breaks: breaks.map((b) => ({
        start: Date.parse(b.startsAt),
        end: Date.parse(b.endsAt),
        kind: b.kind,
      })),
    };
    await this.shiftRules.assertRulesHold(
      [{ old: shift, next: edited }],
      schedule.id,
      rules,
      timeZone,
    );
    if (dryRun)
      return toShiftDto({
        ...shift,
        agentId,
        startsAt: new Date(start),
        endsAt: new Date(end),
        breaks,
      });
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Shift)
        .update(
          { id: shiftId },
          { agentId, startsAt: new Date(start), endsAt: new Date(end), breaks },
        );
      const moved =
        agentId !== shift.agentId ||
        start !== shift.startsAt.getTime() ||
        end !== shift.endsAt.getTime();
      if (moved) await this.swaps.voidSwapsOf(manager, [shiftId], null, null);
    });
    return toShiftDto(await this.shifts.findOneByOrFail({ id: shiftId }));
  }

  async requirementsPreview(query: RequirementsPreviewQueryDto) {
    const { timeZone } = await this.context.forTeam(query.teamId);
    const horizon = buildHorizon(query.startDate, query.days, timeZone, query.intervalMinutes);
    return this.forecasts.staffedRequirements(
      query.teamId,
      new Date(horizon.start),
      new Date(horizon.dayStarts[horizon.dayStarts.length - 1]),
      query.intervalMinutes,
    );
  }

  /** Published shifts of an agent (who may read them is the authorisation policy's). */
  async agentShifts(agentId: string, query: AgentShiftsQueryDto): Promise<Page<ShiftDto>> {
    await this.agents.require(agentId);
    const qb = this.shifts
      .createQueryBuilder('s')
      .where('s.agent_id = :agentId AND s.live', { agentId })
      .orderBy('s.starts_at', 'ASC')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.from) qb.andWhere('s.ends_at > :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('s.starts_at < :to', { to: new Date(query.to) });
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toShiftDto), total, query);
  }

  async agentCalendar(agentId: string): Promise<string> {
    const agent = await this.agents.require(agentId);
    const rows = await this.shifts.find({
      where: { agentId, live: true },
      order: { startsAt: 'ASC' },
    });
    return toICalendar(
      agent.displayName,
      rows.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, breaks: s.breaks })),
      this.clock.now(),
    );
  }
}

export function toShiftDto(s: Shift): ShiftDto {
  return {
    id: s.id,
    scheduleId: s.scheduleId,
    agentId: s.agentId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    breaks: s.breaks,
  };
}
