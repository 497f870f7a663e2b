import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { CurrentPrincipal, Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import type { Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { AdherenceService } from './adherence.service';
import {
  AcceptSwapDto,
  AdherenceDto,
  AdherenceQueryDto,
  CreateTimeOffDto,
  DenyTimeOffDto,
  LabourRulesDto,
  ListSwapsQueryDto,
  ListTimeOffQueryDto,
  LiveAdherenceDto,
  LiveAdherenceQueryDto,
  OfferSwapDto,
  SwapDto,
  SwapPageDto,
  TimeOffDecisionDto,
  TimeOffDto,
  TimeOffPageDto,
} from './dto/planning.dto';
import { TimeOffDecisionEffectDto } from './dto/open-shift.dto';
import type { LabourRules } from './labour-rules';
import { LabourRulesService } from './labour-rules.service';
import { SwapsService } from './swaps.service';
import { TimeOffService } from './time-off.service';

@ApiTags('labour rules')
@Controller('sites/:siteId/labour-rules')
export class LabourRulesController {
  constructor(private readonly rules: LabourRulesService) {}

  @Get()
  @Roles('admin', 'scheduler')
  @ApiOperation({ summary: "A site's labour rules (defaults where not set)" })
  @ApiOkResponse({ type: LabourRulesDto })
  get(@Param('siteId', UuidParam) siteId: string): Promise<LabourRules> {
    return this.rules.get(siteId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary:
      "Set a site's labour rules (admins: they bind every team of the site); omitted settings keep their defaults",
  })
  @ApiOkResponse({ type: LabourRulesDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  put(
    @Param('siteId', UuidParam) siteId: string,
    @Body() body: LabourRulesDto,
  ): Promise<LabourRules> {
    return this.rules.put(siteId, body);
  }
}

@ApiTags('time off')
@Controller('time-off')
export class TimeOffController {
  constructor(private readonly timeOff: TimeOffService) {}

  @Post()
  @Roles('agent', 'scheduler', 'admin')
  @ApiOperation({
    summary:
      'Request time off (pending until a scheduler decides) or declare unavailability (in force at once)',
  })
  @ApiCreatedResponse({ type: TimeOffDto })
  create(@Body() body: CreateTimeOffDto): Promise<TimeOffDto> {
    return this.timeOff.create(body);
  }

  @Get()
  @Roles('agent', 'scheduler', 'admin', 'supervisor')
  @ApiOperation({ summary: 'Time-off requests (agents see their own)' })
  @ApiOkResponse({ type: TimeOffPageDto })
  list(
    @Query() query: ListTimeOffQueryDto,
    @CurrentPrincipal() caller: Principal,
    @TeamScope() scope: ListScope,
  ): Promise<TimeOffPageDto> {
    return this.timeOff.list(query, caller, teamFilter(scope));
  }

  @Get(':id/effect')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Before deciding: the published shifts approving this request would remove, and the coverage they would cost',
  })
  @ApiOkResponse({ type: TimeOffDecisionEffectDto })
  effect(@Param('id', UuidParam) id: string): Promise<TimeOffDecisionEffectDto> {
    return this.timeOff.effect(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      "Approve time off: the agent's published shifts it overlaps go to the open-shift board; the answer shows the coverage effect",
  })
  @ApiOkResponse({ type: TimeOffDecisionDto })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED', type: ErrorBodyDto })
  approve(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<TimeOffDecisionDto> {
    return this.timeOff.decide(id, 'approved', caller);
  }

  @Post(':id/deny')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOkResponse({ type: TimeOffDto })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED', type: ErrorBodyDto })
  deny(
    @Param('id', UuidParam) id: string,
    @Body() body: DenyTimeOffDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<TimeOffDto> {
    return this.timeOff.decide(id, 'denied', caller, body.reason ?? null) as Promise<TimeOffDto>;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({
    summary: 'Take back my own pending request (a decided one stays as decided)',
  })
  @ApiOkResponse({ type: TimeOffDto })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED (details.status)', type: ErrorBodyDto })
  withdraw(@Param('id', UuidParam) id: string): Promise<TimeOffDto> {
    return this.timeOff.withdraw(id);
  }
}

@ApiTags('shift swaps')
@Controller('shift-swaps')
export class SwapsController {
  constructor(private readonly swaps: SwapsService) {}

  @Post()
  @Roles('agent')
  @ApiOperation({
    summary:
      'Offer one of your published shifts to colleagues, or (counterShiftId) propose a trade for a colleague’s shift',
  })
  @ApiCreatedResponse({ type: SwapDto })
  @ApiConflictResponse({
    description: 'SHIFT_NOT_PUBLISHED, SHIFT_STARTED, RULE_VIOLATION',
    type: ErrorBodyDto,
  })
  offer(@Body() body: OfferSwapDto, @CurrentPrincipal() caller: Principal): Promise<SwapDto> {
    return this.swaps.offer(body.shiftId, caller, body.counterShiftId);
  }

  @Get()
  @Roles('agent', 'scheduler', 'admin', 'supervisor')
  @ApiOperation({ summary: 'Shift swaps (e.g. ?status=open)' })
  @ApiOkResponse({ type: SwapPageDto })
  list(@Query() query: ListSwapsQueryDto, @TeamScope() scope: ListScope): Promise<SwapPageDto> {
    return this.swaps.list(query, teamFilter(scope));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('agent', 'scheduler', 'admin')
  @ApiOperation({
    summary:
      'Take an offered shift: needs the dialects and every labour rule must hold for both agents',
  })
  @ApiOkResponse({ type: SwapDto })
  @ApiConflictResponse({
    description: 'RULE_VIOLATION (details.rule), SWAP_CLOSED (details.status: what it is now)',
    type: ErrorBodyDto,
  })
  accept(
    @Param('id', UuidParam) id: string,
    @Body() body: AcceptSwapDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SwapDto> {
    return this.swaps.accept(id, caller, body.agentId);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Approve an accepted trade: both moves are checked again, then both shifts change hands',
  })
  @ApiOkResponse({ type: SwapDto })
  @ApiConflictResponse({
    description:
      'RULE_VIOLATION (details.rule), SWAP_CLOSED (details.status), SWAP_STALE, SWAP_NOT_TRADE',
    type: ErrorBodyDto,
  })
  approve(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SwapDto> {
    return this.swaps.approve(id, caller);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('agent', 'scheduler', 'admin')
  @ApiOperation({ summary: 'Turn a trade down (the colleague asked, or a scheduler)' })
  @ApiOkResponse({ type: SwapDto })
  @ApiConflictResponse({
    description: 'SWAP_CLOSED (details.status: what it is now)',
    type: ErrorBodyDto,
  })
  reject(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SwapDto> {
    return this.swaps.reject(id, caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('agent', 'scheduler', 'admin')
  @ApiOkResponse({ type: SwapDto })
  cancel(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SwapDto> {
    return this.swaps.cancel(id, caller);
  }
}

@ApiTags('adherence')
@Controller('adherence')
export class AdherenceController {
  constructor(private readonly adherence: AdherenceService) {}

  @Get()
  @Roles('supervisor', 'scheduler', 'admin')
  @ApiOperation({
    summary:
      'Adherence per agent and interval: share of scheduled time in a matching presence state',
  })
  @ApiOkResponse({ type: AdherenceDto })
  report(@Query() query: AdherenceQueryDto): Promise<AdherenceDto> {
    return this.adherence.report(
      query.teamId,
      new Date(query.from),
      new Date(query.to),
      query.intervalMinutes,
    );
  }

  @Get('live')
  @Roles('supervisor', 'scheduler', 'admin')
  @ApiOperation({ summary: 'Agents of a team out of adherence right now' })
  @ApiOkResponse({ type: LiveAdherenceDto })
  live(@Query() query: LiveAdherenceQueryDto): Promise<LiveAdherenceDto> {
    return this.adherence.live(query.teamId);
  }
}
