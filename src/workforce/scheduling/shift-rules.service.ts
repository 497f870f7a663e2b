import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, MoreThan, Repository } from 'typeorm';
import { badRequest, DomainError } from '../../platform/common/errors/domain-error';
import { scheduleSpan, startsWithinSchedule } from './domain/schedule-days';
import type { LabourRules } from './labour-rules';
import { PlanningContextService, toChecked } from './planning-context.service';
import { CheckedShift, newViolations } from './rule-checker';
import { Shift } from './shift.entity';

const AROUND_MS = 40 * 24 * 3_600_000;

/** 400 OUTSIDE_SCHEDULE unless a shift starting at `start` falls on one of the schedule's days. */
export function assertWithinSchedule(
  schedule: { startDate: string; days: number },
  timeZone: string,
  start: number,
): void {
  const span = scheduleSpan(schedule.startDate, schedule.days, timeZone);
  if (!startsWithinSchedule(span, start))
    throw badRequest('OUTSIDE_SCHEDULE', "The shift must start on one of the schedule's days", {
      from: new Date(span.from).toISOString(),
      to: new Date(span.to).toISOString(),
    });
}

/** Checks a change to shifts against every labour rule, time off, unavailability and contract. */
@Injectable()
export class ShiftRulesService {
  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly context: PlanningContextService,
  ) {}

  /**
   * Throws 409 RULE_VIOLATION when replacing `changes[].old` by `changes[].next` (an `old` of null adds a
   * shift) adds a violation for any agent involved (their other shifts in this schedule and their live
   * shifts count).
   */
  async assertRulesHold(
    changes: Array<{ old: Shift | null; next: CheckedShift }>,
    scheduleId: string,
    rules: LabourRules,
    timeZone: string,
    manager?: EntityManager,
  ): Promise<void> {
    const agentIds = [
      ...new Set(changes.flatMap((c) => [c.next.agentId, ...(c.old ? [c.old.agentId] : [])])),
    ];
    const lo =
      Math.min(
        ...changes.map((c) => Math.min(c.old?.startsAt.getTime() ?? c.next.start, c.next.start)),
      ) - AROUND_MS;
    const hi =
      Math.max(...changes.map((c) => Math.max(c.old?.endsAt.getTime() ?? c.next.end, c.next.end))) +
      AROUND_MS;
    const others = await (manager?.getRepository(Shift) ?? this.shifts).find({
      where: {
        agentId: In(agentIds),
        startsAt: LessThan(new Date(hi)),
        endsAt: MoreThan(new Date(lo)),
      },
    });
    const relevant = new Map<string, Shift>();
    for (const s of others) if (s.live || s.scheduleId === scheduleId) relevant.set(s.id, s);
    for (const c of changes) if (c.old) relevant.set(c.old.id, c.old);
    const before = [...relevant.values()].map(toChecked);
    const changedIds = new Set(changes.flatMap((c) => (c.old ? [c.old.id] : [])));
    const after = [
      ...[...relevant.values()].filter((s) => !changedIds.has(s.id)).map(toChecked),
      ...changes.map((c) => c.next),
    ];
    const blocked = await this.context.blocked(
      agentIds,
      new Date(lo),
      new Date(hi),
      manager,
      timeZone,
    );
    const contractMaxWeeklyMinutes = await this.context.contractMaxima(agentIds, manager);
    const added = newViolations(before, after, {
      rules,
      timeZone,
      blocked,
      contractMaxWeeklyMinutes,
    });
    if (added.length)
      throw new DomainError(
        409,
        'RULE_VIOLATION',
        `The change breaks the rule ${added[0].rule}: ${added[0].message}`,
        { rule: added[0].rule, violations: added },
      );
  }
}
