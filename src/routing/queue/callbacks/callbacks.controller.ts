import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../../../platform/auth/decorators';
import { hasRole, Principal } from '../../../platform/auth/principal';
import { ErrorBodyDto } from '../../../platform/common/errors/error-body.dto';
import { CallIdParam } from '../../router-ids';
import {
  CallbackOutcomeDto,
  CallbackPageDto,
  CallbackStateDto,
  CallbackStatsDto,
  CallbackStatsQueryDto,
  CallbackWaitQueryDto,
  ListCallbacksQueryDto,
  ScheduleCallbackDto,
} from './callbacks.dto';
import { CallbacksService, TeamScope } from './callbacks.service';

/** A supervisor reads its own team's callbacks; the router and admins every team's. */
const NO_TEAM = '00000000-0000-0000-0000-000000000000';
const scopeOf = (caller: Principal): TeamScope =>
  caller.kind === 'user' && !hasRole(caller, 'admin') ? (caller.teamId ?? NO_TEAM) : null;

@ApiTags('routing')
@Controller('routing/callbacks')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Post()
  @Roles('router')
  @ApiOperation({
    summary: 'Promise a caller that a person will call back inside a window',
    description:
      '201 scheduled; the same callbackId again answers 200 with its current state. 400 CALLBACK_WINDOW_IN_PAST, ' +
      'CALLBACK_WINDOW_INVERTED (notAfter not after notBefore), CALLBACK_WINDOW_TOO_FAR (more than 7 days ahead), ' +
      'UNKNOWN_TAG. Once notBefore has passed it queues like a call; the dialTarget is stored encrypted and erased on close.',
  })
  @ApiCreatedResponse({ type: CallbackStateDto, description: 'scheduled' })
  @ApiOkResponse({ type: CallbackStateDto, description: 'A known callbackId: its current state' })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async schedule(
    @Body() body: ScheduleCallbackDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CallbackStateDto> {
    const { httpStatus, body: state } = await this.callbacks.schedule(body);
    res.status(httpStatus);
    return state;
  }

  @Get()
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Callbacks by status and window (a supervisor sees its own team’s)',
    description: '`from`/`to` select callbacks whose window overlaps them. Earliest window first.',
  })
  @ApiOkResponse({ type: CallbackPageDto })
  list(
    @Query() q: ListCallbacksQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CallbackPageDto> {
    return this.callbacks.list(q, scopeOf(caller));
  }

  @Get('stats')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Promises kept per dialect (the wallboard)',
    description:
      'Share reached inside the window, median seconds from notBefore to the first attempt, attempts per callback, ' +
      'missed; for callbacks whose window starts in [from, to).',
  })
  @ApiOkResponse({ type: CallbackStatsDto })
  stats(
    @Query() q: CallbackStatsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CallbackStatsDto> {
    return this.callbacks.stats(q.from, q.to, scopeOf(caller));
  }

  @Get(':callbackId')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      'A callback’s status, window, attempts and live reservation; long-poll with waitSeconds',
    description:
      'What the IVR reads back to the caller (personHasTried). With waitSeconds (0..30) the answer waits until the ' +
      'status differs from `status` (the one the caller last saw; by default the status now). While offered or connected, the reservation carries kind "callback" and the dialTarget.',
  })
  @ApiOkResponse({ type: CallbackStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(
    @Param('callbackId', CallIdParam) callbackId: string,
    @Query() q: CallbackWaitQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<CallbackStateDto> {
    return this.callbacks.get(callbackId, scopeOf(caller), q.waitSeconds ?? 0, q.status);
  }

  @Post(':callbackId/outcome')
  @HttpCode(200)
  @Roles('router')
  @ApiOperation({
    summary: 'The result of an attempt: reached | no_answer | busy | wrong_number',
    description:
      'reached and wrong_number close it (the dial target is erased); no_answer and busy put it back after the ' +
      'team’s callbackRetryMinutes while the window lasts, else it is missed. 409 CALLBACK_NOT_OFFERED (no agent ' +
      'has it), CALLBACK_CLOSED (already closed with another result). Idempotent: the outcome of the last attempt ' +
      'sent again (no offer since) answers 200 with the state and counts once.',
  })
  @ApiOkResponse({ type: CallbackStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CALLBACK_NOT_OFFERED, CALLBACK_CLOSED' })
  outcome(
    @Param('callbackId', CallIdParam) callbackId: string,
    @Body() body: CallbackOutcomeDto,
  ): Promise<CallbackStateDto> {
    return this.callbacks.outcome(callbackId, body);
  }
}
