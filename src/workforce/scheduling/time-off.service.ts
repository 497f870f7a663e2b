import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
import type { CreateTimeOffDto, ListTimeOffQueryDto, TimeOffDto } from './dto/planning.dto';
import { TimeOffRequest } from './time-off.entity';

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
    private readonly clock: Clock,
  ) {}

  /** An agent asks for time off (pending) or declares unavailability (in force at once). */
  async create(input: CreateTimeOffDto, caller: Principal): Promise<TimeOffDto> {
    const isPlanner = hasRole(caller, 'scheduler', 'admin');
    if (!isPlanner && !(caller.kind === 'user' && caller.agentId === input.agentId))
      throw forbidden('Agents request time off for themselves only');
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

  async list(query: ListTimeOffQueryDto, caller: Principal): Promise<Page<TimeOffDto>> {
    const isPlanner = hasRole(caller, 'scheduler', 'admin', 'supervisor');
    const where: Record<string, unknown> = {};
    if (!isPlanner) {
      if (caller.kind !== 'user' || !caller.agentId) throw forbidden();
      where.agentId = caller.agentId;
    } else if (query.agentId) where.agentId = query.agentId;
    if (query.status) where.status = query.status;
    const [rows, total] = await this.requests.findAndCount({
      where,
      order: { startsAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(rows.map(toDto), total, query);
  }

  /** A scheduler decides a pending request; approved time off becomes a hard scheduling constraint. */
  async decide(
    id: string,
    status: 'approved' | 'denied',
    caller: Principal,
    decisionReason: string | null = null,
  ): Promise<TimeOffDto> {
    const decidedBy = caller.kind === 'user' ? caller.userId : null;
    const result = await this.requests
      .createQueryBuilder()
      .update(TimeOffRequest)
      .set({ status, decidedBy, decisionReason })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    if (!result.affected) {
      const row = await this.requests.findOne({ where: { id } });
      if (!row) throw notFound('Time-off request');
      throw conflict('ALREADY_DECIDED', `This request is already ${row.status}`, {
        status: row.status,
      });
    }
    return toDto(await this.requests.findOneByOrFail({ id }));
  }
}
