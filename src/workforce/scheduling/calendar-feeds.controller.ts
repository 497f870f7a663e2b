import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../../platform/auth/decorators';
import type { Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarFeedDto, CalendarFeedStatusDto } from './dto/calendar-feed.dto';

@ApiTags('schedules')
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get('agents/:agentId/calendar-feed')
  @Roles('agent')
  @ApiOperation({ summary: 'Whether the agent has a live calendar subscription URL' })
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  async status(
    @Param('agentId', UuidParam) agentId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CalendarFeedStatusDto> {
    const createdAt = await this.feeds.exists(agentId, caller);
    return { active: createdAt !== null, createdAt: createdAt?.toISOString() ?? null };
  }

  @Post('agents/:agentId/calendar-feed')
  @Roles('agent')
  @ApiOperation({
    summary: 'A new calendar subscription URL for the agent (the previous one stops working)',
  })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  async create(
    @Param('agentId', UuidParam) agentId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CalendarFeedDto> {
    const { token, createdAt } = await this.feeds.create(agentId, caller);
    return { path: `/v1/calendar-feeds/${token}.ics`, createdAt: createdAt.toISOString() };
  }

  @Delete('agents/:agentId/calendar-feed')
  @HttpCode(204)
  @Roles('agent')
  @ApiOperation({ summary: 'Revoke the calendar subscription URL at once' })
  @ApiNoContentResponse()
  async revoke(
    @Param('agentId', UuidParam) agentId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<void> {
    await this.feeds.revoke(agentId, caller);
  }

  @Public()
  @Get('calendar-feeds/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: "A subscribed calendar: the agent's published shifts in the site's local time",
    description:
      'The secret URL is the credential (`{token}.ics`); a revoked or unknown one is 404.',
  })
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  feed(@Param('file') file: string): Promise<string> {
    return this.feeds.feed(file.replace(/\.ics$/, ''));
  }
}
