import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../../platform/auth/decorators';
import { hasRole, Principal } from '../../platform/auth/principal';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { CallIdParam } from '../router-ids';
import { CallReconciliation } from './call-reconciliation';
import { CallerRefs } from './caller-refs';
import {
  CallWaitQueryDto,
  EnqueueCallDto,
  EraseCallerDto,
  EraseCallerResultDto,
  ListQueuedCallsQueryDto,
  QueuedCallPageDto,
  QueuedCallStateDto,
  QueueSummaryDto,
  ResyncDto,
  ResyncResultDto,
  StrandedCallsDto,
} from './dto/queue.dto';
import { QueueService } from './queue.service';

@ApiTags('routing')
@Controller('routing')
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly reconciliation: CallReconciliation,
    private readonly callerRefs: CallerRefs,
  ) {}

  @Post('calls')
  @Roles('router')
  @ApiOperation({
    summary: 'Hand a call to Shiftwell to wait for an agent',
    description:
      '201 offered (a reservation was made at once); 202 queued with position and estimatedWaitSeconds; ' +
      '409 NO_QUALIFIED_AGENT when no logged-in agent could take it, fallbacks included. Idempotent: the same callId ' +
      'again answers 200 with its current state (nothing is queued twice).',
  })
  @ApiCreatedResponse({ type: QueuedCallStateDto, description: 'offered' })
  @ApiAcceptedResponse({ type: QueuedCallStateDto, description: 'queued' })
  @ApiOkResponse({ type: QueuedCallStateDto, description: 'A known callId: its current state' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NO_QUALIFIED_AGENT' })
  async enqueue(
    @Body() body: EnqueueCallDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QueuedCallStateDto> {
    const { httpStatus, body: state } = await this.queue.enqueue(body);
    res.status(httpStatus);
    return state;
  }

  @Get('calls')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Queued calls by status (reconcile: ?status=connected)',
    description: 'Most recently changed first.',
  })
  @ApiOkResponse({ type: QueuedCallPageDto })
  list(@Query() q: ListQueuedCallsQueryDto): Promise<QueuedCallPageDto> {
    return this.queue.list(q.status, q.page, q.pageSize);
  }

  @Get('calls/:callId')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'A queued call’s state; long-poll with waitSeconds',
    description:
      'With waitSeconds (0..30) the answer waits until the status changes (offered, connected, …) or the time is up; ' +
      'with `status`, until it differs from the one the caller last saw; ' +
      'it is sent within milliseconds of the change, whichever replica made it.',
  })
  @ApiOkResponse({ type: QueuedCallStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(
    @Param('callId', CallIdParam) callId: string,
    @Query() q: CallWaitQueryDto,
  ): Promise<QueuedCallStateDto> {
    return this.queue.get(callId, q.waitSeconds ?? 0, q.status);
  }

  @Post('calls/:callId/abandon')
  @HttpCode(200)
  @Roles('router')
  @ApiOperation({
    summary: 'The caller hung up: the call leaves the queue and a live offer is released',
    description:
      'Idempotent: abandoning an abandoned call answers 200 again. A connected or ended call answers 409 CALL_CONNECTED.',
  })
  @ApiOkResponse({ type: QueuedCallStateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CALL_CONNECTED' })
  abandon(@Param('callId', CallIdParam) callId: string): Promise<QueuedCallStateDto> {
    return this.queue.abandon(callId);
  }

  @Get('queue')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Waiting calls per dialect and skills, with the longest wait' })
  @ApiOkResponse({ type: QueueSummaryDto })
  summary(): Promise<QueueSummaryDto> {
    return this.queue.summary();
  }

  @Post('resync')
  @HttpCode(200)
  @Roles('router')
  @ApiOperation({
    summary:
      'After a router restart: end connected calls and abandon queued calls the router no longer has',
  })
  @ApiOkResponse({ type: ResyncResultDto })
  resync(@Body() body: ResyncDto): Promise<ResyncResultDto> {
    return this.reconciliation.resync(body.liveCallIds);
  }

  @Get('stranded-calls')
  @Roles('router', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      'Accepted calls with no event for the team’s maxCallMinutes (a lost call.ended), to reconcile',
    description: 'A supervisor sees its own team’s.',
  })
  @ApiOkResponse({ type: StrandedCallsDto })
  async stranded(@CurrentPrincipal() caller: Principal): Promise<StrandedCallsDto> {
    const team =
      caller.kind === 'user' && !hasRole(caller, 'admin')
        ? (caller.teamId ?? '00000000-0000-0000-0000-000000000000')
        : null;
    return { items: await this.reconciliation.stranded(team) };
  }

  @Post('callers/erase')
  @HttpCode(200)
  @Roles('router', 'admin')
  @ApiOperation({ summary: 'Forget a caller: its hostile record and its keyed hash on every call' })
  @ApiOkResponse({ type: EraseCallerResultDto })
  async erase(@Body() body: EraseCallerDto): Promise<EraseCallerResultDto> {
    return { erased: await this.callerRefs.erase(body.callerRef) };
  }
}
