import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../platform/database/prepared-query';
import type { StatementPart } from '../../platform/database/statement-part';
import { EventsService, publishFromRows } from '../../platform/events/events.service';
import type {
  AgentsFreedContext,
  CallBatchContext,
  CallLifecycleHook,
  HostileFlaggedContext,
} from '../calls/call-lifecycle';
import type { NewScheduledState } from '../presence/presence-store';
import type { ReservationDecision } from '../reservations/routing.service';
import { CallerRefs } from './caller-refs';
import { QueueDispatcher } from './queue-dispatcher';

/**
 * When `onDecided` has work: the decided reservation is a queued call's live offer (an SQL condition
 * over the reservation row). The router's own holds match nothing and are decided without it.
 */
export const QUEUED_CALL_OFFER = `EXISTS (SELECT 1 FROM queued_calls q
  WHERE q.call_id = reservations.call_id AND q.reservation_id = reservations.id AND q.status = 'offered')`;

/**
 * An accepted offer connects its queued call and publishes `call.connected`, in the acceptance's
 * own statement (the decided reservation is the CTE `r`, now is $3): nothing when the reservation
 * was not a queued call's live offer.
 */
const CONNECTED = `queue_connected AS (
         UPDATE queued_calls q SET status = 'connected', connected_at = $3, status_at = $3
           FROM r WHERE q.call_id = r.call_id AND q.reservation_id = r.id AND q.status = 'offered'
         RETURNING q.call_id, q.team_id, r.agent_id)`;
const PUBLISH_CONNECTED = publishFromRows('queue_connected', {
  type: 'call.connected',
  audience: ['agent', 'router'],
  payload: `jsonb_build_object('callId', call_id, 'agentId', agent_id)`,
  at: '$3::timestamptz',
});
export const CONNECT_ON_ACCEPT: StatementPart = {
  ctes: `${CONNECTED},
       ${PUBLISH_CONNECTED.ctes}`,
  read: PUBLISH_CONNECTED.read,
};

/**
 * How queued calls follow what happens to them elsewhere, inside that change's transaction:
 * an offer accepted or answered → connected; rejected → back to its place, never again to that
 * agent; ended → ended; flagged hostile → its caller is remembered (by keyed hash).
 */
@Injectable()
export class QueueReactions implements CallLifecycleHook {
  constructor(
    private readonly events: EventsService,
    private readonly callerRefs: CallerRefs,
    private readonly dispatcher: QueueDispatcher,
  ) {}

  /** A rejected offer: its call goes back to its place, never again to that agent. */
  async onDecided(m: EntityManager, d: ReservationDecision): Promise<void> {
    const { reservation, now } = d;
    if (d.reason === 'abandoned') return; // the abandon itself closed the call
    const rows = await preparedQuery(
      m,
      `UPDATE queued_calls q SET status = 'queued', excluded_agent_ids = array_append(q.excluded_agent_ids, q.agent_id),
              reservation_id = NULL, agent_id = NULL, team_id = NULL, offer_expires_at = NULL, status_at = $3
        WHERE call_id = $1 AND reservation_id = $2 AND status = 'offered'
        RETURNING $4::uuid AS agent_id, (SELECT team_id FROM agents WHERE id = $4) AS team_id`,
      [reservation.callId, reservation.reservationId, now, reservation.agentId],
    );
    await this.publish(m, 'call.requeued', reservation.callId, rows[0], now, ['agent', 'router'], {
      reservationId: reservation.reservationId,
      reason: d.reason,
    });
    // The agent is free again (unless that was a third missed offer): the next waiting call, at once.
    await this.dispatcher.offerToFreed(m, [reservation.agentId], now);
  }

  /** An agent freed by a call's end is offered the next waiting call in the same transaction. */
  async afterAgentsFreed(ctx: AgentsFreedContext): Promise<void> {
    await this.dispatcher.offerToFreed(ctx.manager, ctx.agentIds, ctx.now);
  }

  /**
   * One statement per batch on the router's event path: answered queued calls connected, ended ones
   * ended (a call answered and ended in the same batch goes straight to ended, never connected), any
   * stranded alert of an ended call resolved; one insert publishes what changed.
   */
  async afterBatch(ctx: CallBatchContext): Promise<void> {
    if (ctx.answered.length === 0 && ctx.ended.length === 0) return;
    const rows = await preparedQuery<{
      type: string;
      call_id: string;
      agent_id: string | null;
      team_id: string | null;
    }>(
      ctx.manager,
      `WITH ended AS (
         UPDATE queued_calls q SET status = 'ended', ended_at = v.ended_at, status_at = $4
           FROM unnest($2::text[], $3::timestamptz[]) AS v(call_id, ended_at)
          WHERE q.call_id = v.call_id AND q.status IN ('offered', 'connected')
          RETURNING q.call_id, q.agent_id, q.team_id),
       connected AS (
         UPDATE queued_calls SET status = 'connected', connected_at = $4, status_at = $4
          WHERE call_id = ANY($1::text[]) AND NOT (call_id = ANY($2::text[])) AND status = 'offered'
          RETURNING call_id, agent_id, team_id),
       resolved AS (
         UPDATE stranded_call_alerts SET resolved_at = $4 WHERE call_id = ANY($2::text[]) AND resolved_at IS NULL)
       SELECT 'call.ended' AS type, * FROM ended
       UNION ALL
       SELECT 'call.connected', * FROM connected`,
      [ctx.answered, ctx.ended.map((e) => e.callId), ctx.ended.map((e) => e.endedAt), ctx.now],
    );
    if (rows.length === 0) return;
    await this.events.publish(
      ctx.manager,
      rows.map((r) => ({
        type: r.type,
        agentId: r.agent_id,
        teamId: r.team_id,
        audience: ['agent', 'router'],
        payload: { callId: r.call_id, agentId: r.agent_id },
        at: ctx.now,
      })),
    );
  }

  async afterHostileFlagged(ctx: HostileFlaggedContext): Promise<NewScheduledState[]> {
    await this.callerRefs.rememberHostile(ctx.manager, ctx.callId, ctx.now);
    return [];
  }

  private async publish(
    m: EntityManager,
    type: string,
    callId: string,
    row: { agent_id: string | null; team_id: string | null } | undefined,
    now: Date,
    audience: Array<'agent' | 'router'>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (!row) return; // not a queued call, or already past this step
    await this.events.publish(m, [
      {
        type,
        agentId: row.agent_id,
        teamId: row.team_id,
        audience,
        payload: { callId, agentId: row.agent_id, ...extra },
        at: now,
      },
    ]);
  }
}
