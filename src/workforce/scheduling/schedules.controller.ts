import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { CurrentPrincipal, Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import { actorId, type Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import {
  AgentShiftsQueryDto,
  EditShiftDto,
  EditShiftQueryDto,
  GenerateAcceptedDto,
  GenerateScheduleDto,
  ListSchedulesQueryDto,
  RequirementsPreviewDto,
  RequirementsPreviewQueryDto,
  ScheduleDto,
  SchedulePageDto,
  ShiftDto,
  ShiftPageDto,
} from './dto/schedule.dto';
import { TeamRosterDto, TeamRosterQueryDto } from './dto/team-roster.dto';
import { ScheduleGenerationService } from './schedule-generation.service';
import { SchedulesService } from './schedules.service';
import { TeamRosterService } from './team-roster.service';

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly generation: ScheduleGenerationService,
    private readonly rosters: TeamRosterService,
  ) {}

  @Post('schedules/generate')
  @HttpCode(202)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Generate a schedule in the background (HiGHS MIP under the site labour rules); poll GET /v1/schedules/{id}',
  })
  @ApiAcceptedResponse({ type: GenerateAcceptedDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, UNKNOWN_TEAM or START_DATE_IN_PAST',
    type: ErrorBodyDto,
  })
  generate(@Body() body: GenerateScheduleDto): Promise<GenerateAcceptedDto> {
    return this.generation.generate(body);
  }

  @Get('schedules/requirements-preview')
  @Roles('scheduler', 'admin')
  @ApiOperation({ summary: "Requirements per interval from the team's forecast through staffing" })
  @ApiOkResponse({ type: RequirementsPreviewDto })
  preview(@Query() query: RequirementsPreviewQueryDto): Promise<RequirementsPreviewDto> {
    return this.schedules.requirementsPreview(query);
  }

  @Get('schedules')
  @Roles('scheduler', 'admin', 'supervisor')
  @ApiOperation({ summary: 'List schedules, newest first' })
  @ApiOkResponse({ type: SchedulePageDto })
  list(
    @Query() query: ListSchedulesQueryDto,
    @TeamScope() scope: ListScope,
  ): Promise<SchedulePageDto> {
    return this.schedules.list(query, teamFilter(scope, query.teamId));
  }

  @Get('schedules/:id')
  @Roles('scheduler', 'admin', 'supervisor')
  @ApiOperation({
    summary:
      'A schedule with its shifts, current coverage, rule violations and diagnostics (solver status, shortfall per dialect and day, plain reasons)',
  })
  @ApiOkResponse({ type: ScheduleDto })
  get(@Param('id', UuidParam) id: string): Promise<ScheduleDto> {
    return this.schedules.get(id);
  }

  @Post('schedules/:id/publish')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({ summary: 'Publish a draft: agents then see their shifts' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiConflictResponse({ description: 'SCHEDULE_NOT_DRAFT or SHIFT_OVERLAP', type: ErrorBodyDto })
  publish(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ScheduleDto> {
    return this.schedules.publish(id, actorId(caller));
  }

  @Patch('schedules/:id/shifts/:shiftId')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Edit one shift (times, agent, breaks); every labour rule is checked again (`?dryRun=true`: only checked, nothing saved)',
  })
  @ApiOkResponse({ type: ShiftDto })
  @ApiBadRequestResponse({
    description:
      "OUTSIDE_SCHEDULE (a new start must fall on one of the schedule's days; details.from/to), AGENT_NOT_IN_TEAM or VALIDATION_FAILED",
    type: ErrorBodyDto,
  })
  @ApiConflictResponse({
    description: 'RULE_VIOLATION (details.rule names it) or SHIFT_OVERLAP',
    type: ErrorBodyDto,
  })
  editShift(
    @Param('id', UuidParam) id: string,
    @Param('shiftId', UuidParam) shiftId: string,
    @Body() body: EditShiftDto,
    @Query() query: EditShiftQueryDto,
  ): Promise<ShiftDto> {
    return this.schedules.editShift(id, shiftId, body, query.dryRun === true);
  }

  @Get('agents/:agentId/shifts')
  @Roles('agent', 'scheduler', 'admin', 'supervisor')
  @ApiOperation({ summary: "An agent's published shifts (agents read their own)" })
  @ApiOkResponse({ type: ShiftPageDto })
  agentShifts(
    @Param('agentId', UuidParam) agentId: string,
    @Query() query: AgentShiftsQueryDto,
  ): Promise<ShiftPageDto> {
    return this.schedules.agentShifts(agentId, query);
  }

  @Get('teams/:teamId/roster')
  @Roles('agent', 'scheduler', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      "The team's published shifts, who works when (names and times only): agents of the team read it to find a colleague's shift to ask for in a trade",
  })
  @ApiOkResponse({ type: TeamRosterDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (to not after from, or more than 35 days)',
    type: ErrorBodyDto,
  })
  roster(
    @Param('teamId', UuidParam) teamId: string,
    @Query() query: TeamRosterQueryDto,
  ): Promise<TeamRosterDto> {
    return this.rosters.roster(teamId, query.from, query.to);
  }

  @Get('agents/:agentId/schedule.ics')
  @Roles('agent', 'scheduler', 'admin', 'supervisor')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: "An agent's published shifts as an iCalendar feed" })
  @ApiOkResponse({ description: 'text/calendar' })
  calendar(@Param('agentId', UuidParam) agentId: string): Promise<string> {
    return this.schedules.agentCalendar(agentId);
  }
}
