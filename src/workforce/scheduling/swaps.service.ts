import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
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
import { EventsService } from '../../platform/events/events.service';
import { coveredDialects } from './domain/coverage';
import { swapRecipients } from './domain/swap-recipients';
import type { ListSwapsQueryDto, SwapDto } from './dto/planning.dto';
import type { LabourRules } from './labour-rules';
import { PlanningContextService, toChecked } from './planning-context.service';
import { Schedule } from './schedule.entity';
import { ShiftRulesService } from './shift-rules.service';
import { ShiftSwap, SwapStatus } from './shift-swap.entity';
import { Shift } from './shift.entity';

type AgentTags = Awaited<ReturnType<AgentsService['get']>>;

const heldDialects = (agent: AgentTags) => new Set(coveredDialects(agent.dialects));

/**
 * Shift swaps. A give-away: an agent offers a published shift, a qualified colleague takes it. A trade:
 * an agent offers their shift for a colleague's (`proposed`), the colleague accepts (`accepted`, both
 * moves rule-checked), a scheduler approves (`completed`, checked again and applied atomically).
 */
@Injectable()
export class SwapsService {
  constructor(
    @InjectRepository(ShiftSwap) private readonly swaps: Repository<ShiftSwap>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly context: PlanningContextService,
    private readonly shiftRules: ShiftRulesService,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  /**
   * `shift_swap.decided` to each agent the swap involves (one event each, to that agent alone), but
   * not to the agent who decided; in the decision's transaction.
   */
  private async announce(
    manager: EntityManager,
    id: string,
    actor: Principal | null,
  ): Promise<void> {
    const swap = await manager.getRepository(ShiftSwap).findOneByOrFail({ id });
    const now = this.clock.now();
    const actorAgentId = actor?.kind === 'user' ? actor.agentId : null;
    await this.events.publish(
      manager,
      swapRecipients(swap, actorAgentId).map((agentId) => ({
        type: 'shift_swap.decided',
        teamId: null,
        agentId,
        audience: ['agent'],
        payload: {
          swapId: swap.id,
          status: swap.status,
          shiftId: swap.shiftId,
          counterShiftId: swap.counterShiftId,
          decidedAt: now.toISOString(),
        },
        at: now,
      })),
    );
  }

  /**
   * Shifts changed hands or times: every other live swap of them is void, since an offer or a trade
   * was for the shift as it was and with its old agent (left open, a colleague would be offered a
   * shift its new holder never gave away). Cancelled in the change's transaction; their agents told.
   */
  async voidSwapsOf(
    manager: EntityManager,
    shiftIds: string[],
    except: string | null,
    actor: Principal | null,
  ): Promise<void> {
    // TypeORM answers an UPDATE with [rows, count].
    const [voided] = (await manager.query(
      `UPDATE shift_swaps SET status = 'cancelled', decided_at = $3
        WHERE status IN ('open', 'proposed', 'accepted') AND id IS DISTINCT FROM $2::uuid
          AND (shift_id = ANY($1::uuid[]) OR counter_shift_id = ANY($1::uuid[]))
        RETURNING id`,
      [shiftIds, except, this.clock.now()],
    )) as [Array<{ id: string }>, number];
    for (const { id } of voided) await this.announce(manager, id, actor);
  }

  /**
   * Dialects a taker must hold (proficiency ≥ 3): those of the giving agent that the schedule's
   * requirements ask for, so dialect coverage survives the swap.
   */
  private async requiredDialects(shift: Shift, schedule: Schedule): Promise<string[]> {
    const giving = await this.agents.get(shift.agentId);
    const asked = new Set(
      schedule.requirements.map((r) => r.dialect).filter((d): d is string => !!d),
    );
    return [...heldDialects(giving)].filter((d) => asked.has(d)).sort();
  }

  private async toDto(s: ShiftSwap): Promise<SwapDto> {
    const ids = [s.shiftId, ...(s.counterShiftId ? [s.counterShiftId] : [])];
    const rows = await this.shifts.find({ where: { id: In(ids) } });
    const shift = rows.find((r) => r.id === s.shiftId)!;
    const counter = rows.find((r) => r.id === s.counterShiftId);
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
      ...(counter
        ? {
            counterShiftId: counter.id,
            counterAgentId: s.counterAgentId,
            counterStartsAt: counter.startsAt.toISOString(),
            counterEndsAt: counter.endsAt.toISOString(),
            approvedBy: s.approvedBy,
          }
        : {}),
    };
  }

  /** The agent holding a published shift offers it, or (with `counterShiftId`) proposes a trade. */
  async offer(shiftId: string, caller: Principal, counterShiftId?: string): Promise<SwapDto> {
    const shift = await this.shifts.findOne({ where: { id: shiftId } });
    if (!shift) throw notFound('Shift');
    if (!(caller.kind === 'user' && caller.agentId === shift.agentId))
      throw forbidden('Only the agent holding the shift may offer it');
    this.assertSwappable(shift);
    if (!counterShiftId) {
      const open = await this.swaps.findOne({ where: { shiftId, status: 'open' } });
      if (open) return this.toDto(open);
    }
    let counterAgentId: string | null = null;
    if (counterShiftId) {
      const counter = await this.shifts.findOne({ where: { id: counterShiftId } });
      if (!counter) throw notFound('Counter shift');
      this.assertSwappable(counter);
      if (counter.agentId === shift.agentId)
        throw badRequest('SWAP_SELF', 'A trade needs a colleague’s shift');
      const [mine, theirs] = await Promise.all([
        this.agents.get(shift.agentId),
        this.agents.get(counter.agentId),
      ]);
      if (!mine.teamId || mine.teamId !== theirs.teamId)
        throw conflict('RULE_VIOLATION', 'Trades are between agents of one team', { rule: 'TEAM' });
      counterAgentId = counter.agentId;
    }
    const row = await this.swaps.save(
      this.swaps.create({
        shiftId,
        offeredBy: shift.agentId,
        acceptedBy: null,
        counterShiftId: counterShiftId ?? null,
        counterAgentId,
        approvedBy: null,
        status: counterShiftId ? 'proposed' : 'open',
        createdAt: this.clock.now(),
        decidedAt: null,
      }),
    );
    return this.toDto(row);
  }

  private assertSwappable(shift: Shift): void {
    if (!shift.live) throw conflict('SHIFT_NOT_PUBLISHED', 'Only published shifts can be swapped');
    if (shift.startsAt <= this.clock.now())
      throw conflict('SHIFT_STARTED', 'A shift that has started cannot be swapped');
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
   * A give-away: another agent of the team with the needed dialects takes the shift, only if every
   * labour rule still holds (409 RULE_VIOLATION naming the rule); applied atomically. A trade: the
   * colleague asked accepts; both moves are checked now and again when a scheduler approves.
   */
  async accept(id: string, caller: Principal, onBehalfOf?: string): Promise<SwapDto> {
    const planner = hasRole(caller, 'scheduler', 'admin');
    const takerId =
      onBehalfOf && planner ? onBehalfOf : caller.kind === 'user' ? caller.agentId : null;
    if (!takerId) throw forbidden('Only an agent can take a shift');
    // What other features know (agents, the team's site and rules) is read before the transaction, so
    // it never takes a second pooled connection while holding the swap's locks.
    const offered = await this.swaps.findOne({ where: { id } });
    if (!offered) throw notFound('Swap');
    if (offered.status === 'proposed') return this.acceptTrade(offered, takerId, caller);
    const seen = await this.shifts.findOneBy({ id: offered.shiftId });
    if (!seen) throw conflict('SWAP_STALE', 'The shift changed since it was offered');
    const schedule = await this.schedules.findOneByOrFail({ id: seen.scheduleId });
    const taker = await this.agents.get(takerId);
    const needed = await this.requiredDialects(seen, schedule);
    const { rules, timeZone } = await this.context.forTeam(schedule.teamId);
    await this.dataSource.transaction(async (manager) => {
      const swap = await this.lockSwap(manager, id, ['open']);
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
      this.assertDialects(taker, needed);
      const moved = { ...toChecked(shift), agentId: takerId };
      await this.shiftRules.assertRulesHold(
        [{ old: shift, next: moved }],
        schedule.id,
        rules,
        timeZone,
        manager,
      );
      // The exclusion constraint still guards against a concurrent overlapping change (409 SHIFT_OVERLAP).
      await manager.getRepository(Shift).update({ id: shift.id }, { agentId: takerId });
      await manager
        .getRepository(ShiftSwap)
        .update({ id }, { status: 'completed', acceptedBy: takerId, decidedAt: this.clock.now() });
      await this.announce(manager, id, caller);
      await this.voidSwapsOf(manager, [shift.id], id, caller);
    });
    return this.toDto(await this.swaps.findOneByOrFail({ id }));
  }

  private assertDialects(taker: AgentTags, needed: string[]): void {
    const held = heldDialects(taker);
    const missing = needed.filter((d) => !held.has(d));
    if (missing.length)
      throw conflict(
        'RULE_VIOLATION',
        `The taker lacks the dialects ${missing.join(', ')} at proficiency ≥ 3`,
        { rule: 'DIALECT', missing },
      );
  }

  private async lockSwap(
    manager: EntityManager,
    id: string,
    allowed: SwapStatus[],
  ): Promise<ShiftSwap> {
    const swap = await manager
      .getRepository(ShiftSwap)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!swap) throw notFound('Swap');
    if (!allowed.includes(swap.status))
      throw conflict('SWAP_CLOSED', `This swap is ${swap.status}`, { status: swap.status });
    return swap;
  }

  private async acceptTrade(
    offered: ShiftSwap,
    takerId: string,
    caller: Principal,
  ): Promise<SwapDto> {
    if (takerId !== offered.counterAgentId)
      throw forbidden('Only the colleague asked can accept this trade');
    await this.checkTrade(offered, ['proposed'], async (manager) => {
      await manager
        .getRepository(ShiftSwap)
        .update({ id: offered.id }, { status: 'accepted', acceptedBy: takerId });
      await this.announce(manager, offered.id, caller);
    });
    return this.toDto(await this.swaps.findOneByOrFail({ id: offered.id }));
  }

  /** A scheduler of the team approves an accepted trade: checked again, then both shifts change hands. */
  async approve(id: string, caller: Principal): Promise<SwapDto> {
    const swap = await this.swaps.findOne({ where: { id } });
    if (!swap) throw notFound('Swap');
    if (!swap.counterShiftId) throw conflict('SWAP_NOT_TRADE', 'Only trades need approval');
    await this.checkTrade(swap, ['accepted'], async (manager, mine, theirs) => {
      // Live shifts of one agent never overlap (exclusion constraint), also for a moment: take one out
      // of the live set while the other changes hands.
      const repo = manager.getRepository(Shift);
      await repo.update({ id: mine.id }, { live: false });
      await repo.update({ id: theirs.id }, { agentId: mine.agentId });
      await repo.update({ id: mine.id }, { agentId: theirs.agentId, live: true });
      await manager.getRepository(ShiftSwap).update(
        { id },
        {
          status: 'completed',
          approvedBy: caller.kind === 'user' ? caller.userId : null,
          decidedAt: this.clock.now(),
        },
      );
      await this.announce(manager, id, caller);
      await this.voidSwapsOf(manager, [mine.id, theirs.id], id, caller);
    });
    return this.toDto(await this.swaps.findOneByOrFail({ id }));
  }

  /**
   * Both moves of a trade under the swap's and both shifts' locks: still held by the same agents, not
   * started, dialects kept, and every rule holds for both agents after the exchange.
   */
  private async checkTrade(
    swap: ShiftSwap,
    allowed: SwapStatus[],
    apply: (manager: EntityManager, mine: Shift, theirs: Shift) => Promise<void>,
  ): Promise<void> {
    const mineSeen = await this.shifts.findOneBy({ id: swap.shiftId });
    const theirsSeen = swap.counterShiftId
      ? await this.shifts.findOneBy({ id: swap.counterShiftId })
      : null;
    if (!mineSeen || !theirsSeen) throw conflict('SWAP_STALE', 'A shift of the trade is gone');
    const scheduleOf = async (s: Shift) => this.schedules.findOneByOrFail({ id: s.scheduleId });
    const [mineSchedule, theirsSchedule] = await Promise.all([
      scheduleOf(mineSeen),
      scheduleOf(theirsSeen),
    ]);
    const [offering, counter] = await Promise.all([
      this.agents.get(swap.offeredBy),
      this.agents.get(swap.counterAgentId!),
    ]);
    const neededByCounter = await this.requiredDialects(mineSeen, mineSchedule);
    const neededByOffering = await this.requiredDialects(theirsSeen, theirsSchedule);
    const { rules, timeZone } = await this.context.forTeam(mineSchedule.teamId);
    await this.dataSource.transaction(async (manager) => {
      await this.lockSwap(manager, swap.id, allowed);
      const locked = await manager.getRepository(Shift).find({
        where: { id: In([swap.shiftId, swap.counterShiftId!]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const mine = locked.find((s) => s.id === swap.shiftId);
      const theirs = locked.find((s) => s.id === swap.counterShiftId);
      if (
        !mine ||
        !theirs ||
        mine.agentId !== swap.offeredBy ||
        theirs.agentId !== swap.counterAgentId ||
        !mine.live ||
        !theirs.live
      )
        throw conflict('SWAP_STALE', 'A shift of the trade changed since it was proposed');
      this.assertSwappable(mine);
      this.assertSwappable(theirs);
      this.assertDialects(counter, neededByCounter);
      this.assertDialects(offering, neededByOffering);
      await this.checkBoth(manager, mine, theirs, rules, timeZone);
      await apply(manager, mine, theirs);
    });
  }

  private async checkBoth(
    manager: EntityManager,
    mine: Shift,
    theirs: Shift,
    rules: LabourRules,
    timeZone: string,
  ): Promise<void> {
    await this.shiftRules.assertRulesHold(
      [
        { old: mine, next: { ...toChecked(mine), agentId: theirs.agentId } },
        { old: theirs, next: { ...toChecked(theirs), agentId: mine.agentId } },
      ],
      mine.scheduleId,
      rules,
      timeZone,
      manager,
    );
  }

  /** The colleague asked, or a scheduler, turns a trade down. */
  async reject(id: string, caller: Principal): Promise<SwapDto> {
    const swap = await this.swaps.findOne({ where: { id } });
    if (!swap) throw notFound('Swap');
    const asked = caller.kind === 'user' && caller.agentId === swap.counterAgentId;
    if (!asked) {
      if (!hasRole(caller, 'scheduler', 'admin')) throw forbidden();
    }
    return this.close(swap, ['proposed', 'accepted'], 'rejected', caller);
  }

  async cancel(id: string, caller: Principal): Promise<SwapDto> {
    const swap = await this.swaps.findOne({ where: { id } });
    if (!swap) throw notFound('Swap');
    const own = caller.kind === 'user' && caller.agentId === swap.offeredBy;
    if (!own && !hasRole(caller, 'scheduler', 'admin')) throw forbidden();
    return this.close(swap, ['open', 'proposed', 'accepted'], 'cancelled', caller);
  }

  private async close(
    swap: ShiftSwap,
    from: SwapStatus[],
    to: SwapStatus,
    caller: Principal,
  ): Promise<SwapDto> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ShiftSwap)
        .update({ id: swap.id, status: In(from) }, { status: to, decidedAt: this.clock.now() });
      if (!result.affected) {
        // Someone decided it first (a colleague took it, a scheduler approved): name what it is now.
        const now = await manager.getRepository(ShiftSwap).findOneByOrFail({ id: swap.id });
        throw conflict('SWAP_CLOSED', `This swap is ${now.status}`, { status: now.status });
      }
      await this.announce(manager, swap.id, caller);
    });
    return this.toDto(await this.swaps.findOneByOrFail({ id: swap.id }));
  }
}
