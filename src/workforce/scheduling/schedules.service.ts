import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, MoreThan, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { Clock } from '../../platform/common/clock/clock';
import {
  badRequest,
  conflict,
  DomainError,
  notFound,
} from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import { ForecastsService } from '../forecasts/forecasts.service';
import { TeamsService } from '../../people/teams/teams.service';
import { placeBreaks } from './break-placement';
import type {
  AgentShiftsQueryDto,
  EditShiftDto,
  GenerateScheduleDto,
  ListSchedulesQueryDto,
  RequirementsPreviewQueryDto,
  ScheduleDto,
  ScheduleSummaryDto,
  ShiftDto,
} from './dto/schedule.dto';
import {
  boundaryWindow,
  buildHorizon,
  fixedShiftsFor,
  generateSchedule,
  slackGrid,
} from './generate-schedule';
import { solveInWorker } from './highs-runner';
import { toICalendar } from './ical';
import {
  DIALECT_MIN_PROFICIENCY,
  PlanningContextService,
  toChecked,
} from './planning-context.service';
import { CheckedShift, newViolations } from './rule-checker';
import type { LabourRules } from './labour-rules';
import type { ModelRequirement } from './schedule-model';
import { Schedule } from './schedule.entity';
import { Shift, ShiftBreak } from './shift.entity';

const iso = (ms: number) => new Date(ms).toISOString();

@Injectable()
export class SchedulesService implements OnApplicationShutdown {
  private readonly logger = new Logger(SchedulesService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly forecasts: ForecastsService,
    private readonly context: PlanningContextService,
    private readonly teams: TeamsService,
    private readonly clock: Clock,
  ) {}

  /** Waits for background solves, so shutting down never cuts one off mid-write. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Accepts the request (202) and solves in the background; progress is kept on the schedule row. */
  async generate(input: GenerateScheduleDto): Promise<{ scheduleId: string; status: 'solving' }> {
    await this.teams.requireExists(input.teamId);
    const { timeZone } = await this.context.forTeam(input.teamId);
    const horizon = buildHorizon(input.startDate, input.days, timeZone, input.intervalMinutes);
    const from = new Date(horizon.start);
    const to = new Date(horizon.dayStarts[horizon.dayStarts.length - 1]);
    const requirements =
      input.requirements ??
      (await this.forecasts.requirementsFor(input.teamId, from, to, input.intervalMinutes));
    const step = input.intervalMinutes * 60_000;
    requirements.forEach((r, i) => {
      const t = Date.parse(r.start);
      if (t < horizon.start || t >= to.getTime() || (t - horizon.start) % step !== 0)
        throw badRequest(
          'VALIDATION_FAILED',
          'A requirement is off the interval grid of the horizon',
          {
            fields: [
              {
                field: `requirements.${i}.start`,
                messages: ['must be an interval start inside the horizon'],
              },
            ],
          },
        );
    });
    const schedule = await this.schedules.save(
      this.schedules.create({
        teamId: input.teamId,
        status: 'solving',
        progress: 0,
        startDate: input.startDate,
        days: input.days,
        intervalMinutes: input.intervalMinutes,
        requirements: requirements.map((r) => ({
          start: new Date(r.start).toISOString(),
          ...(r.dialect ? { dialect: r.dialect } : {}),
          agents: r.agents,
        })),
        createdAt: this.clock.now(),
        publishedAt: null,
        objective: null,
        lowerBound: null,
        failureReason: null,
      }),
    );
    const job = this.solve(schedule.id).catch(async (e: unknown) => {
      this.logger.error(`schedule ${schedule.id} failed: ${String(e)}`);
      await this.schedules
        .update(
          { id: schedule.id },
          { status: 'failed', failureReason: String((e as Error)?.message ?? e) },
        )
        .catch(() => undefined);
    });
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return { scheduleId: schedule.id, status: 'solving' };
  }

  private async solve(id: string): Promise<void> {
    const schedule = await this.schedules.findOneByOrFail({ id });
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    const horizon = buildHorizon(
      schedule.startDate,
      schedule.days,
      timeZone,
      schedule.intervalMinutes,
    );
    const from = new Date(horizon.start);
    const to = new Date(horizon.dayStarts[horizon.dayStarts.length - 1]);
    const team = await this.agents.listForTeam(schedule.teamId);
    const ids = team.map((a) => a.id);
    const blocked = await this.context.blocked(ids, from, to);
    // Published shifts before, inside and after the horizon: rest, overlap, and the daily, weekly,
    // days-off, consecutive-day and monthly rules reach across the horizon's edges.
    const reach = boundaryWindow(horizon.start, to.getTime(), timeZone, rules);
    const live = await this.context.liveShifts(ids, reach.from, reach.to);
    const agents = team.map((a) => ({
      id: a.id,
      dialects: a.dialects
        .filter((d) => d.proficiency >= DIALECT_MIN_PROFICIENCY)
        .map((d) => d.tag),
      blocked: (blocked.get(a.id) ?? []).map(({ start, end }) => ({ start, end })),
      fixedShifts: fixedShiftsFor(
        live.filter((x) => x.agentId === a.id).map(toChecked),
        horizon,
        timeZone,
      ),
    }));
    const step = schedule.intervalMinutes * 60_000;
    const requirements: ModelRequirement[] = schedule.requirements.map((r) => ({
      interval: Math.round((Date.parse(r.start) - horizon.start) / step),
      dialect: r.dialect ?? null,
      agents: r.agents,
    }));
    const result = await generateSchedule({
      agents,
      horizon,
      requirements,
      rules,
      timeZone,
      solve: (lp, options) => solveInWorker(lp, options),
      onProgress: async (progress) => {
        await this.schedules.update({ id }, { progress });
      },
    });
    if (result.objective === null) {
      await this.schedules.update(
        { id },
        {
          status: 'failed',
          progress: 1,
          failureReason: `The solver found no schedule (${result.status})`,
          lowerBound: result.lowerBound,
        },
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const rows = result.shifts.map((s) => ({
        scheduleId: id,
        agentId: s.agentId,
        startsAt: new Date(s.start),
        endsAt: new Date(s.end),
        breaks: s.breaks.map((b) => ({
          startsAt: iso(b.start),
          endsAt: iso(b.end),
          kind: b.kind,
        })),
        live: false,
      }));
      for (let i = 0; i < rows.length; i += 500)
        await manager.getRepository(Shift).insert(rows.slice(i, i + 500));
      await manager.getRepository(Schedule).update(
        { id },
        {
          status: result.violations.length === 0 ? 'draft' : 'failed',
          progress: 1,
          objective: result.objective,
          lowerBound: result.lowerBound,
          coverage: result.coverage,
          violations: result.violations,
          stats: { ...result.stats, solverStatus: result.status },
          failureReason: result.violations.length === 0 ? null : 'The schedule breaks labour rules',
        },
      );
    });
  }

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
      coverage: s.coverage as ScheduleDto['coverage'],
      violations: s.violations as ScheduleDto['violations'],
    };
  }

  /** Publishes a draft: its shifts go live (the exclusion constraint refuses overlaps: 409 SHIFT_OVERLAP). */
  async publish(id: string): Promise<ScheduleDto> {
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
      await manager.getRepository(Shift).update({ scheduleId: id }, { live: true });
      await manager
        .getRepository(Schedule)
        .update({ id }, { status: 'published', publishedAt: this.clock.now() });
    });
    return this.get(id);
  }

  /** Edits one shift of a draft or published schedule; 409 RULE_VIOLATION names the first broken rule. */
  async editShift(scheduleId: string, shiftId: string, input: EditShiftDto): Promise<ShiftDto> {
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
      const dialectsOf = new Map(
        team.map((a) => [
          a.id,
          a.dialects.filter((d) => d.proficiency >= DIALECT_MIN_PROFICIENCY).map((d) => d.tag),
        ]),
      );
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
    await this.assertRulesHold([{ old: shift, next: edited }], schedule, rules, timeZone);
    await this.shifts.update(
      { id: shiftId },
      { agentId, startsAt: new Date(start), endsAt: new Date(end), breaks },
    );
    return toShiftDto(await this.shifts.findOneByOrFail({ id: shiftId }));
  }

  /**
   * Throws 409 RULE_VIOLATION when replacing `changes[].old` by `changes[].next` adds a violation for any
   * agent involved (their other shifts in this schedule and their live shifts count).
   */
  async assertRulesHold(
    changes: Array<{ old: Shift; next: CheckedShift }>,
    schedule: Schedule,
    rules: LabourRules,
    timeZone: string,
    manager?: EntityManager,
  ): Promise<void> {
    const agentIds = [...new Set(changes.flatMap((c) => [c.old.agentId, c.next.agentId]))];
    const around = 40 * 24 * 3_600_000;
    const lo =
      Math.min(...changes.map((c) => Math.min(c.old.startsAt.getTime(), c.next.start))) - around;
    const hi =
      Math.max(...changes.map((c) => Math.max(c.old.endsAt.getTime(), c.next.end))) + around;
    const others = await (manager?.getRepository(Shift) ?? this.shifts).find({
      where: {
        agentId: In(agentIds),
        startsAt: LessThan(new Date(hi)),
        endsAt: MoreThan(new Date(lo)),
      },
    });
    const relevant = new Map<string, Shift>();
    for (const s of others) if (s.live || s.scheduleId === schedule.id) relevant.set(s.id, s);
    for (const c of changes) relevant.set(c.old.id, c.old);
    const before = [...relevant.values()].map(toChecked);
    const changedIds = new Set(changes.map((c) => c.old.id));
    const after = [
      ...[...relevant.values()].filter((s) => !changedIds.has(s.id)).map(toChecked),
      ...changes.map((c) => c.next),
    ];
    const blocked = await this.context.blocked(agentIds, new Date(lo), new Date(hi), manager);
    const added = newViolations(before, after, { rules, timeZone, blocked });
    if (added.length)
      throw new DomainError(
        409,
        'RULE_VIOLATION',
        `The change breaks the rule ${added[0].rule}: ${added[0].message}`,
        {
          rule: added[0].rule,
          violations: added,
        },
      );
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
