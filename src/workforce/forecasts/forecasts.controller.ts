import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import {
  ForecastDto,
  ForecastFromHistoryDto,
  ForecastQueryDto,
  PlanningSettingsDto,
  UploadForecastDto,
  UploadResultDto,
} from './dto/forecast.dto';
import { ForecastsService } from './forecasts.service';

@ApiTags('forecasts')
@Controller('teams/:teamId')
export class ForecastsController {
  constructor(private readonly forecasts: ForecastsService) {}

  @Put('forecast')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Upload interval forecasts (JSON `intervals` or `csv` text); intervals already there are replaced',
  })
  @ApiOkResponse({ type: UploadResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  upload(
    @Param('teamId', UuidParam) teamId: string,
    @Body() body: UploadForecastDto,
  ): Promise<UploadResultDto> {
    return this.forecasts.upload(teamId, body);
  }

  @Post('forecast/from-history')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      "Build and store the forecast from the team's answered calls: same weekday and wall-clock interval, weighted over past weeks",
    description:
      'The days built become what history says: their stored team-wide rows (and those of each dialect asked for) are replaced, so an interval without calls in those weeks has none. When the weeks hold no answered calls at all, nothing stored is changed.',
  })
  @ApiOkResponse({ type: ForecastDto })
  fromHistory(
    @Param('teamId', UuidParam) teamId: string,
    @Body() body: ForecastFromHistoryDto,
  ): Promise<ForecastDto> {
    return this.forecasts.fromHistory(teamId, body);
  }

  @Get('forecast')
  @Roles('scheduler', 'admin', 'supervisor')
  @ApiOperation({ summary: "The team's forecast intervals in [from, to)" })
  @ApiOkResponse({ type: ForecastDto })
  get(
    @Param('teamId', UuidParam) teamId: string,
    @Query() query: ForecastQueryDto,
  ): Promise<ForecastDto> {
    return this.forecasts.get(teamId, new Date(query.from), new Date(query.to));
  }

  @Get('planning-settings')
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary: 'Service target, shrinkage and wellbeing figures used to staff the forecast',
  })
  @ApiOkResponse({ type: PlanningSettingsDto })
  settings(@Param('teamId', UuidParam) teamId: string): Promise<PlanningSettingsDto> {
    return this.forecasts.getSettings(teamId);
  }

  @Put('planning-settings')
  @Roles('scheduler', 'admin')
  @ApiOkResponse({ type: PlanningSettingsDto })
  putSettings(
    @Param('teamId', UuidParam) teamId: string,
    @Body() body: PlanningSettingsDto,
  ): Promise<PlanningSettingsDto> {
    return this.forecasts.putSettings(teamId, body);
  }
}
