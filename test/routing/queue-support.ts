import { PresenceService } from '../../src/routing/presence/presence.service';
import { lockInTransaction } from '../../src/platform/database/advisory-lock';
import { QUEUE_LOCK, QueueDispatcher } from '../../src/routing/queue/queue-dispatcher';
import { eventId } from '../support/router';
import { routerKey, TestApp } from '../support/test-app';

/** Helpers for the queue's e2e specs: the router's side, over HTTP. */
export class Router {
  constructor(
    readonly t: TestApp,
    readonly key: string,
  ) {}

  headers() {
    return routerKey(this.key);
  }

  async enqueue(body: Record<string, unknown>, expect?: number) {
    const res = await this.t.http().post('/v1/routing/calls').set(this.headers()).send(body);
    if (expect !== undefined && res.status !== expect)
      throw new Error(`enqueue: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async call(callId: string, waitSeconds = 0) {
    const res = await this.t
      .http()
      .get(`/v1/routing/calls/${encodeURIComponent(callId)}?waitSeconds=${waitSeconds}`)
      .set(this.headers())
      .expect(200);
    return res.body;
  }

  /** Long-polls until the call has `status` (each poll answers as soon as the status changes). */
  async until(callId: string, status: string, polls = 5) {
    for (let i = 0; i < polls; i++) {
      const body = await this.call(callId, 5);
      if (body.status === status) return body;
    }
    throw new Error(`${callId} never became ${status}: ${JSON.stringify(await this.call(callId))}`);
  }

  async presence(agentId: string, state: string, expect = 200) {
    await this.t
      .http()
      .put(`/v1/agents/${agentId}/presence`)
      .set(this.headers())
      .send({ state })
      .expect(expect);
  }

  async accept(reservationId: string) {
    return this.t
      .http()
      .post(`/v1/routing/reservations/${reservationId}/accept`)
      .set(this.headers())
      .expect(200);
  }

  async reject(reservationId: string, reason?: string) {
    return this.t
      .http()
      .post(`/v1/routing/reservations/${reservationId}/reject`)
      .set(this.headers())
      .send(reason ? { reason } : {})
      .expect(200);
  }

  async events(events: Array<Record<string, unknown>>) {
    await this.t.http().post('/v1/calls/events').set(this.headers()).send({ events }).expect(202);
  }

  async end(callId: string, agentId: string, at: Date, hostile?: number) {
    const list: Array<Record<string, unknown>> = [];
    if (hostile)
      list.push({
        eventId: eventId(),
        type: 'call.hostile',
        callId,
        agentId,
        at: at.toISOString(),
        severity: hostile,
        source: 'agent',
      });
    list.push({
      eventId: eventId(),
      type: 'call.ended',
      callId,
      agentId,
      at: at.toISOString(),
      durationSeconds: 60,
    });
    await this.events(list);
  }

  /** What the timers do in production (tests run without jobs): a dispatch pass now. */
  async dispatch() {
    await this.t.app.get(QueueDispatcher).idle();
    return this.t.app.get(QueueDispatcher).dispatch();
  }

  sweep() {
    return this.t.app.get(PresenceService).sweep();
  }
}

/**
 * Moves the shared manual clock, under the queue lock: a pass (started by a replica's own timer or
 * an agent.freed) reads its `now` after taking that lock, so none can read the time before the jump
 * and make its offers after it (offers that would then lapse at once and exclude their agent).
 */
export async function tick(t: TestApp, seconds: number): Promise<void> {
  await t.dataSource.transaction(async (m) => {
    await lockInTransaction(m, QUEUE_LOCK);
    t.clock.advanceSeconds(seconds);
  });
}
