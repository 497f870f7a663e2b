import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { ServiceLevelDayDto, ServiceLevelQueryDto } from './dto/service-level.dto';
import { ServiceLevelService } from './service-level.service';

@ApiTags('staffing')
@Controller('teams/:teamId/service-level')
export class ServiceLevelController {
  constructor(private readonly serviceLevel: ServiceLevelService) {}

  @Get()
  @Roles('supervisor', 'scheduler', 'admin')
  @ApiOperation({
    summary: 'The day’s service level per 15 minutes (queued calls the team answered in time)',
    description:
      'Calls that queued in the interval and were answered by the team’s agents or abandoned while offered to them; ' +
      'in time = answered within the team’s targetAnswerSeconds. Today: the intervals up to now.',
  })
  @ApiOkResponse({ type: ServiceLevelDayDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  day(
    @Param('teamId', UuidParam) teamId: string,
    @Query() query: ServiceLevelQueryDto,
  ): Promise<ServiceLevelDayDto> {
    return this.serviceLevel.day(teamId, query.date);
  }
}
