import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { runMigrations } from '../src/schema/migrate';
import { freePort, withDatabase } from '../src/platform/database/database-url';

export { freePort };

/**
 * A lean keep-alive HTTP client for load loops: the load generator shares the machine with the
 * service, and fetch() costs it about twice the CPU per request of node:http.
 */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: keepAlive,
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method,
        headers: payload
          ? {
              ...headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface BenchRow {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean;
}

/** A migrated database for one benchmark: a throw-away embedded PostgreSQL, or a fresh database on DATABASE_URL's server. */
export async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const name = `sw_bench_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(process.env.DATABASE_URL, name);
    await runMigrations(url);
    return {
      url,
      stop: async () => {
        const c = new Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'shiftwell-bench-'));
  chmodSync(dataDir, 0o755);
  const db = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'bench',
    persistent: false,
  });
  await runMigrations(db.url);
  return { url: db.url, stop: () => db.stop() };
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs the service (with the bench probe) as a real process of its own, as in production. */
export async function spawnService(
  databaseUrl: string,
  env: Record<string, string> = {},
  script = 'server.ts',
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', resolve(__dirname, script)],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Up to 3 minutes: ts-node start-up on a busy machine is slow.
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

export async function adminToken(url: string): Promise<string> {
  const r = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@shiftwell.local', password: 'shiftwell-admin' }),
  });
  return ((await r.json()) as any).accessToken;
}

export async function routerKey(url: string): Promise<string> {
  const token = await adminToken(url);
  const r = await fetch(`${url}/v1/api-keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: `bench-${Date.now()}`, role: 'router' }),
  });
  return ((await r.json()) as any).key;
}

export const DIALECTS = ['cmn', 'cmn-x-wuhan', 'cmn-x-sichuan', 'yue', 'wuu', 'nan', 'en'];
export const SKILLS = ['elder-care', 'returns', 'billing', 'complaints'];

/**
 * Seeds agents straight into the database (HTTP would spend the time hashing passwords):
 * each with one of 7 dialects (plus Putonghua for most), 0-2 of 4 skills, and `available` of them available.
 */
export async function seedAgents(
  databaseUrl: string,
  total: number,
  available: number,
  options: { wrapUpSeconds?: number; hostileReportWindowSeconds?: number } = {},
): Promise<string> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  const [{ site }] = (
    await c.query(`INSERT INTO sites (name) VALUES ('Bench site') RETURNING id AS site`)
  ).rows;
  const [{ team }] = (
    await c.query(
      `INSERT INTO teams (name, site_id) VALUES ('Bench team', $1) RETURNING id AS team`,
      [site],
    )
  ).rows;
  // The hostile-report window (default 20 s after every call) is part of wrap-up; a bench that asks
  // for no wrap-up measures the distributor, so it gets no window either unless it says otherwise.
  await c.query(
    `INSERT INTO team_settings (team_id, wrap_up_seconds, hostile_report_window_seconds) VALUES ($1, $2, $3)`,
    [
      team,
      options.wrapUpSeconds ?? 30,
      options.hostileReportWindowSeconds ?? (options.wrapUpSeconds === 0 ? 0 : 20),
    ],
  );
  await c.query(
    `INSERT INTO agents (external_id, display_name, team_id) SELECT 'b' || g, 'Agent ' || g, $2 FROM generate_series(1, $1) g`,
    [total, team],
  );
  await c.query(
    `INSERT INTO agent_tags (agent_id, tag, proficiency)
     SELECT a.id, ($1::text[])[1 + (hashtext(a.external_id) & 1023) % 7], 3 + (hashtext(a.external_id || 'p') & 1023) % 3 FROM agents a`,
    [DIALECTS],
  );
  await c.query(
    `INSERT INTO agent_tags (agent_id, tag, proficiency)
     SELECT a.id, 'cmn', 4 FROM agents a WHERE (hashtext(a.external_id || 'c') & 1023) % 4 <> 0 ON CONFLICT DO NOTHING`,
  );
  for (const [i, skill] of SKILLS.entries()) {
    await c.query(
      `INSERT INTO agent_tags (agent_id, tag, proficiency)
       SELECT a.id, $1, 2 + (hashtext(a.external_id || $1) & 1023) % 4 FROM agents a WHERE (hashtext(a.external_id || 's' || $2) & 1023) % 3 = 0`,
      [skill, i],
    );
  }
  await c.query(
    `INSERT INTO agent_presence (agent_id, state, since)
     SELECT a.id, CASE WHEN row_number() OVER (ORDER BY a.external_id) <= $1 THEN 'available' ELSE 'offline' END,
            now() - (hashtext(a.external_id) & 1023) * interval '1 second'
       FROM agents a`,
    [available],
  );
  await c.query(
    `INSERT INTO presence_intervals (agent_id, state, started_at) SELECT agent_id, state, since FROM agent_presence`,
  );
  await c.query('ANALYZE');
  await c.end();
  return team;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
