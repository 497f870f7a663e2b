/**
 * The call queue under overload (issue 15): 2,000 agents, calls arriving at twice the answer
 * capacity for 60 s, then draining, through two service processes. A router stand-in takes offers
 * from the event stream, accepts them and ends each call after its handle time (no wrap-up), so
 * agents free up all the time. Reports offers/s, agent-free-to-offer p50/p99 (from the presence
 * history: how long each agent stayed available before its next offer while calls waited), service
 * CPU per offer, and double offers (per agent and per call, from the reservations).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { SseClient } from '../test/support/sse';
import { BenchRow, fmt, percentile, routerKey, seedAgents, spawnService } from './support';

const AGENTS = Number(process.env.BENCH_QUEUE_AGENTS ?? 2000);
const ARRIVAL_SECONDS = Number(process.env.BENCH_QUEUE_SECONDS ?? 60);
const HANDLE_SECONDS = Number(process.env.BENCH_QUEUE_HANDLE_SECONDS ?? 40);
const DRAIN_LIMIT_SECONDS = 240;

/** CPU seconds (user + system) a process has used so far (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
}

export async function queueDistributor(dbUrl: string): Promise<BenchRow[]> {
  const bench = `queue: ${AGENTS} agents, 2x capacity ${ARRIVAL_SECONDS} s then drain, 2 processes`;
  await seedAgents(dbUrl, AGENTS, AGENTS, { wrapUpSeconds: 0 });
  const services = [await spawnService(dbUrl), await spawnService(dbUrl)];
  try {
    const key = await routerKey(services[0].url);
    const headers = { 'X-Api-Key': key, 'Content-Type': 'application/json' };
    const post = async (i: number, path: string, body?: unknown) => {
      const r = await fetch(`${services[i % 2].url}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body ?? {}),
      });
      await r.arrayBuffer();
      return r.status;
    };
    const stream = await SseClient.open(`${services[1].url}/v1/events`, { 'X-Api-Key': key });
    let errors = 0;
    // What went wrong, by request and answer (e.g. "enqueue 503", "accept threw"), for the table.
    const why = new Map<string, number>();
    const failed = (what: string) => {
      errors++;
      why.set(what, (why.get(what) ?? 0) + 1);
    };
    let queuedAnswers = 0;
    let offers = 0;
    const pending = new Set<Promise<unknown>>();
    const track = (work: Promise<unknown>) => {
      const p = work.catch((e) => failed(`threw ${(e as Error).message.slice(0, 40)}`));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    let seen = 0;
    const takeOffers = () => {
      for (; seen < stream.events.length; seen++) {
        const e = stream.events[seen];
        if (e.type !== 'call.offered') continue;
        offers++;
        const { callId, reservation } = e.data;
        track(
          (async () => {
            if (
              (await post(
                offers,
                `/v1/routing/reservations/${reservation.reservationId}/accept`,
              )) !== 200
            )
              return void failed('accept not 200');
            const handle = HANDLE_SECONDS * (0.5 + Math.random());
            await new Promise((r) => setTimeout(r, handle * 1000));
            const ended = await post(offers, '/v1/calls/events', {
              events: [
                {
                  eventId: `end-${callId}`,
                  type: 'call.ended',
                  callId,
                  agentId: reservation.agentId,
                  at: new Date().toISOString(),
                  durationSeconds: Math.round(handle),
                },
              ],
            });
            if (ended !== 202) failed(`call.ended ${ended}`);
          })(),
        );
      }
    };
    const poller = setInterval(takeOffers, 5);

    const cpu0 = services.map((s) => cpuSeconds(s.child.pid!));
    const t0 = performance.now();
    const perSecond = (2 * AGENTS) / HANDLE_SECONDS;
    let sent = 0;
    let firstQueuedAt: Date | null = null;
    while (performance.now() - t0 < ARRIVAL_SECONDS * 1000) {
      const due = Math.floor(((performance.now() - t0) / 1000) * perSecond);
      for (; sent < due; sent++) {
        const n = sent;
        track(
          post(n, '/v1/routing/calls', {
            callId: `q-${n}`,
            ...(n % 5 === 0 ? { dialect: 'cmn', minProficiency: 3 } : {}),
            priority: n % 3,
          }).then((status) => {
            if (status === 202) {
              queuedAnswers++;
              firstQueuedAt ??= new Date();
            } else if (status !== 201) failed(`enqueue ${status}`);
          }),
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const arrivalsEnd = performance.now();
    const c = new Client({ connectionString: dbUrl });
    await c.connect();
    for (;;) {
      const { rows } = await c.query(
        `SELECT count(*) FILTER (WHERE status = 'queued')::int AS waiting FROM queued_calls`,
      );
      if (rows[0].waiting === 0 || performance.now() - arrivalsEnd > DRAIN_LIMIT_SECONDS * 1000)
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = services.reduce((sum, s, i) => sum + cpuSeconds(s.child.pid!) - cpu0[i], 0);
    clearInterval(poller);
    stream.close();

    const { rows: stats } = await c.query(
      `SELECT count(*)::int AS offers, count(DISTINCT call_id)::int AS calls FROM reservations`,
    );
    const { rows: waitingLeft } = await c.query(
      `SELECT count(*)::int AS n FROM queued_calls WHERE status = 'queued'`,
    );
    // An agent with two holds at once, or a call held by two agents at once.
    const { rows: doubles } = await c.query(
      `SELECT
         (SELECT count(*) FROM reservations a JOIN reservations b ON a.agent_id = b.agent_id AND a.id < b.id
           WHERE tstzrange(a.created_at, COALESCE(a.decided_at, a.expires_at)) && tstzrange(b.created_at, COALESCE(b.decided_at, b.expires_at)))::int AS agents,
         (SELECT count(*) FROM reservations a JOIN reservations b ON a.call_id = b.call_id AND a.id < b.id
           WHERE tstzrange(a.created_at, COALESCE(a.decided_at, a.expires_at)) && tstzrange(b.created_at, COALESCE(b.decided_at, b.expires_at)))::int AS calls`,
    );
    // Agent-free-to-offer: available intervals that ended in an offer while calls were waiting.
    const { rows: gaps } = await c.query(
      `SELECT extract(epoch FROM i.ended_at - i.started_at) * 1000 AS ms
         FROM presence_intervals i
        WHERE i.state = 'available' AND i.ended_at IS NOT NULL AND i.started_at >= $1
          AND EXISTS (SELECT 1 FROM presence_intervals n WHERE n.agent_id = i.agent_id AND n.state = 'reserved' AND n.started_at = i.ended_at)
          AND EXISTS (SELECT 1 FROM queued_calls q WHERE q.enqueued_at <= i.started_at AND q.offered_at >= i.ended_at)`,
      [firstQueuedAt ?? new Date()],
    );
    await c.end();
    await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 1000))]);
    const ms = gaps.map((g: any) => Number(g.ms)).sort((x: number, y: number) => x - y);
    const offerCount = stats[0].offers;
    return [
      {
        benchmark: bench,
        metric: 'calls / queued (202) / left waiting',
        value: `${sent} / ${queuedAnswers} / ${waitingLeft[0].n}`,
        target: '0 left waiting',
        ok: waitingLeft[0].n === 0 && errors === 0,
      },
      {
        benchmark: bench,
        metric: 'offers/s',
        value: fmt(offerCount / elapsed, 1),
        target: '-',
        ok: true,
      },
      {
        benchmark: bench,
        metric: 'agent free → offer p50 / p99 ms (while calls waited)',
        value: `${fmt(percentile(ms, 50))} / ${fmt(percentile(ms, 99))} (n=${ms.length})`,
        target: 'p99 <= 50',
        ok: percentile(ms, 99) <= 50,
      },
      {
        benchmark: bench,
        metric: 'service CPU ms per offer (2 processes)',
        value: fmt((cpu * 1000) / Math.max(1, offerCount), 2),
        target: '-',
        ok: true,
      },
      {
        benchmark: bench,
        metric: 'double offers (agent / call) / errors',
        value: `${doubles[0].agents} / ${doubles[0].calls} / ${errors}${why.size ? ` (${[...why].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
        target: '0 / 0 / 0',
        ok: doubles[0].agents === 0 && doubles[0].calls === 0 && errors === 0,
      },
    ];
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}
