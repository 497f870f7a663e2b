import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { hasRole, Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/common/clock/clock';
import { conflict, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import type { ListSwapsQueryDto, SwapDto } from './dto/planning.dto';
import {
  DIALECT_MIN_PROFICIENCY,
  PlanningContextService,
  toChecked,
} from './planning-context.service';
import { Schedule } from './schedule.entity';
import { SchedulesService } from './schedules.service';
import { ShiftSwap } from './shift-swap.entity';
import { Shift } from './shift.entity';

@Injectable()
export class SwapsService {
  constructor(
    @InjectRepository(ShiftSwap) private readonly swaps: Repository<ShiftSwap>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly context: PlanningContextService,
    private readonly schedulesService: SchedulesService,
    private readonly clock: Clock,
  ) {}

  /**
   * Dialects a taker must hold (proficiency ≥ 3): those of the offering agent that the schedule's
   * requirements ask for, so dialect coverage survives the swap.
   */
  private async requiredDialects(shift: Shift, schedule: Schedule): Promise<string[]> {
    const offering = await this.agents.get(shift.agentId);
    const asked = new Set(
      schedule.requirements.map((r) => r.dialect).filter((d): d is string => !!d),
    );
    return offering.dialects
      .filter((d) => d.proficiency >= DIALECT_MIN_PROFICIENCY && asked.has(d.tag))
      .map((d) => d.tag)
      .sort();
  }

  private async toDto(s: ShiftSwap): Promise<SwapDto> {
    const shift = await this.shifts.findOneByOrFail({ id: s.shiftId });
    const schedule = await this.schedules.findOneByOrFail({ id: shift.scheduleId });
    return {
      id: s.id,
      shiftId: s.shiftId,
      offeredBy: s.offeredBy,
      acceptedBy: s.acceptedBy,
      status: s.status,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      requiredDialects: s.status === 'open' ? await this.requiredDialects(shift, schedule) : [],
    };
  }

  /** The agent who holds a published shift offers it. */
  async offer(shiftId: string, caller: Principal): Promise<SwapDto> {
    const shift = await this.shifts.findOne({ where: { id: shiftId } });
    if (!shift) throw notFound('Shift');
    if (!(caller.kind === 'user' && caller.agentId === shift.agentId))
      throw forbidden('Only the agent holding the shift may offer it');
    if (!shift.live) throw conflict('SHIFT_NOT_PUBLISHED', 'Only published shifts can be swapped');
    if (shift.startsAt <= this.clock.now())
      throw conflict('SHIFT_STARTED', 'A shift that has started cannot be swapped');
    const open = await this.swaps.findOne({ where: { shiftId, status: 'open' } });
    if (open) return this.toDto(open);
    const row = await this.swaps.save(
      this.swaps.create({
        shiftId,
        offeredBy: shift.agentId,
        acceptedBy: null,
        status: 'open',
        createdAt: this.clock.now(),
        decidedAt: null,
      }),
    );
    return this.toDto(row);
  }

  /** Swaps, oldest first; `teamId` is the caller's team filter (see @TeamScope). */
  async list(query: ListSwapsQueryDto, teamId?: string): Promise<Page<SwapDto>> {
    const qb = this.swaps
      .createQueryBuilder('w')
      .orderBy('w.created_at', 'ASC')
      .addOrderBy('w.id')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.status) qb.andWhere('w.status = :status', { status: query.status });
    if (teamId)
      qb.andWhere(
        `w.shift_id IN (SELECT sh.id FROM shifts sh JOIN schedules s ON s.id = sh.schedule_id
                         WHERE s.team_id = :teamId)`,
        { teamId },
      );
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(await Promise.all(rows.map((r) => this.toDto(r))), total, query);
  }

  /**
   * Another agent of the team with the needed dialects takes the shift, only if every labour rule still
   * holds for both agents (409 RULE_VIOLATION naming the rule); applied atomically.
   */
  async accept(id: string, caller: Principal, onBehalfOf?: string): Promise<SwapDto> {
    const takerId =
      onBehalfOf && hasRole(caller, 'scheduler', 'admin')
        ? onBehalfOf
        : caller.kind === 'user'
          ? caller.agentId
          : null;
    if (!takerId) throw forbidden('Only an agent can take a shift');
    // What other features know (agents, the team's site and rules) is read before the transaction, so
    // it never takes a second pooled connection while holding the swap's locks. It does not change
    // with the locked rows; the shift's owner is checked again under the lock.
    const offered = await this.swaps.findOne({ where: { id } });
    if (!offered) throw notFound('Swap');
    const seen = await this.shifts.findOneBy({ id: offered.shiftId });
    if (!seen) throw conflict('SWAP_STALE', 'The shift changed since it was offered');
    const schedule = await this.schedules.findOneByOrFail({ id: seen.scheduleId });
    const taker = await this.agents.get(takerId);
    const needed = await this.requiredDialects(seen, schedule);
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    await this.dataSource.transaction(async (manager) => {
      const swap = await manager
        .getRepository(ShiftSwap)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!swap) throw notFound('Swap');
      if (swap.status !== 'open') throw conflict('SWAP_CLOSED', `This swap is ${swap.status}`);
      const shift = await manager
        .getRepository(Shift)
        .findOne({ where: { id: swap.shiftId }, lock: { mode: 'pessimistic_write' } });
      if (
        !shift ||
        shift.agentId !== swap.offeredBy ||
        !shift.live ||
        shift.agentId !== seen.agentId
      )
        throw conflict('SWAP_STALE', 'The shift changed since it was offered');
      if (takerId === shift.agentId) throw conflict('SWAP_SELF', 'You cannot take your own shift');
      if (taker.teamId !== schedule.teamId)
        throw conflict('RULE_VIOLATION', 'The taker is not in the schedule team', { rule: 'TEAM' });
      const held = new Set(
        taker.dialects.filter((d) => d.proficiency >= DIALECT_MIN_PROFICIENCY).map((d) => d.tag),
      );
      const missing = needed.filter((d) => !held.has(d));
      if (missing.length)
        throw conflict(
          'RULE_VIOLATION',
          `The taker lacks the dialects ${missing.join(', ')} at proficiency ≥ 3`,
          {
            rule: 'DIALECT',
            missing,
          },
        );
      const moved = { ...toChecked(shift), agentId: takerId };
      await this.schedulesService.assertRulesHold(
        [{ old: shift, next: moved }],
        schedule,
        rules,
        timeZone,
        manager,
      );
      // The exclusion constraint still guards against a concurrent overlapping change (409 SHIFT_OVERLAP).
      await manager.getRepository(Shift).update({ id: shift.id }, { agentId: takerId });
      await manager
        .getRepository(ShiftSwap)
        .update({ id }, { status: 'completed', acceptedBy: takerId, decidedAt: this.clock.now() });
    });
    return this.toDto(await this.swaps.findOneByOrFail({ id }));
  }

  /** The offering agent or a planner of the team cancels (the authorisation policy's). */
  async cancel(id: string): Promise<SwapDto> {
    const swap = await this.swaps.findOne({ where: { id } });
    if (!swap) throw notFound('Swap');
    const result = await this.swaps.update(
      { id, status: 'open' },
      { status: 'cancelled', decidedAt: this.clock.now() },
    );
    if (!result.affected) throw conflict('SWAP_CLOSED', `This swap is ${swap.status}`);
    return this.toDto(await this.swaps.findOneByOrFail({ id }));
  }
}
