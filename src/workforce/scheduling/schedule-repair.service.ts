import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, MoreThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { Clock } from '../../platform/common/clock/clock';
import { conflict, DomainError, notFound } from '../../platform/common/errors/domain-error';
import { coverageFor, coveredDialects } from './domain/coverage';
import { shortfallOf } from './domain/schedule-diagnostics';
import { pickAgentForGap, RepairCandidate } from './domain/repair';
import type { RepairResultDto } from './dto/open-shift.dto';
import { OpenShift } from './open-shift.entity';
import { OpenShiftsService } from './open-shifts.service';
import { PlanningContextService, toChecked } from './planning-context.service';
import { Schedule } from './schedule.entity';
import { Shift } from './shift.entity';

const AROUND_MS = 40 * 24 * 3_600_000;

/**
 * Repair of a published schedule after time off, trades and posted shifts: a greedy pass that hands each
 * open shift of the schedule (not yet started) to the qualified agent with the least work that week for
 * whom every rule holds. No other shift moves.
 */
@Injectable()
export class ScheduleRepairService {
  constructor(
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(OpenShift) private readonly openShifts: Repository<OpenShift>,
    private readonly agents: AgentsService,
    private readonly context: PlanningContextService,
    private readonly board: OpenShiftsService,
    private readonly clock: Clock,
  ) {}

  async repair(scheduleId: string): Promise<RepairResultDto> {
    const schedule = await this.schedules.findOne({ where: { id: scheduleId } });
    if (!schedule) throw notFound('Schedule');
    if (schedule.status !== 'published')
      throw conflict('SCHEDULE_NOT_PUBLISHED', 'Only a published schedule is repaired', {
        status: schedule.status,
      });
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    const gaps = await this.openShifts.find({
      where: { scheduleId, status: 'open', startsAt: MoreThanOrEqual(this.clock.now()) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const team = await this.agents.listForTeam(schedule.teamId);
    const dialectsOf = new Map(team.map((a) => [a.id, coveredDialects(a.dialects)]));
    const before = await this.shifts.find({ where: { scheduleId } });
    const shortfallBefore = shortfallOf(
      coverageFor(
        schedule.requirements,
        schedule.intervalMinutes,
        before.map(toChecked),
        dialectsOf,
      ),
      timeZone,
    );
    const filled: RepairResultDto['filled'] = [];
    const unfilled: RepairResultDto['unfilled'] = [];
    if (gaps.length) {
      const ids = team.map((a) => a.id);
      const lo = new Date(gaps[0].startsAt.getTime() - AROUND_MS);
      const hi = new Date(Math.max(...gaps.map((g) => g.endsAt.getTime())) + AROUND_MS);
      const around = await this.shifts.find({
        where: { agentId: In(ids), startsAt: LessThan(hi), endsAt: MoreThan(lo) },
      });
      const held = new Map<string, ReturnType<typeof toChecked>[]>(ids.map((id) => [id, []]));
      for (const s of around)
        if (s.live || s.scheduleId === scheduleId) held.get(s.agentId)?.push(toChecked(s));
      const blocked = await this.context.blocked(ids, lo, hi, undefined, timeZone);
      const contractMaxWeeklyMinutes = await this.context.contractMaxima(ids);
      const ctx = { rules, timeZone, blocked, contractMaxWeeklyMinutes };
      for (const gap of gaps) {
        const candidates: RepairCandidate[] = team.map((a) => ({
          agentId: a.id,
          dialects: dialectsOf.get(a.id) ?? [],
          shifts: held.get(a.id) ?? [],
        }));
        const next = {
          start: gap.startsAt.getTime(),
          end: gap.endsAt.getTime(),
          breaks: gap.breaks.map((b) => ({
            start: Date.parse(b.startsAt),
            end: Date.parse(b.endsAt),
            kind: b.kind,
          })),
          requiredDialects: gap.requiredDialects,
        };
        const pick = pickAgentForGap(next, candidates, ctx);
        if (pick.agentId === null) {
          unfilled.push({
            openShiftId: gap.id,
            reason: pick.reason,
            ...(pick.reason === 'RULES' && pick.firstViolation
              ? { rule: pick.firstViolation.rule }
              : {}),
          });
          continue;
        }
        try {
          // Checked again under the open shift's lock: an agent may have picked it up meanwhile.
          const shiftId = await this.board.take(gap.id, pick.agentId, rules, timeZone);
          held.get(pick.agentId)!.push({ agentId: pick.agentId, ...next });
          filled.push({
            openShiftId: gap.id,
            agentId: pick.agentId,
            shiftId,
            startsAt: gap.startsAt.toISOString(),
            endsAt: gap.endsAt.toISOString(),
          });
        } catch (e) {
          if (!(e instanceof DomainError) || e.statusCode !== 409) throw e;
          unfilled.push({
            openShiftId: gap.id,
            reason: e.code === 'OPEN_SHIFT_TAKEN' ? 'TAKEN' : 'RULES',
            ...(e.code === 'RULE_VIOLATION'
              ? { rule: (e.details as { rule?: string })?.rule }
              : {}),
          });
        }
      }
    }
    const after = await this.shifts.find({ where: { scheduleId } });
    const newIds = new Set(filled.map((f) => f.shiftId));
    return {
      scheduleId,
      filled,
      unfilled,
      keptShifts: after.filter((s) => !newIds.has(s.id)).length,
      shortfallBefore,
      shortfallAfter: shortfallOf(
        coverageFor(
          schedule.requirements,
          schedule.intervalMinutes,
          after.map(toChecked),
          dialectsOf,
        ),
        timeZone,
      ),
    };
  }
}
