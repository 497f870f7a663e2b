/**
 * Wellbeing benchmark: ending calls with hostile flags at 200 calls/s. Measures the pure policy
 * decision, and the call-events ingest with the policy hooks registered and without them.
 * Uses DATABASE_URL's server (default: the local PostgreSQL) with a throw-away database.
 */
import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { CallLifecycle } from '../src/routing/calls/call-lifecycle';
import { CallEventIngest } from '../src/routing/calls/call-event-ingest.service';
import { loadConfig } from '../src/platform/config/app-config';
import { runMigrations } from '../src/schema/migrate';
import { AgentHistory, decide, DEFAULT_POLICY } from '../src/wellbeing/break-policy';

interface Row {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean;
}

const RATE = 200;
const SECONDS = 5;
const AGENTS = 1000;
const CONCURRENCY = 8;
const achieved: number[] = [];

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

function decisionTimes(): number[] {
  const now = new Date('2026-11-23T10:00:00Z');
  const history: AgentHistory = {
    hostileCalls: Array.from({ length: 6 }, (_, i) => ({
      callId: `h${i}`,
      severity: 1 + (i % 3),
      at: new Date(now.getTime() - i * 40 * 60_000),
    })),
    workingSince: new Date(now.getTime() - 50 * 60_000),
    callsSinceBreak: 12,
  };
  const out: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t0 = performance.now();
    decide(
      DEFAULT_POLICY,
      history,
      { kind: 'call-ended', callId: `c${i}`, endedAt: now, hostileSeverity: 1 + (i % 3) },
      now,
    );
    out.push(performance.now() - t0);
  }
  return out.slice(2_000); // after warm-up
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sw_bench_wellbeing_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  await runMigrations(u.toString());
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Ends RATE calls per second for SECONDS (each with a hostile flag), one call per batch; latency per batch. */
async function endCalls(
  calls: CallEventIngest,
  agentIds: string[],
  tag: string,
): Promise<number[]> {
  const now = () => new Date();
  const open: Array<{ callId: string; agentId: string }> = [];
  for (const agentId of agentIds) {
    const callId = `${tag}-${randomUUID()}`;
    open.push({ callId, agentId });
  }
  await calls.ingest(
    open.map(
      (c) =>
        ({
          eventId: `a-${c.callId}`,
          type: 'call.answered',
          callId: c.callId,
          agentId: c.agentId,
          at: now().toISOString(),
        }) as any,
    ),
  );
  const times: number[] = [];
  const total = Math.min(open.length, RATE * SECONDS);
  const started = performance.now();
  let next = 0;
  // A few router connections sending in parallel, each paced to the shared schedule.
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const wait = started + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const c = open[i];
      const at = now().toISOString();
      const t0 = performance.now();
      await calls.ingest([
        {
          eventId: `h-${c.callId}`,
          type: 'call.hostile',
          callId: c.callId,
          agentId: c.agentId,
          at,
          severity: 1 + (i % 3),
          source: 'sentiment',
        } as any,
        {
          eventId: `e-${c.callId}`,
          type: 'call.ended',
          callId: c.callId,
          agentId: c.agentId,
          at,
          durationSeconds: 120,
        } as any,
      ]);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  achieved.push(total / elapsed);
  return times;
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const decisions = decisionTimes();
  const d99 = p(decisions, 0.99);
  rows.push({
    benchmark: 'wellbeing',
    metric: 'policy decision p99',
    value: ms(d99),
    target: '< 2 ms',
    ok: d99 < 2,
  });

  const db = await scratchDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    JOBS_ENABLED: 'false',
    DATABASE_POOL_SIZE: '20',
    LOG_LEVEL: 'warn',
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ config, databaseUrl: db.url })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  try {
    const ds = app.get(CallEventIngest)['dataSource'] as import('typeorm').DataSource;
    const [{ id: siteId }] = await ds.query(
      `INSERT INTO sites (name, time_zone) VALUES ('bench', 'UTC') RETURNING id`,
    );
    const [{ id: teamId }] = await ds.query(
      `INSERT INTO teams (name, site_id) VALUES ('bench', $1) RETURNING id`,
      [siteId],
    );
    const agents: Array<{ id: string }> = await ds.query(
      `INSERT INTO agents (external_id, display_name, team_id) SELECT 'bench-' || g, 'Bench ' || g, $1 FROM generate_series(1, $2) g RETURNING id`,
      [teamId, AGENTS * 2],
    );
    const ids = agents.map((a) => a.id);
    const calls = app.get(CallEventIngest);
    // Same load with the lifecycle hooks removed (first, as a warm-up too): what the policy adds.
    const lifecycle = app.get(CallLifecycle) as unknown as { hooks: unknown[] };
    const saved = [...lifecycle.hooks];
    lifecycle.hooks.length = 0;
    const without = await endCalls(calls, ids.slice(AGENTS), 'without');
    lifecycle.hooks.push(...saved);
    const withPolicy = await endCalls(calls, ids.slice(0, AGENTS), 'with');
    const w99 = p(withPolicy, 0.99);
    const o99 = p(without, 0.99);
    const w50 = p(withPolicy, 0.5);
    const o50 = p(without, 0.5);
    rows.push(
      {
        benchmark: 'wellbeing',
        metric: `hostile call.ended ingest p50 / p99 with policy @${RATE}/s`,
        value: `${ms(w50)} / ${ms(w99)}`,
        target: '-',
        ok: true,
      },
      {
        benchmark: 'wellbeing',
        metric: `hostile call.ended ingest p50 / p99 without policy @${RATE}/s`,
        value: `${ms(o50)} / ${ms(o99)}`,
        target: '-',
        ok: true,
      },
      {
        benchmark: 'wellbeing',
        metric: 'achieved rate with / without policy',
        value: [...achieved]
          .reverse()
          .map((r) => `${r.toFixed(0)}/s`)
          .join(' / '),
        target: `${RATE}/s`,
        ok: achieved.every((r) => r >= RATE * 0.95),
      },
      {
        benchmark: 'wellbeing',
        metric: 'added by the policy, p99',
        value: ms(w99 - o99),
        target: '< 2 ms',
        ok: w99 - o99 < 2,
      },
      {
        benchmark: 'wellbeing',
        metric: 'added by the policy, p50',
        value: ms(w50 - o50),
        target: '< 2 ms',
        ok: w50 - o50 < 2,
      },
    );
  } finally {
    await app.close();
    await db.drop();
  }
  return rows;
}
