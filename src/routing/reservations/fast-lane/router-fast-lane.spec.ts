import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiKeysService } from '../../../platform/auth/api-keys.service';
import type { CallEventIngest } from '../../calls/call-event-ingest.service';
import type { QueueService } from '../../queue/queue.service';
import type { RoutingService } from '../routing.service';
import { routerFastLane } from './router-fast-lane';

/**
 * Which requests the fast lane answers itself and which it passes on to Express. The services behind
 * it are stand-ins that say what they were asked (the e2e suites compare the lane's answers with the
 * full path's on a real database); here the question is only whether the lane took the request.
 */
describe('router fast lane: which requests it takes', () => {
  const RESERVATION = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const lane = routerFastLane({
      apiKeys: {
        authenticate: async (key: string) =>
          key === 'router-key'
            ? { kind: 'apiKey', apiKeyId: 'k1', roles: ['router'], name: 'router' }
            : null,
      } as unknown as ApiKeysService,
      routing: {
        reserve: async (input: { callId: string }) => ({
          created: true,
          reservation: { callId: input.callId },
        }),
        accept: async (id: string) => ({ reservationId: id, status: 'accepted' }),
      } as unknown as RoutingService,
      queue: {
        enqueue: async (input: { callId: string }) => ({
          httpStatus: 202,
          body: { callId: input.callId, status: 'queued' },
        }),
        abandon: async (callId: string) => ({ callId, status: 'abandoned' }),
      } as unknown as QueueService,
      callEvents: {
        ingest: async (events: unknown[]) => ({ accepted: events.length, duplicates: 0 }),
      } as unknown as CallEventIngest,
      budgetMs: 2000,
    });
    server = http.createServer((req, res) =>
      lane(req, res, () => {
        res.writeHead(299, { 'content-type': 'text/plain' });
        res.end('passed on');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (path: string, body?: string) => {
    const r = await fetch(base + path, {
      method: 'POST',
      headers: {
        'x-api-key': 'router-key',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
    });
    return { status: r.status, text: await r.text() };
  };

  it('takes an accept and an abandon with no body or an empty JSON object, as HTTP clients send them', async () => {
    for (const body of [undefined, '{}', ' { } ']) {
      const accepted = await post(`/v1/routing/reservations/${RESERVATION}/accept`, body);
      expect(accepted).toEqual({
        status: 200,
        text: JSON.stringify({ reservationId: RESERVATION, status: 'accepted' }),
      });
      const abandoned = await post('/v1/routing/calls/c-1/abandon', body);
      expect(abandoned.status).toBe(200);
    }
  });

  it('passes on an accept whose body has anything in it, and answers a malformed one as Express would', async () => {
    expect((await post(`/v1/routing/reservations/${RESERVATION}/accept`, '{"x":1}')).status).toBe(
      299,
    );
    expect((await post(`/v1/routing/reservations/${RESERVATION}/accept`, '[]')).status).toBe(299);
    const malformed = await post(`/v1/routing/reservations/${RESERVATION}/accept`, '{');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).error).toBe('MALFORMED_JSON');
  });

  it('takes an enqueue, a reservation and a call-event batch with their JSON bodies', async () => {
    const enqueued = await post(
      '/v1/routing/calls',
      JSON.stringify({ callId: 'q-1', priority: 2 }),
    );
    expect(enqueued).toEqual({
      status: 202,
      text: JSON.stringify({ callId: 'q-1', status: 'queued' }),
    });
    const held = await post('/v1/routing/reservations', JSON.stringify({ callId: 'r-1' }));
    expect(held.status).toBe(201);
    const batch = await post(
      '/v1/calls/events',
      JSON.stringify({
        events: [
          {
            eventId: 'e-1',
            type: 'call.ended',
            callId: 'c-1',
            agentId: RESERVATION,
            at: '2026-11-30T10:00:00.000Z',
            durationSeconds: 60,
          },
        ],
      }),
    );
    expect(batch).toEqual({ status: 202, text: JSON.stringify({ accepted: 1, duplicates: 0 }) });
  });

  it('passes on what it does not read: bodies over its size, unknown keys, no key', async () => {
    const big = JSON.stringify({ callId: 'q-2', callerRef: 'x'.repeat(5000) });
    expect((await post('/v1/routing/calls', big)).status).toBe(299);
    expect((await post('/v1/routing/calls', JSON.stringify({ callId: 'q-3', x: 1 }))).status).toBe(
      299,
    );
    const anonymous = await fetch(`${base}/v1/routing/reservations/${RESERVATION}/accept`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(299);
  });
});
