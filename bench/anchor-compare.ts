/**
 * Service vs anchor (issue 18), interleaved A B A B A B on the same database so the machine's noise hits
 * both alike: throughput, p50/p99 and CPU per request (the Node process plus its PostgreSQL backends,
 * from /proc/<pid>/stat), and the ratios. Absolute numbers on a shared machine are noise; the ratios count.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { fmt, percentile, request, ServiceProcess, spawnService } from './support';

const TICK_MS = 10; // USER_HZ = 100 on Linux

export interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerReq: number;
  errors: number;
}

/** A target's rounds: medians of the per-round figures, and percentiles over all rounds' requests. */
export interface Rounds extends RoundResult {
  pooled: { p50: number; p99: number; requests: number };
}

function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return 0; // a backend that went away
  }
}

/** The process and its PostgreSQL backends (by application_name on this database). */
async function cpuOf(dbUrl: string, pid: number, appName: string): Promise<Map<number, number>> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [appName],
  );
  await c.end();
  const out = new Map<number, number>([[pid, cpuMs(pid)]]);
  for (const r of rows) out.set(r.pid, cpuMs(r.pid));
  return out;
}

function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export interface Target {
  name: string;
  proc: ServiceProcess;
  appName: string;
}

export async function spawnPair(dbUrl: string): Promise<{ service: Target; anchor: Target }> {
  const service = await spawnService(dbUrl, { JOBS_ENABLED: 'false' });
  const anchor = await spawnService(dbUrl, {}, 'anchor.ts');
  return {
    service: { name: 'service', proc: service, appName: 'shiftwell' },
    anchor: { name: 'anchor', proc: anchor, appName: 'shiftwell-anchor' },
  };
}

/** One measured round of `load` against a target, with CPU per request. */
async function round(
  dbUrl: string,
  t: Target,
  load: (
    url: string,
  ) => Promise<{ count: number; latencies: number[]; errors: number; seconds: number }>,
): Promise<RoundResult & { latencies: number[] }> {
  const before = await cpuOf(dbUrl, t.proc.child.pid!, t.appName);
  const r = await load(t.proc.url);
  const after = await cpuOf(dbUrl, t.proc.child.pid!, t.appName);
  r.latencies.sort((a, b) => a - b);
  return {
    rps: r.count / r.seconds,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    cpuMsPerReq: cpuDelta(before, after) / Math.max(1, r.count),
    errors: r.errors,
    latencies: r.latencies,
  };
}

/** autocannon at `connections` for `seconds` on one GET path, as fast as the target answers. */
export function getLoad(
  path: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
) {
  return (url: string) =>
    new Promise<{ count: number; latencies: number[]; errors: number; seconds: number }>(
      (res, rej) => {
        const latencies: number[] = [];
        const inst = autocannon(
          {
            url: url + path,
            headers,
            connections,
            duration: seconds,
            pipelining: 1,
          },
          (err, result) =>
            err
              ? rej(err)
              : res({
                  count: result.requests.total,
                  latencies,
                  errors: result.non2xx + result.errors,
                  seconds: result.duration,
                }),
        );
        inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) =>
          latencies.push(ms),
        );
      },
    );
}

/**
 * An open-loop GET load at a fixed `rate` (bench/fixed-rate-client.mjs, in a process of its own):
 * requests due at even intervals whatever the answers, latency from when each was due. autocannon's
 * `overallRate` is not this: each connection sends its per-second quota back to back at the start of
 * every second and then idles, so "half the capacity" was a full-speed burst for half of each second,
 * and its latency a saturated queue's (p50 35-55 ms where this measures 2-4 ms).
 */
export function fixedRateLoad(
  path: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  rate: number,
) {
  return (url: string) =>
    new Promise<{ count: number; latencies: number[]; errors: number; seconds: number }>(
      (res, rej) =>
        execFile(
          process.execPath,
          [
            join(__dirname, 'fixed-rate-client.mjs'),
            url + path,
            JSON.stringify(headers),
            String(connections),
            String(seconds),
            String(rate),
          ],
          { maxBuffer: 64 * 1024 * 1024 },
          (err, stdout) => (err ? rej(err) : res(JSON.parse(stdout))),
        ),
    );
}

/** `clients` routers each reserving then accepting for `seconds`; cycles counted. */
export function cycleLoad(
  headers: Record<string, string>,
  clients: number,
  seconds: number,
  dialects: string[],
  tag: string,
) {
  let seq = 0;
  return async (url: string) => {
    const latencies: number[] = [];
    let count = 0;
    let errors = 0;
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    const client = async (i: number) => {
      while (performance.now() < deadline) {
        const n = seq++;
        const started = performance.now();
        const r = await request(url, 'POST', '/v1/routing/reservations', headers, {
          callId: `${tag}-${i}-${n}`,
          dialect: dialects[n % dialects.length],
          ttlSeconds: 30,
        });
        if (r.status !== 201) {
          errors++;
          continue;
        }
        const id = JSON.parse(r.body).reservationId;
        const a = await request(url, 'POST', `/v1/routing/reservations/${id}/accept`, headers, {});
        if (a.status !== 200) errors++;
        else {
          count++;
          latencies.push(performance.now() - started);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
    return { count, latencies, errors, seconds: (performance.now() - t0) / 1000 };
  };
}

/**
 * `clients` routers each sending the usual per-call batch (call.answered + call.ended) for an agent of
 * their own, for `seconds`; batches counted.
 */
export function eventBatchLoad(
  headers: Record<string, string>,
  agentIds: string[],
  seconds: number,
  tag: string,
  senders = 32,
) {
  let seq = 0;
  return async (url: string) => {
    const latencies: number[] = [];
    let count = 0;
    let errors = 0;
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    // Each sender walks its own share of the agents: a router's batches come from many agents, each
    // taking a call every few minutes, not from one agent many times a second (whose history would
    // grow by thousands of intervals an hour and make every load figure dearer than in life).
    const client = async (sender: number) => {
      for (let k = sender; performance.now() < deadline; k += senders) {
        const agentId = agentIds[k % agentIds.length];
        const n = seq++;
        const callId = `${tag}-${n}`;
        const at = new Date();
        const started = performance.now();
        const r = await request(url, 'POST', '/v1/calls/events', headers, {
          events: [
            {
              eventId: `${callId}-a`,
              type: 'call.answered',
              callId,
              agentId,
              at: new Date(at.getTime() - 2000).toISOString(),
            },
            {
              eventId: `${callId}-e`,
              type: 'call.ended',
              callId,
              agentId,
              at: at.toISOString(),
              durationSeconds: 2,
            },
          ],
        });
        if (r.status >= 300) {
          // Say what the first failure of a round was: a count alone hides its cause.
          if (errors++ === 0)
            process.stderr.write(`  event batch ${callId}: ${r.status} ${r.body.slice(0, 300)}\n`);
        } else {
          count++;
          latencies.push(performance.now() - started);
        }
      }
    };
    await Promise.all(Array.from({ length: senders }, (_, i) => client(i)));
    return { count, latencies, errors, seconds: (performance.now() - t0) / 1000 };
  };
}

/**
 * A B A B ... `pairs` times, after one unmeasured warm-up round of each; `between` runs before every
 * round (e.g. puts agents back on the floor). Returns the per-target medians.
 */
export async function interleave(
  dbUrl: string,
  targets: Target[],
  load: (
    url: string,
  ) => Promise<{ count: number; latencies: number[]; errors: number; seconds: number }>,
  warm: (url: string) => Promise<unknown>,
  pairs: number,
  between: () => Promise<void> = async () => undefined,
): Promise<Map<string, Rounds>> {
  for (const t of targets) {
    await between();
    await warm(t.proc.url);
  }
  const rounds = new Map<string, Array<RoundResult & { latencies: number[] }>>(
    targets.map((t) => [t.name, []]),
  );
  for (let i = 0; i < pairs; i++)
    for (const t of targets) {
      await between();
      const r = await round(dbUrl, t, load);
      // Each round on stderr, so a noisy median can be read against its rounds.
      process.stderr.write(`  round ${i + 1} ${t.name}: ${describe(r)}\n`);
      rounds.get(t.name)!.push(r);
    }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return new Map(
    [...rounds].map(([name, rs]) => {
      const all = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
      return [
        name,
        {
          rps: med(rs.map((r) => r.rps)),
          p50: med(rs.map((r) => r.p50)),
          p99: med(rs.map((r) => r.p99)),
          cpuMsPerReq: med(rs.map((r) => r.cpuMsPerReq)),
          errors: rs.reduce((s, r) => s + r.errors, 0),
          pooled: { p50: percentile(all, 50), p99: percentile(all, 99), requests: all.length },
        },
      ];
    }),
  );
}

export function describe(r: RoundResult): string {
  const errors = r.errors ? `, ${r.errors} errors` : '';
  return `${fmt(r.rps, 0)}/s, p50 ${fmt(r.p50)} / p99 ${fmt(r.p99)} ms, ${fmt(r.cpuMsPerReq, 2)} ms CPU/req${errors}`;
}
