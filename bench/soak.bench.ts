/**
 * Soak: mixed router traffic at a moderate rate against one real service process for SOAK_SECONDS
 * (default 600). Memory must stay flat after warm-up (RSS growth < 10 %), the database connections
 * must not grow, and p99 latency must stay steady. Uses DATABASE_URL's server or a dedicated
 * embedded PostgreSQL. Not part of CI (`npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { LOCAL_DEFAULTS } from '../src/platform/config/app-config';
import { runMigrations } from '../src/schema/migrate';
import { DedicatedPostgres } from '../test/reliability/support/dedicated-postgres';
import { ReplicaProcess } from '../test/reliability/support/replica-process';
import { withDatabase } from '../src/platform/database/database-url';

interface Row {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean;
}

const POOL_SIZE = 10;
const WORKERS = 4;
const TARGET_RPS = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export async function run(): Promise<Row[]> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  const warmupMs = Math.max(10_000, seconds * 100); // the first 10 %
  let pg: DedicatedPostgres | undefined;
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `sw_soak_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = withDatabase(process.env.DATABASE_URL, name);
  } else {
    pg = await DedicatedPostgres.start();
    databaseUrl = pg.url;
  }
  await runMigrations(databaseUrl);
  const app = await ReplicaProcess.start(databaseUrl, {
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    JOBS_ENABLED: 'true',
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const dbName = new URL(databaseUrl).pathname.slice(1);
  try {
    const base = app.url;
    const json = async (
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: unknown,
    ) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };
    // Setup: a router key and 30 agents, available.
    const login = await json(
      'POST',
      '/v1/auth/login',
      {},
      {
        email: LOCAL_DEFAULTS.bootstrapAdminEmail,
        password: LOCAL_DEFAULTS.bootstrapAdminPassword,
      },
    );
    const admin = { Authorization: `Bearer ${login.body.accessToken}` };
    const router = {
      'X-Api-Key': (await json('POST', '/v1/api-keys', admin, { name: 'soak', role: 'router' }))
        .body.key,
    };
    const agents: string[] = [];
    for (let i = 0; i < 30; i++) {
      const a = await json('POST', '/v1/agents', admin, {
        externalId: `soak-${i}`,
        displayName: `Soak ${i}`,
        dialects: [{ tag: i % 2 ? 'cmn' : 'yue', proficiency: 4 }],
        skills: [],
      });
      agents.push(a.body.id);
      await json('PUT', `/v1/agents/${a.body.id}/presence`, router, { state: 'available' });
    }

    const started = Date.now();
    const samples: Array<{ at: number; rss: number; connections: number }> = [];
    const latencies: Array<{ at: number; ms: number }> = [];
    let requests = 0;
    let serverErrors = 0;
    let seq = 0;
    const timed = async (method: string, path: string, body?: unknown) => {
      const t0 = performance.now();
      const r = await json(method, path, router, body);
      latencies.push({ at: Date.now(), ms: performance.now() - t0 });
      requests++;
      if (r.status >= 500) serverErrors++;
      return r;
    };
    const worker = async (w: number) => {
      const pace = (1000 * WORKERS) / TARGET_RPS;
      while (Date.now() - started < seconds * 1000) {
        const t0 = Date.now();
        const dice = Math.random();
        if (dice < 0.4) {
          await timed(
            'GET',
            `/v1/routing/available-agents?dialect=${dice < 0.2 ? 'cmn' : 'yue'}&limit=10`,
          );
        } else if (dice < 0.75) {
          const callId = `soak-${w}-${seq++}`;
          const r = await timed('POST', '/v1/routing/reservations', {
            callId,
            dialect: dice < 0.6 ? 'cmn' : 'yue',
          });
          if (r.status === 201) {
            if (Math.random() < 0.7) {
              await timed('POST', `/v1/routing/reservations/${r.body.reservationId}/reject`);
            } else {
              await timed('POST', `/v1/routing/reservations/${r.body.reservationId}/accept`);
              const now = new Date();
              await timed('POST', '/v1/calls/events', {
                events: [
                  {
                    eventId: `${callId}-a`,
                    type: 'call.answered',
                    callId,
                    agentId: r.body.agentId,
                    at: new Date(now.getTime() - 1000).toISOString(),
                  },
                  {
                    eventId: `${callId}-e`,
                    type: 'call.ended',
                    callId,
                    agentId: r.body.agentId,
                    at: now.toISOString(),
                    durationSeconds: 1,
                  },
                ],
              });
              // Back to the pool once wrap-up is over (the sweep ends it).
              await timed('PUT', `/v1/agents/${r.body.agentId}/presence`, { state: 'available' });
            }
          }
        } else {
          await timed(
            'GET',
            `/v1/agents/${agents[Math.floor(Math.random() * agents.length)]}/presence`,
          );
        }
        await sleep(Math.max(0, pace - (Date.now() - t0)));
      }
    };
    const sampler = (async () => {
      while (Date.now() - started < seconds * 1000) {
        const [{ n }] = (
          await db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'shiftwell'`,
            [dbName],
          )
        ).rows;
        samples.push({ at: Date.now(), rss: rssOf(app.child.pid!), connections: n });
        await sleep(2000);
      }
    })();
    await Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), sampler]);

    const after = samples.filter((s) => s.at - started >= warmupMs);
    const rssStart = after[0]?.rss ?? 0;
    const rssEnd = percentile(
      after.slice(-5).map((s) => s.rss),
      0.5,
    );
    const growth = rssStart ? (rssEnd - rssStart) / rssStart : 0;
    const third = (seconds * 1000 - warmupMs) / 3;
    const inWindow = (from: number, to: number) =>
      latencies.filter((l) => l.at - started >= from && l.at - started < to).map((l) => l.ms);
    const p99First = percentile(inWindow(warmupMs, warmupMs + third), 0.99);
    const p99Last = percentile(inWindow(warmupMs + 2 * third, Infinity), 0.99);
    const connFirst = Math.max(
      ...after.filter((s) => s.at - started < warmupMs + third).map((s) => s.connections),
    );
    const connLast = Math.max(
      ...after.filter((s) => s.at - started >= warmupMs + 2 * third).map((s) => s.connections),
    );
    const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
    return [
      {
        benchmark: 'soak',
        metric: `requests in ${seconds} s (5xx)`,
        value: `${requests} (${serverErrors})`,
        target: '0 5xx',
        ok: serverErrors === 0,
      },
      {
        benchmark: 'soak',
        metric: 'RSS after warm-up → end',
        value: `${mb(rssStart)} → ${mb(rssEnd)} (${(growth * 100).toFixed(1)} %)`,
        target: '< 10 % growth',
        ok: growth < 0.1,
      },
      {
        benchmark: 'soak',
        metric: 'DB connections, first → last third (max)',
        value: `${connFirst} → ${connLast}`,
        target: `no growth, ≤ pool ${POOL_SIZE}`,
        ok: connLast <= Math.max(connFirst, 1) && connLast <= POOL_SIZE,
      },
      {
        benchmark: 'soak',
        metric: 'p99 latency, first → last third',
        value: `${p99First.toFixed(1)} ms → ${p99Last.toFixed(1)} ms`,
        target: 'last ≤ 1.5 × first + 10 ms',
        ok: p99Last <= 1.5 * p99First + 10,
      },
    ];
  } finally {
    await db.end();
    await app.kill('SIGTERM');
    await pg?.destroy();
  }
}
