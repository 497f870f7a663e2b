import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import {
  AvailableAgentsDto,
  AvailableAgentsQueryDto,
  CreateReservationDto,
  RejectReservationDto,
  ReservationDto,
} from './dto/routing.dto';
import { RoutingService } from './routing.service';

@ApiTags('routing')
@Controller('routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get('available-agents')
  @Roles('router', 'admin', 'supervisor')
  @ApiOperation({ summary: 'Agents available now for a dialect/skills, best first' })
  @ApiOkResponse({ type: AvailableAgentsDto })
  async available(
    @Query() q: AvailableAgentsQueryDto,
    @Res({ passthrough: true }) res: Response,
    @TeamScope() scope: ListScope,
  ): Promise<string> {
    const body = await this.routing.availableJson(
      {
        dialect: q.dialect,
        minProficiency: q.minProficiency,
        skills: q.skill,
        teamId: teamFilter(scope),
      },
      q.limit ?? 20,
    );
    res.type('application/json'); // the body is already JSON (built by PostgreSQL)
    return body;
  }

  @Post('reservations')
  @Roles('router')
  @ApiOperation({
    summary: 'Hold the best matching agent for a call, atomically',
    description:
      '201 with a new reservation; 200 with the same reservation when the callId already holds a live one (a retry).',
  })
  @ApiCreatedResponse({ type: ReservationDto })
  @ApiOkResponse({
    type: ReservationDto,
    description: 'Idempotent retry: the live reservation of this callId',
  })
  @ApiConflictResponse({
    description: 'NO_AGENT_AVAILABLE with details.retryAfterSeconds',
    type: ErrorBodyDto,
  })
  async reserve(
    @Body() body: CreateReservationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReservationDto> {
    const { created, reservation } = await this.routing.reserve(body);
    res.status(created ? 201 : 200);
    return reservation;
  }

  @Get('reservations/:id')
  @Roles('router', 'admin', 'supervisor')
  @ApiOkResponse({ type: ReservationDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@Param('id', UuidParam) id: string): Promise<ReservationDto> {
    return this.routing.get(id);
  }

  @Post('reservations/:id/accept')
  @HttpCode(200)
  @Roles('router')
  @ApiOperation({
    summary: 'The call was connected: the agent goes on_call',
    description:
      'Idempotent: a retried accept of an accepted reservation answers 200 with it again. A queued call becomes connected.',
  })
  @ApiOkResponse({ type: ReservationDto })
  @ApiConflictResponse({
    description: 'RESERVATION_EXPIRED or RESERVATION_NOT_HELD',
    type: ErrorBodyDto,
  })
  accept(@Param('id', UuidParam) id: string): Promise<ReservationDto> {
    return this.routing.accept(id);
  }

  @Post('reservations/:id/reject')
  @HttpCode(200)
  @Roles('router')
  @ApiOperation({
    summary: 'The call was not connected: the agent is available again',
    description:
      'Idempotent: a retried reject of a rejected reservation answers 200 with it again (its first reason stands). ' +
      'The call is never offered to this agent again; a queued call goes back to its place in the queue.',
  })
  @ApiOkResponse({ type: ReservationDto })
  @ApiConflictResponse({
    description: 'RESERVATION_EXPIRED (it lapsed first) or RESERVATION_NOT_HELD (it was accepted)',
    type: ErrorBodyDto,
  })
  reject(
    @Param('id', UuidParam) id: string,
    @Body() body: RejectReservationDto,
  ): Promise<ReservationDto> {
    return this.routing.reject(id, body?.reason ?? null);
  }
}
