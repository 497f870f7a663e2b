import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../platform/auth/decorators';
import type { Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import {
  ClaimedOpenShiftDto,
  ClaimOpenShiftDto,
  ListOpenShiftsQueryDto,
  OpenShiftDto,
  OpenShiftPageDto,
  PostOpenShiftDto,
  RepairResultDto,
} from './dto/open-shift.dto';
import { OpenShiftsService } from './open-shifts.service';
import { ScheduleRepairService } from './schedule-repair.service';

@ApiTags('open shifts')
@Controller()
export class OpenShiftsController {
  constructor(
    private readonly board: OpenShiftsService,
    private readonly repairs: ScheduleRepairService,
  ) {}

  @Get('open-shifts')
  @Roles('agent', 'scheduler', 'supervisor', 'admin')
  @ApiOperation({ summary: "The open-shift board of the caller's team (e.g. ?status=open)" })
  @ApiOkResponse({ type: OpenShiftPageDto })
  list(
    @Query() query: ListOpenShiftsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<OpenShiftPageDto> {
    return this.board.list(query, caller);
  }

  @Post('schedules/:id/open-shifts')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary: 'Post a shift of a published schedule on the board for agents to pick up',
  })
  @ApiCreatedResponse({ type: OpenShiftDto })
  @ApiBadRequestResponse({
    description:
      "OUTSIDE_SCHEDULE (it must start on one of the schedule's days; details.from/to), START_IN_PAST or VALIDATION_FAILED",
    type: ErrorBodyDto,
  })
  @ApiConflictResponse({ description: 'SCHEDULE_NOT_PUBLISHED', type: ErrorBodyDto })
  post(@Param('id', UuidParam) id: string, @Body() body: PostOpenShiftDto): Promise<OpenShiftDto> {
    return this.board.post(id, body);
  }

  @Post('open-shifts/:id/claim')
  @HttpCode(200)
  @Roles('agent', 'scheduler', 'admin')
  @ApiOperation({
    summary:
      'Pick up an open shift (schedulers may assign it): dialects and every labour rule are checked; one agent wins',
  })
  @ApiOkResponse({ type: ClaimedOpenShiftDto })
  @ApiConflictResponse({
    description: 'OPEN_SHIFT_TAKEN, RULE_VIOLATION (details.rule), SHIFT_OVERLAP, SHIFT_STARTED',
    type: ErrorBodyDto,
  })
  claim(
    @Param('id', UuidParam) id: string,
    @Body() body: ClaimOpenShiftDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ClaimedOpenShiftDto> {
    return this.board.claim(id, caller, body.agentId);
  }

  @Post('open-shifts/:id/cancel')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOkResponse({ type: OpenShiftDto })
  @ApiConflictResponse({ description: 'OPEN_SHIFT_TAKEN', type: ErrorBodyDto })
  cancel(@Param('id', UuidParam) id: string): Promise<OpenShiftDto> {
    return this.board.cancel(id);
  }

  @Post('schedules/:id/repair')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Repair a published schedule: fill its open shifts with rule-checked agents, keeping every other shift',
  })
  @ApiOkResponse({ type: RepairResultDto })
  @ApiConflictResponse({ description: 'SCHEDULE_NOT_PUBLISHED', type: ErrorBodyDto })
  repair(@Param('id', UuidParam) id: string): Promise<RepairResultDto> {
    return this.repairs.repair(id);
  }
}
