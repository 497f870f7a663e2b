import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan, MoreThan, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { hasRole, Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/common/clock/clock';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
} from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import { CoverageChange, coverageChanges, coverageFor, coveredDialects } from './domain/coverage';
import type {
  ClaimedOpenShiftDto,
  ListOpenShiftsQueryDto,
  OpenShiftDto,
  PostOpenShiftDto,
  RemovedShiftDto,
} from './dto/open-shift.dto';
import { OpenShift } from './open-shift.entity';
import { PlanningContextService, toChecked } from './planning-context.service';
import { Schedule } from './schedule.entity';
import { assertWithinSchedule, ShiftRulesService } from './shift-rules.service';
import { Shift } from './shift.entity';

export const toOpenShiftDto = (o: OpenShift): OpenShiftDto => ({
  id: o.id,
  scheduleId: o.scheduleId,
  teamId: o.teamId,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  breaks: o.breaks,
  requiredDialects: o.requiredDialects,
  origin: o.origin,
  status: o.status,
  takenBy: o.takenBy,
});

/**
 * The open-shift board: shifts nobody holds (released by approved time off, or posted by a scheduler)
 * that agents of the team pick up, rule-checked. One winner per open shift: the row is locked and only
 * an `open` one is taken, and the taker's new shift carries the open shift's id under a unique key.
 */
@Injectable()
export class OpenShiftsService {
  constructor(
    @InjectRepository(OpenShift) private readonly openShifts: Repository<OpenShift>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly context: PlanningContextService,
    private readonly shiftRules: ShiftRulesService,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside the time-off approval's transaction: the agent's live shifts overlapping [from, to) that
   * have not ended leave the schedule and go on the board, needing the dialects the agent covered.
   */
  async releaseForTimeOff(
    manager: EntityManager,
    agentId: string,
    agentDialects: string[],
    from: Date,
    to: Date,
  ): Promise<Array<RemovedShiftDto & { shift: Shift }>> {
    const now = this.clock.now();
    const overlapping = await manager.getRepository(Shift).find({
      where: { agentId, live: true, startsAt: LessThan(to), endsAt: MoreThan(from) },
      lock: { mode: 'pessimistic_write' },
    });
    const out: Array<RemovedShiftDto & { shift: Shift }> = [];
    for (const shift of overlapping) {
      if (shift.endsAt <= now) continue;
      const schedule = await manager
        .getRepository(Schedule)
        .findOneByOrFail({ id: shift.scheduleId });
      const asked = new Set(schedule.requirements.map((r) => r.dialect).filter((d) => !!d));
      const open = await manager.getRepository(OpenShift).save(
        manager.getRepository(OpenShift).create({
          scheduleId: shift.scheduleId,
          teamId: schedule.teamId,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          breaks: shift.breaks,
          requiredDialects: agentDialects.filter((d) => asked.has(d)).sort(),
          origin: 'time_off',
          previousAgentId: agentId,
          status: 'open',
          takenBy: null,
          createdAt: now,
          decidedAt: null,
        }),
      );
      await manager.getRepository(Shift).delete({ id: shift.id });
      out.push({
        shiftId: shift.id,
        scheduleId: shift.scheduleId,
        startsAt: shift.startsAt.toISOString(),
        endsAt: shift.endsAt.toISOString(),
        openShiftId: open.id,
        shift,
      });
    }
    return out;
  }

  /**
   * What approving time off would do, without doing it: the agent's live shifts over [from, to) not yet
   * ended, and the coverage they would cost.
   */
  async previewRelease(
    agentId: string,
    from: Date,
    to: Date,
  ): Promise<{ shifts: Shift[]; coverageEffect: CoverageChange[] }> {
    const now = this.clock.now();
    const shifts = (
      await this.shifts.find({
        where: { agentId, live: true, startsAt: LessThan(to), endsAt: MoreThan(from) },
        order: { startsAt: 'ASC' },
      })
    ).filter((s) => s.endsAt > now);
    return { shifts, coverageEffect: await this.coverageEffect(shifts, true) };
  }

  /**
   * Requirement rows whose coverage changes when `removed` leave their schedules: read after the commit
   * (they are gone), or before it (`stillThere`, a preview).
   */
  async coverageEffect(removed: Shift[], stillThere = false): Promise<CoverageChange[]> {
    const out: CoverageChange[] = [];
    for (const scheduleId of [...new Set(removed.map((s) => s.scheduleId))]) {
      const schedule = await this.schedules.findOneByOrFail({ id: scheduleId });
      const gone = removed.filter((s) => s.scheduleId === scheduleId);
      const rows = schedule.requirements.filter((r) => {
        const t = Date.parse(r.start);
        return gone.some((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime());
      });
      const goneIds = new Set(gone.map((s) => s.id));
      const now = (await this.shifts.find({ where: { scheduleId } }))
        .filter((s) => !stillThere || !goneIds.has(s.id))
        .map(toChecked);
      const dialectsOf = await this.dialectsOfTeam(schedule.teamId);
      const after = coverageFor(rows, schedule.intervalMinutes, now, dialectsOf);
      const before = coverageFor(
        rows,
        schedule.intervalMinutes,
        [...now, ...gone.map(toChecked)],
        dialectsOf,
      );
      out.push(...coverageChanges(before, after));
    }
    return out;
  }

  async dialectsOfTeam(teamId: string): Promise<Map<string, string[]>> {
    const team = await this.agents.listForTeam(teamId);
    return new Map(team.map((a) => [a.id, coveredDialects(a.dialects)]));
  }

  /** Schedulers and supervisors see their team's board; agents their own team's. */
  async list(query: ListOpenShiftsQueryDto, caller: Principal): Promise<Page<OpenShiftDto>> {
    let teamId = query.teamId;
    if (!hasRole(caller, 'admin')) {
      if (caller.kind !== 'user' || !caller.teamId) throw forbidden('You have no team');
      if (teamId && teamId !== caller.teamId) throw forbidden("Another team's board");
      teamId = caller.teamId;
    }
    const where: Record<string, unknown> = {};
    if (teamId) where.teamId = teamId;
    if (query.scheduleId) where.scheduleId = query.scheduleId;
    if (query.status) where.status = query.status;
    const [rows, total] = await this.openShifts.findAndCount({
      where,
      order: { startsAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(rows.map(toOpenShiftDto), total, query);
  }

  /** A scheduler posts a shift of a published schedule for anyone qualified to pick up. */
  async post(scheduleId: string, input: PostOpenShiftDto): Promise<OpenShiftDto> {
    const schedule = await this.schedules.findOne({ where: { id: scheduleId } });
    if (!schedule) throw notFound('Schedule');
    if (schedule.status !== 'published')
      throw conflict('SCHEDULE_NOT_PUBLISHED', 'Open shifts belong to published schedules');
    const start = new Date(input.startsAt);
    const end = new Date(input.endsAt);
    if (end <= start)
      throw badRequest('VALIDATION_FAILED', 'endsAt must be after startsAt', {
        fields: [{ field: 'endsAt', messages: ['must be after startsAt'] }],
      });
    if (start <= this.clock.now())
      throw badRequest('START_IN_PAST', 'An open shift must start in the future');
    const { timeZone } = await this.context.forTeam(schedule.teamId);
    assertWithinSchedule(schedule, timeZone, start.getTime());
    const row = await this.openShifts.save(
      this.openShifts.create({
        scheduleId,
        teamId: schedule.teamId,
        startsAt: start,
        endsAt: end,
        breaks: [],
        requiredDialects: [...new Set(input.requiredDialects ?? [])].sort(),
        origin: 'manual',
        previousAgentId: null,
        status: 'open',
        takenBy: null,
        createdAt: this.clock.now(),
        decidedAt: null,
      }),
    );
    return toOpenShiftDto(row);
  }

  /** An agent of the team picks it up (or a scheduler assigns it), if every rule holds for them. */
  async claim(id: string, caller: Principal, onBehalfOf?: string): Promise<ClaimedOpenShiftDto> {
    const planner = hasRole(caller, 'scheduler', 'admin');
    const takerId =
      onBehalfOf && planner ? onBehalfOf : caller.kind === 'user' ? caller.agentId : null;
    if (!takerId) throw forbidden('Only an agent can pick up a shift');
    const seen = await this.openShifts.findOne({ where: { id } });
    if (!seen) throw notFound('Open shift');
    const taker = await this.agents.get(takerId);
    if (taker.teamId !== seen.teamId)
      throw forbidden('Only agents of the team can pick up its open shifts');
    const held = coveredDialects(taker.dialects);
    const missing = seen.requiredDialects.filter((d) => !held.includes(d));
    if (missing.length)
      throw conflict(
        'RULE_VIOLATION',
        `The taker lacks the dialects ${missing.join(', ')} at proficiency ≥ 3`,
        {
          rule: 'DIALECT',
          missing,
        },
      );
    const { rules, timeZone } = await this.context.forTeam(seen.teamId);
    const shiftId = await this.take(id, takerId, rules, timeZone);
    return { openShift: toOpenShiftDto(await this.openShifts.findOneByOrFail({ id })), shiftId };
  }

  /**
   * Under the open shift's row lock: still open and not started, every rule holds for the taker, then the
   * shift is created and the open shift taken. Returns the new shift's id.
   */
  async take(
    id: string,
    takerId: string,
    rules: Parameters<ShiftRulesService['assertRulesHold']>[2],
    timeZone: string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const open = await manager
        .getRepository(OpenShift)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!open) throw notFound('Open shift');
      if (open.status !== 'open')
        throw conflict('OPEN_SHIFT_TAKEN', `This open shift is ${open.status}`, {
          status: open.status,
        });
      if (open.startsAt <= this.clock.now())
        throw conflict('SHIFT_STARTED', 'A shift that has started cannot be picked up');
      const next = {
        agentId: takerId,
        start: open.startsAt.getTime(),
        end: open.endsAt.getTime(),
        breaks: open.breaks.map((b) => ({
          start: Date.parse(b.startsAt),
          end: Date.parse(b.endsAt),
          kind: b.kind,
        })),
      };
      await this.shiftRules.assertRulesHold(
        [{ old: null, next }],
        open.scheduleId,
        rules,
        timeZone,
        manager,
      );
      const shift = await manager.getRepository(Shift).save(
        manager.getRepository(Shift).create({
          scheduleId: open.scheduleId,
          agentId: takerId,
          startsAt: open.startsAt,
          endsAt: open.endsAt,
          breaks: open.breaks,
          live: true,
          openShiftId: open.id,
        }),
      );
      await manager
        .getRepository(OpenShift)
        .update(
          { id, status: 'open' },
          { status: 'taken', takenBy: takerId, decidedAt: this.clock.now() },
        );
      return shift.id;
    });
  }

  async cancel(id: string): Promise<OpenShiftDto> {
    const row = await this.openShifts.findOne({ where: { id } });
    if (!row) throw notFound('Open shift');
    const result = await this.openShifts.update(
      { id, status: 'open' },
      { status: 'cancelled', decidedAt: this.clock.now() },
    );
    if (!result.affected) throw conflict('OPEN_SHIFT_TAKEN', `This open shift is ${row.status}`);
    return toOpenShiftDto(await this.openShifts.findOneByOrFail({ id }));
  }
}
