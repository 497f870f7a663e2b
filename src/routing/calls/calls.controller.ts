import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  PipeTransform,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AgentsService } from '../../people/agents/agents.service';
import { Roles } from '../../platform/auth/decorators';
import { badRequest } from '../../platform/common/errors/domain-error';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { presenceAsSeenBy } from '../presence/presence-rules';
import { PresenceService } from '../presence/presence.service';
import { TeamsService } from '../../people/teams/teams.service';
import { CallEventIngest } from './call-event-ingest.service';
import { CallHistory } from './call-history.service';
import {
  CallEventBatchDto,
  CallEventBatchResultDto,
  CallLoadDto,
  RecentCallsDto,
  TeamLoadDto,
} from './dto/call-events.dto';
import { LoadService } from './load.service';

/**
 * `?window=` absent means 60 minutes. The global pipe has already turned `abc` into NaN, which
 * DefaultValuePipe would quietly read as absent: here it is the 400 it should be.
 */
const windowPipe = (): PipeTransform<number | undefined, number> => ({
  transform: (value) => {
    if (value === undefined) return 60;
    if (Number.isNaN(value))
      throw badRequest('VALIDATION_FAILED', 'window must be an integer', {
        fields: [{ field: 'window', messages: ['must be an integer'] }],
      });
    return value;
  },
});
const parseWindow = (w: number) => {
  if (!Number.isInteger(w) || w < 1 || w > 24 * 60) {
    throw badRequest('VALIDATION_FAILED', 'window must be 1..1440 minutes', {
      fields: [{ field: 'window', messages: ['must be an integer 1..1440'] }],
    });
  }
  return w;
};
const intPipe = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      badRequest('VALIDATION_FAILED', 'window must be an integer', {
        fields: [{ field: 'window', messages: ['must be an integer'] }],
      }),
  });

@ApiTags('calls')
@Controller()
export class CallsController {
  constructor(
    private readonly callEvents: CallEventIngest,
    private readonly callHistory: CallHistory,
    private readonly load: LoadService,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly presence: PresenceService,
  ) {}

  @Post('calls/events')
  @HttpCode(202)
  @Roles('router')
  @ApiOperation({
    summary: 'Report call events (answered, ended, hostile) in a batch',
    description:
      'Idempotent by eventId: replays are counted as duplicates and change nothing. A batch with any invalid event is rejected whole (400) and stores nothing.',
  })
  @ApiAcceptedResponse({ type: CallEventBatchResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or UNKNOWN_AGENT', type: ErrorBodyDto })
  ingest(@Body() body: CallEventBatchDto): Promise<CallEventBatchResultDto> {
    return this.callEvents.ingest(body.events);
  }

  @Get('agents/:agentId/load')
  @Roles('agent', 'supervisor', 'admin', 'router')
  @ApiOperation({ summary: "An agent's call load over a rolling window ending now" })
  @ApiQuery({ name: 'window', required: false, description: 'minutes, default 60' })
  @ApiOkResponse({ type: CallLoadDto })
  async agentLoad(
    @Param('agentId', UuidParam) agentId: string,
    @Query('window', windowPipe(), intPipe()) window: number,
  ): Promise<CallLoadDto> {
    // Own agent or own team: the authorisation policy's.
    await this.agents.require(agentId);
    const load = (await this.load.loadFor([agentId], parseWindow(window))).get(agentId)!;
    return { agentId, ...load, asOf: load.asOf.toISOString() };
  }

  @Get('agents/:agentId/calls')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: "An agent's latest answered calls, newest first (at most 20)" })
  @ApiOkResponse({ type: RecentCallsDto })
  async recentCalls(@Param('agentId', UuidParam) agentId: string): Promise<RecentCallsDto> {
    // Own agent or own team's: the declared policy.
    await this.agents.require(agentId);
    return { calls: await this.callHistory.recentCalls(agentId, 20) };
  }

  @Get('teams/:teamId/load')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: "Every agent's load in a team, with stale agents (lost call.ended) flagged",
  })
  @ApiQuery({ name: 'window', required: false, description: 'minutes, default 60' })
  @ApiOkResponse({ type: TeamLoadDto })
  async teamLoad(
    @Param('teamId', UuidParam) teamId: string,
    @Query('window', windowPipe(), intPipe()) window: number,
  ): Promise<TeamLoadDto> {
    await this.teams.get(teamId);
    const minutes = parseWindow(window);
    const agents = await this.agents.listForTeam(teamId);
    const loads = await this.load.loadFor(
      agents.map((a) => a.id),
      minutes,
    );
    const states = await this.presence.currentMany(
      agents.map((a) => a.id),
      false,
    );
    const settings = await this.teams.settingsFor(teamId);
    const now = loads.values().next().value?.asOf ?? new Date(0);
    return {
      teamId,
      asOf: now.toISOString(),
      windowMinutes: minutes,
      agents: agents.map((a, i) => {
        const load = loads.get(a.id)!;
        const seen = presenceAsSeenBy(states[i], false);
        const stale =
          (seen.state === 'not_ready' && seen.reason === 'stale') ||
          (seen.state === 'on_call' &&
            now.getTime() - seen.since.getTime() > settings.staleAfterSeconds * 1000);
        return {
          agentId: a.id,
          externalId: a.externalId,
          displayName: a.displayName,
          state: seen.state,
          since: seen.since.toISOString(),
          until: seen.until?.toISOString() ?? null,
          reason: seen.reason ?? null,
          stale,
          ...load,
          asOf: load.asOf.toISOString(),
        };
      }),
    };
  }
}
