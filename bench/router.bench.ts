/**
 * Router API benchmarks (issue 3): availability latency vs the framework ceiling, reserve+accept
 * cycles over two service processes with a double-hold check, and event ingestion throughput.
 */
import autocannon from 'autocannon';
import { queueDistributor } from './queue-distributor';
import { Client } from 'pg';
import {
  BenchRow,
  benchDatabase,
  DIALECTS,
  fmt,
  percentile,
  request,
  routerKey,
  seedAgents,
  spawnService,
} from './support';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const SENDERS = 8;

function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
): Promise<autocannon.Result> {
  return new Promise((res, rej) => {
    autocannon({ url, headers, connections, duration: DURATION_S, pipelining: 1 }, (err, result) =>
      err ? rej(err) : res(result),
    );
  });
}

async function timed<T>(fn: () => Promise<T>, latencies: number[]): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  latencies.push(performance.now() - t0);
  return out;
}

export async function run(): Promise<BenchRow[]> {
  if (process.env.BENCH_ROUTER_ONLY === 'queue') return runQueue();
  const rows: BenchRow[] = [...(await runQueue())];
  const db = await benchDatabase();
  const teamId = await seedAgents(db.url, 10_000, 2_000, { wrapUpSeconds: 0 });
  const probe = await spawnService(db.url, { JOBS_ENABLED: 'false' });
  try {
    const key = await routerKey(probe.url);
    const headers = { 'X-Api-Key': key };
    const query = '/v1/routing/available-agents?dialect=cmn&minProficiency=3&limit=20';
    const sample = await (await fetch(`${probe.url}${query}`, { headers })).text();
    await probe.stop();

    // 1. Availability vs a constant body of the same size behind the same auth.
    const one = await spawnService(db.url, {
      JOBS_ENABLED: 'false',
      BENCH_CEILING_BYTES: String(sample.length),
    });
    const availUrl = `${one.url}${query}`;
    await cannon(availUrl, headers, 32); // warm-up
    const avail = await cannon(availUrl, headers, 32);
    const ceiling = await cannon(`${one.url}/v1/bench/constant`, headers, 32);
    await one.stop();
    const ratio = avail.requests.average / ceiling.requests.average;
    rows.push(
      {
        benchmark: 'availability (32 conns)',
        metric: 'req/s',
        value: fmt(avail.requests.average, 0),
        target: '-',
        ok: avail.non2xx === 0,
      },
      {
        benchmark: 'availability (32 conns)',
        metric: 'p50 / p99 ms',
        value: `${avail.latency.p50} / ${avail.latency.p99}`,
        target: 'p99 <= 10',
        ok: avail.latency.p99 <= 10,
      },
      {
        benchmark: 'ceiling: constant body, same auth',
        metric: 'req/s (p50 / p99 ms)',
        value: `${fmt(ceiling.requests.average, 0)} (${ceiling.latency.p50} / ${ceiling.latency.p99})`,
        target: '-',
        ok: true,
      },
      {
        benchmark: 'availability / ceiling',
        metric: 'throughput ratio',
        value: fmt(ratio * 100, 0) + '%',
        target: '>= 60%',
        ok: ratio >= 0.6,
      },
    );

    // 2. Reserve + accept with 64 concurrent clients over two service processes; a releaser ends calls in batches.
    const a = await spawnService(db.url, { JOBS_ENABLED: 'true' });
    const b = await spawnService(db.url, { JOBS_ENABLED: 'true' });
    const urls = [a.url, b.url];
    const latencies: number[] = [];
    const accepted: Array<{ callId: string; agentId: string }> = [];
    let cycles = 0;
    let failures = 0;
    let seq = 0;
    let evt = 0;
    const post = (url: string, path: string, body: unknown) =>
      request(url, 'POST', path, headers, body);
    /** 64 router clients reserving and accepting, and a releaser ending the calls, for `seconds`. */
    const cycleFor = async (seconds: number, record: boolean) => {
      const deadline = performance.now() + seconds * 1000;
      const client = async (i: number) => {
        const url = urls[i % 2];
        while (performance.now() < deadline) {
          const callId = `bench-${i}-${seq++}`;
          const dialect = DIALECTS[seq % DIALECTS.length];
          const started = performance.now();
          const r = await post(url, '/v1/routing/reservations', {
            callId,
            dialect,
            ttlSeconds: 30,
          });
          let ok = false;
          if (r.status === 201) {
            const res = JSON.parse(r.body);
            const acc = await post(
              urls[(i + 1) % 2],
              `/v1/routing/reservations/${res.reservationId}/accept`,
              {},
            );
            if (acc.status === 200) {
              ok = true;
              accepted.push({ callId, agentId: res.agentId });
            }
          }
          if (!record) continue;
          latencies.push(performance.now() - started);
          if (ok) cycles++;
          else failures++;
        }
      };
      const releaser = async () => {
        while (performance.now() < deadline + 200 || accepted.length) {
          const batch = accepted.splice(0, 100);
          if (batch.length === 0) {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          const at = new Date().toISOString();
          const events = batch.map((c) => ({
            eventId: `rel-${evt++}`,
            type: 'call.ended',
            callId: c.callId,
            agentId: c.agentId,
            at,
            durationSeconds: 60,
          }));
          await post(urls[evt % 2], '/v1/calls/events', { events });
        }
      };
      await Promise.all([...Array.from({ length: 64 }, (_, i) => client(i)), releaser()]);
    };
    // Warm-up, as for availability: pools connect and each connection plans its statements.
    await cycleFor(3, false);
    const t0 = performance.now();
    await cycleFor(DURATION_S, true);
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((x, y) => x - y);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const [{ doubles }] = (
      await c.query(`
        SELECT count(*)::int AS doubles FROM reservations r1 JOIN reservations r2
          ON r1.agent_id = r2.agent_id AND r1.id < r2.id
         WHERE r1.status IN ('held', 'accepted') AND r2.status IN ('held', 'accepted')
           AND tstzrange(r1.created_at, COALESCE(r1.decided_at, r1.expires_at)) && tstzrange(r2.created_at, COALESCE(r2.decided_at, r2.expires_at))
           AND r1.status = 'held' OR (r1.agent_id = r2.agent_id AND r1.id < r2.id AND r1.status = 'held' AND r2.status = 'held')`)
    ).rows;
    const [{ onCallTwice }] = (
      await c.query(
        `SELECT count(*)::int AS "onCallTwice" FROM (SELECT agent_id FROM reservations WHERE status = 'held' GROUP BY agent_id HAVING count(*) > 1) x`,
      )
    ).rows;
    await c.end();
    await Promise.all([a.stop(), b.stop()]);
    rows.push(
      {
        benchmark: 'reserve + accept (64 clients, 2 processes)',
        metric: 'cycles/s',
        value: fmt(cycles / elapsed, 0),
        target: '>= 800',
        ok: cycles / elapsed >= 800,
      },
      {
        benchmark: 'reserve + accept (64 clients, 2 processes)',
        metric: 'cycle p50 / p99 ms',
        value: `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))}`,
        target: 'p99 <= 50',
        ok: percentile(latencies, 99) <= 50,
      },
      {
        benchmark: 'reserve + accept (64 clients, 2 processes)',
        metric: 'double holds / no-agent answers',
        value: `${doubles + onCallTwice} / ${failures}`,
        target: '0 double holds',
        ok: doubles + onCallTwice === 0,
      },
    );

    // 3. Event ingestion in batches of 100 (answered + ended pairs), each committed before its 202.
    const ing = await spawnService(db.url, { JOBS_ENABLED: 'false' });
    const agentIds: string[] = await (async () => {
      const cl = new Client({ connectionString: db.url });
      await cl.connect();
      const r = await cl.query(
        `SELECT id FROM agents WHERE team_id = $1 ORDER BY external_id LIMIT 5000`,
        [teamId],
      );
      await cl.end();
      return r.rows.map((x: any) => x.id);
    })();
    let events = 0;
    let bad = 0;
    const batchLatencies: number[] = [];
    const ingestDeadline = performance.now() + DURATION_S * 1000;
    const ingester = async (w: number) => {
      let n = 0;
      while (performance.now() < ingestDeadline) {
        const at = new Date().toISOString();
        const batch = Array.from({ length: 50 }, (_, k) => {
          // Each sender stands for a router instance with its own calls: its own slice of agents.
          const slice = Math.floor(agentIds.length / SENDERS);
          const agentId = agentIds[w * slice + ((n * 50 + k) % slice)];
          const callId = `ing-${w}-${n}-${k}`;
          return [
            { eventId: `${callId}-a`, type: 'call.answered', callId, agentId, at },
            {
              eventId: `${callId}-e`,
              type: 'call.ended',
              callId,
              agentId,
              at,
              durationSeconds: 90,
            },
          ];
        }).flat();
        n++;
        const r = await timed(
          () => post(ing.url, '/v1/calls/events', { events: batch }),
          batchLatencies,
        );
        if (r.status === 202) events += batch.length;
        else bad++;
      }
    };
    const t1 = performance.now();
    await Promise.all(Array.from({ length: SENDERS }, (_, w) => ingester(w)));
    const ingestRate = events / ((performance.now() - t1) / 1000);
    batchLatencies.sort((x, y) => x - y);
    await ing.stop();
    rows.push(
      {
        benchmark: 'event ingestion (batches of 100, 8 senders)',
        metric: 'events/s',
        value: fmt(ingestRate, 0),
        target: '>= 5000',
        ok: ingestRate >= 5000 && bad === 0,
      },
      {
        benchmark: 'event ingestion (batches of 100, 8 senders)',
        metric: 'batch p50 / p99 ms',
        value: `${fmt(percentile(batchLatencies, 50))} / ${fmt(percentile(batchLatencies, 99))}`,
        target: '-',
        ok: true,
      },
    );
  } finally {
    await db.stop();
  }
  return rows;
}

/** The queue scenario on a database of its own (its agents are all free at the start). */
async function runQueue(): Promise<BenchRow[]> {
  const db = await benchDatabase();
  try {
    return await queueDistributor(db.url);
  } finally {
    await db.stop();
  }
}
