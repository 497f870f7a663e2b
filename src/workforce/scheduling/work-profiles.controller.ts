import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { PutWorkProfileDto, ShiftSettingsDto, WorkProfileDto } from './dto/work-profile.dto';
import { WorkProfilesService } from './work-profiles.service';

@ApiTags('contracts and preferences')
@Controller()
export class WorkProfilesController {
  constructor(private readonly profiles: WorkProfilesService) {}

  @Get('agents/:agentId/work-profile')
  @Roles('agent', 'scheduler', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      "An agent's contract (weekly hours), recurring unavailability and shift preferences (the agent reads its own)",
  })
  @ApiOkResponse({ type: WorkProfileDto })
  @ApiForbiddenResponse({ description: 'Another agent, or another team', type: ErrorBodyDto })
  get(@Param('agentId', UuidParam) agentId: string): Promise<WorkProfileDto> {
    return this.profiles.get(agentId);
  }

  @Put('agents/:agentId/work-profile')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      "Replace an agent's contract and preferences: max hours and unavailability are hard for planning, the rest soft",
  })
  @ApiOkResponse({ type: WorkProfileDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  put(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: PutWorkProfileDto,
  ): Promise<WorkProfileDto> {
    return this.profiles.put(agentId, body);
  }

  @Get('teams/:teamId/shift-settings')
  @Roles('scheduler', 'supervisor', 'admin')
  @ApiOperation({ summary: "A team's shift templates and consistent-start-times setting" })
  @ApiOkResponse({ type: ShiftSettingsDto })
  getShiftSettings(@Param('teamId', UuidParam) teamId: string): Promise<ShiftSettingsDto> {
    return this.profiles.getShiftSettings(teamId);
  }

  @Put('teams/:teamId/shift-settings')
  @Roles('scheduler', 'admin')
  @ApiOperation({ summary: "Replace a team's shift templates and consistent-start-times setting" })
  @ApiOkResponse({ type: ShiftSettingsDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  putShiftSettings(
    @Param('teamId', UuidParam) teamId: string,
    @Body() body: ShiftSettingsDto,
  ): Promise<ShiftSettingsDto> {
    return this.profiles.putShiftSettings(teamId, body);
  }
}
