import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentsService } from '../../people/agents/agents.service';
import { CurrentPrincipal, Roles } from '../../platform/auth/decorators';
import type { Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { PresenceDto, UpdatePresenceDto } from './dto/presence.dto';
import type { Actor } from './presence-rules';
import { PresenceService, PresenceView } from './presence.service';

export function toPresenceDto(v: PresenceView): PresenceDto {
  return {
    agentId: v.agentId,
    state: v.state,
    since: v.since.toISOString(),
    ...(v.until ? { until: v.until.toISOString() } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.returnState ? { returnState: v.returnState } : {}),
    ...(v.next ? { next: { state: v.next.state, until: v.next.until.toISOString() } } : {}),
  };
}

@ApiTags('presence')
@Controller('agents/:agentId/presence')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly agents: AgentsService,
  ) {}

  @Get()
  @Roles('agent', 'router', 'supervisor', 'admin', 'scheduler')
  @ApiOperation({ summary: "An agent's current state" })
  @ApiOkResponse({ type: PresenceDto })
  async get(
    @Param('agentId', UuidParam) agentId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<PresenceDto> {
    const isAgent = await this.authorise(agentId, caller);
    return toPresenceDto(await this.presence.current(agentId, isAgent));
  }

  @Put()
  @Roles('agent', 'router', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Become available, not_ready or offline',
    description:
      'By the agent itself or the router (supervisors of the team may set not_ready/offline). During an enforced ' +
      'recovery, micro-break or booked break, or a wrap-up leading into one, `available` is refused with 409 ' +
      'BREAK_ENFORCED (details.until); `offline`/`not_ready` are kept for when it ends. A not_ready the agent set ' +
      'itself ends only by its own request: anyone else gets 409 AGENT_NOT_READY (no until), and so they do for an ' +
      'agent in a counselling session (only the agent gets BREAK_ENFORCED with details.until then). Inside the ' +
      'reporting window at the start of a wrap-up, the router’s `available` ends the wrap-up when the window does. ' +
      'A transition the state table does not allow is 409 INVALID_TRANSITION.',
  })
  @ApiOkResponse({ type: PresenceDto })
  @ApiConflictResponse({
    description: 'BREAK_ENFORCED, AGENT_NOT_READY or INVALID_TRANSITION',
    type: ErrorBodyDto,
  })
  async put(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: UpdatePresenceDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<PresenceDto> {
    const isAgent = await this.authorise(agentId, caller);
    const actor: Actor = isAgent ? 'agent' : caller.kind === 'apiKey' ? 'router' : 'supervisor';
    return toPresenceDto(
      await this.presence.request(agentId, body.state, actor, body.reason ?? null),
    );
  }

  /**
   * Whether the caller is the agent itself (404 for an unknown agent). Who may read or set the
   * state at all (own agent, own team, the router) is the authorisation policy's.
   */
  private async authorise(agentId: string, caller: Principal): Promise<boolean> {
    await this.agents.require(agentId);
    return caller.kind === 'user' && caller.agentId === agentId;
  }
}
