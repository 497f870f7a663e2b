import { Controller, Get, Headers, OnModuleDestroy, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { validationFailed } from '../common/errors/validation';
import { maySee, StreamViewer } from './domain/event-scope';
import { EventsBus, StreamEvent } from './events-bus';
import { EVENT_TYPES_DOC } from './event-types';

const HEARTBEAT_MS = 15_000;

@ApiTags('events')
@Controller('events')
export class EventsController implements OnModuleDestroy {
  /** Open streams, ended when the app shuts down (an open response would hold the server open). */
  private readonly open = new Set<Response>();

  constructor(private readonly bus: EventsBus) {}

  onModuleDestroy(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }

  @Get()
  @Roles('admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router')
  @ApiOperation({
    summary: 'Live events the caller may see (server-sent events)',
    description: EVENT_TYPES_DOC,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description:
      'Resume after this event id: every event after it that the caller may see is replayed first',
  })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'The same as the Last-Event-ID header, for clients that cannot set headers',
  })
  @ApiOkResponse({
    description: 'text/event-stream: `id`, `event` (the type) and `data` (JSON) per event',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const resumeFrom = header ?? query;
    if (resumeFrom !== undefined && !/^\d{1,18}$/.test(resumeFrom))
      throw validationFailed([
        { field: 'Last-Event-ID', messages: ['must be an event id (digits)'] },
      ]);
    const viewer = viewerOf(principal);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');

    let closed = false;
    let sent = BigInt(resumeFrom ?? this.bus.position);
    const send = (e: StreamEvent) => {
      if (closed || BigInt(e.seq) <= sent || !maySee(viewer, e)) return;
      sent = BigInt(e.seq);
      res.write(
        `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e.payload, at: e.at })}\n\n`,
      );
    };
    let buffer: StreamEvent[] | null = resumeFrom !== undefined ? [] : null;
    const unsubscribe = this.bus.subscribe((e) => (buffer ? buffer.push(e) : send(e)));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    this.open.add(res);
    res.on('close', () => {
      closed = true;
      this.open.delete(res);
      clearInterval(heartbeat);
      unsubscribe();
    });
    if (buffer) {
      try {
        for await (const e of this.bus.after(sent.toString(), this.bus.position)) {
          if (closed) break;
          send(e);
        }
      } finally {
        const pending = buffer;
        buffer = null;
        pending.forEach(send);
      }
    }
    res.write(': live\n\n');
  }
}

function viewerOf(principal: Principal): StreamViewer {
  return principal.kind === 'user'
    ? { roles: principal.roles, agentId: principal.agentId, teamId: principal.teamId }
    : { roles: principal.roles, agentId: null, teamId: null };
}
