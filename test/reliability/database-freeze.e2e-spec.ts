import { setPresence } from '../support/router';
import { TestApp } from '../support/test-app';
import { internalErrorsIn } from './support/logs';
import {
  DOWN_MS,
  BUDGET_MS,
  sleep,
  Tried,
  itWroteNoSecrets,
  useOutageHarness,
} from './support/outage-harness';

/**
 * The database goes away for 10 s under router traffic (reservations and event batches over real
 * HTTP) and comes back. Uses a PostgreSQL of its own, so stopping it hurts no other suite.
 */
describe('database frozen under traffic', () => {
  const h = useOutageHarness();

  it('answers every router request within the budget while the database is frozen (SIGSTOP), recovers on SIGCONT', async () => {
    const { t, key, secrets, pg, logFile } = h;
    const teamId = await t.createTeam();
    const agents: Array<Awaited<ReturnType<TestApp['createAgent']>>> = [];
    for (let i = 0; i < 8; i++) {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'wuu', proficiency: 4 }] });
      secrets.push(a.password, a.token);
      await setPresence(t, a, 'available');
      agents.push(a);
    }
    const base = await t.url();
    const tried: Tried[] = [];
    let stopTraffic = false;
    let seq = 0;
    const send = async (kind: Tried['kind'], method: string, path: string, body?: unknown) => {
      const startedAt = Date.now();
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const json: any = await res.json().catch(() => undefined);
      const row: Tried = {
        kind,
        startedAt,
        ms: Date.now() - startedAt,
        status: res.status,
        error: json?.error,
        retryAfter: res.headers.get('retry-after'),
      };
      tried.push(row);
      return { row, json };
    };
    // Every kind of router path: availability, reserve/reject, events, presence, agent lookup.
    const router = async (w: number) => {
      const agent = agents[w];
      let i = 0;
      while (!stopTraffic) {
        const { row, json } = await send('reserve', 'POST', '/v1/routing/reservations', {
          callId: `frozen-${w}-${seq++}`,
          dialect: 'wuu',
        });
        if (row.status === 201)
          await send('reject', 'POST', `/v1/routing/reservations/${json.reservationId}/reject`);
        await send('read', 'GET', '/v1/routing/available-agents?dialect=wuu&limit=5');
        await send('read', 'GET', `/v1/agents/${agent.agentId}/presence`);
        await send('read', 'GET', `/v1/agents?externalId=${agent.externalId}`);
        const at = new Date(t.clock.now().getTime() - 20 * 86_400_000 + i * 120_000).toISOString();
        const { row: ev } = await send('events', 'POST', '/v1/calls/events', {
          events: [
            {
              eventId: `frozen-${w}-${i}`,
              type: 'call.answered',
              callId: `fz-${w}-${i}`,
              agentId: agent.agentId,
              at,
            },
          ],
        });
        if (ev.status === 202) i++;
      }
    };
    const traffic = Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(router));

    await sleep(1500);
    await pg.freeze();
    const frozenAt = Date.now();
    await sleep(DOWN_MS);
    const thawingAt = Date.now();
    await pg.thaw();
    const thawedAt = Date.now();
    let recoveredAt: number | undefined;
    while (Date.now() - thawedAt < 15_000) {
      recoveredAt = tried.find((r) => r.startedAt >= thawedAt && r.status < 300)?.startedAt;
      if (recoveredAt) break;
      await sleep(50);
    }
    await sleep(1500);
    stopTraffic = true;
    await traffic;

    const during = tried.filter((r) => r.startedAt + r.ms >= frozenAt && r.startedAt <= thawingAt);
    const sorted = during.map((r) => r.ms).sort((a, b) => a - b);
    const summary = {
      tried: tried.length,
      duringFreeze: during.length,
      unavailable: during.filter((r) => r.status === 503).length,
      serverErrors: tried.filter((r) => r.status >= 500 && r.status !== 503).length,
      p50Ms: sorted[Math.floor(sorted.length / 2)],
      p95Ms: sorted[Math.floor(sorted.length * 0.95)],
      slowestMs: sorted[sorted.length - 1],
      recoveryMs: (recoveredAt ?? Infinity) - thawedAt,
    };
    // The README quotes these figures.
    process.stdout.write(`frozen: ${JSON.stringify(summary)}\n`);
    for (const line of internalErrorsIn(logFile)) process.stdout.write(`500 logged: ${line}\n`);

    expect(during.length).toBeGreaterThan(30);
    expect(summary.serverErrors).toBe(0);
    expect(tried.every((r) => [200, 201, 202, 409, 503].includes(r.status))).toBe(true);
    expect(
      during.filter((r) => r.status === 503).every((r) => r.error === 'DATABASE_UNAVAILABLE'),
    ).toBe(true);
    expect(summary.unavailable).toBeGreaterThan(10);
    // The budget (DATABASE_REQUEST_BUDGET_MS, 2 s) plus slack for a busy machine: never the freeze.
    expect(summary.slowestMs).toBeLessThan(BUDGET_MS + 1500);
    expect(summary.recoveryMs).toBeLessThan(5000);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 90_000);

  itWroteNoSecrets(h);
});
