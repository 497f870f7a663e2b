import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
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
import type { CreateTimeOffDto, ListTimeOffQueryDto, TimeOffDto } from './dto/planning.dto';
import { TimeOffRequest } from './time-off.entity';
import type { TimeOffDecisionEffectDto } from './dto/open-shift.dto';
import { OpenShiftsService } from './open-shifts.service';
import { coveredDialects } from './domain/coverage';

const toDto = (r: TimeOffRequest): TimeOffDto => ({
  id: r.id,
  agentId: r.agentId,
  kind: r.kind,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  status: r.status,
  reason: r.reason,
  decisionReason: r.decisionReason,
});

@Injectable()
export class TimeOffService {
  constructor(
    @InjectRepository(TimeOffRequest) private readonly requests: Repository<TimeOffRequest>,
    private readonly agents: AgentsService,
    private readonly openShifts: OpenShiftsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  /** An agent asks for time off (pending) or declares unavailability (in force at once). */
  async create(input: CreateTimeOffDto): Promise<TimeOffDto> {
    // Agents for themselves, schedulers for their team: the authorisation policy's.
    await this.agents.require(input.agentId);
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
      throw badRequest('VALIDATION_FAILED', 'endsAt must be after startsAt', {
        fields: [{ field: 'endsAt', messages: ['must be after startsAt'] }],
      });
    const row = await this.requests.save(
      this.requests.create({
        agentId: input.agentId,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        status: input.kind === 'unavailable' ? 'approved' : 'pending',
        reason: input.reason ?? null,
        decidedBy: null,
        decisionReason: null,
        createdAt: this.clock.now(),
      }),
    );
    return toDto(row);
  }

  /**
   * Agents see their own requests; planners those of `teamId` (their team, from @TeamScope) or,
   * for admins (`teamId` undefined), everyone's.
   */
  async list(
    query: ListTimeOffQueryDto,
    caller: Principal,
    teamId: string | undefined,
  ): Promise<Page<TimeOffDto>> {
    const isPlanner = hasRole(caller, 'scheduler', 'admin', 'supervisor');
    const qb = this.requests
      .createQueryBuilder('r')
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.id')
      .skip(query.skip)
      .take(query.pageSize);
    if (!isPlanner) {
      if (caller.kind !== 'user' || !caller.agentId) throw forbidden();
      qb.andWhere('r.agent_id = :own', { own: caller.agentId });
    } else {
      if (query.agentId) qb.andWhere('r.agent_id = :agentId', { agentId: query.agentId });
      if (teamId)
        qb.andWhere('r.agent_id IN (SELECT a.id FROM agents a WHERE a.team_id = :teamId)', {
          teamId,
        });
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toDto), total, query);
  }

  /**
   * The agent takes a pending request back (the authorisation policy lets only its own agent here):
   * it no longer waits for a scheduler. A decided request is not undone (409 ALREADY_DECIDED).
   */
  async withdraw(id: string): Promise<TimeOffDto> {
    const result = await this.requests
      .createQueryBuilder()
      .update(TimeOffRequest)
      .set({ status: 'withdrawn' })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    const row = await this.requests.findOneBy({ id });
    if (!row) throw notFound('Time-off request');
    if (!result.affected && row.status !== 'withdrawn')
      throw conflict('ALREADY_DECIDED', `This request is already ${row.status}`, {
        status: row.status,
      });
    return toDto(row);
  }

  /**
   * A scheduler decides a pending request; approved time off becomes a hard scheduling constraint, and
   * the agent's published shifts it overlaps (not yet ended) leave their schedules for the open-shift
   * board in the same transaction. The answer names them and the coverage they cost. The agent hears
   * of the decision live (`time_off.decided`, to the agent alone).
   */
  async decide(
    id: string,
    status: 'approved' | 'denied',
    caller: Principal,
    decisionReason: string | null = null,
  ): Promise<TimeOffDto & Partial<TimeOffDecisionEffectDto>> {
    const decidedBy = caller.kind === 'user' ? caller.userId : null;
    const seen = await this.requests.findOne({ where: { id } });
    if (!seen) throw notFound('Time-off request');
    const agent = await this.agents.get(seen.agentId);
    const dialects = coveredDialects(agent.dialects);
    const removed = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(TimeOffRequest)
        .set({ status, decidedBy, decisionReason })
        .where('id = :id AND status = :pending', { id, pending: 'pending' })
        .execute();
      if (!result.affected) {
        const row = await manager.getRepository(TimeOffRequest).findOneByOrFail({ id });
        throw conflict('ALREADY_DECIDED', `This request is already ${row.status}`, {
          status: row.status,
        });
      }
      const now = this.clock.now();
      await this.events.publish(manager, [
        {
          type: 'time_off.decided',
          teamId: agent.teamId,
          agentId: seen.agentId,
          audience: ['agent'],
          payload: {
            requestId: id,
            status,
            startsAt: seen.startsAt.toISOString(),
            endsAt: seen.endsAt.toISOString(),
            decidedAt: now.toISOString(),
          },
          at: now,
        },
      ]);
      if (status !== 'approved') return [];
      return this.openShifts.releaseForTimeOff(
        manager,
        seen.agentId,
        dialects,
        seen.startsAt,
        seen.endsAt,
      );
    });
    const dto = toDto(await this.requests.findOneByOrFail({ id }));
    if (status !== 'approved') return dto;
    return {
      ...dto,
      removedShifts: removed.map(({ shift: _shift, ...r }) => r),
      coverageEffect: await this.openShifts.coverageEffect(removed.map((r) => r.shift)),
    };
  }

  /** What approving a request would do: the published shifts it would remove and their coverage cost. */
  async effect(id: string): Promise<TimeOffDecisionEffectDto> {
    const row = await this.requests.findOne({ where: { id } });
    if (!row) throw notFound('Time-off request');
    const preview = await this.openShifts.previewRelease(row.agentId, row.startsAt, row.endsAt);
    return {
      removedShifts: preview.shifts.map((s) => ({
        shiftId: s.id,
        scheduleId: s.scheduleId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        openShiftId: null,
      })),
      coverageEffect: preview.coverageEffect,
    };
  }
}
