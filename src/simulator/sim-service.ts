import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import type { ManualClock } from '../platform/common/clock/clock';
import { loadConfig } from '../platform/config/app-config';
import { startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { runMigrations } from '../schema/migrate';
import { MIGRATIONS } from '../schema/migrations';
import { freePort, withDatabase } from '../platform/database/database-url';

/** Where the simulator's databases live: DATABASE_URL's server, or its own embedded PostgreSQL. */
export interface DatabaseServer {
  /** A URL on the server to run CREATE/DROP DATABASE from. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The simulator's own folder (one per checkout: DATA_DIR/simulator): its embedded database and prepared centres' manifests. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.DATA_DIR ?? './data', 'simulator');
}

/**
 * DATABASE_URL's server when set; otherwise an embedded PostgreSQL kept under DATA_DIR/simulator
 * (separate from `npm start`'s), so the prepared centre survives between runs.
 */
export async function openDatabaseServer(env: NodeJS.ProcessEnv): Promise<DatabaseServer> {
  if (env.DATABASE_URL)
    return { adminUrl: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = cacheDir(env);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755); // the postgres system user must reach it when run as root
  const db = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'simulator',
  });
  return { adminUrl: db.url, embedded: true, stop: () => db.stop() };
}

async function admin<T>(adminUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const IDENT = /^[a-z0-9_]+$/;

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return admin(adminUrl, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

/** A new database, empty and migrated, or a copy of `template` (a file copy: fast). */
export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  if (!IDENT.test(name) || (template && !IDENT.test(template)))
    throw new Error('bad database name');
  await admin(adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        break;
      } catch (e) {
        // Two runs cloning one template at the same instant: "being accessed by other users".
        if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
    // A throw-away database: a commit need not wait for the disk (a crash loses a run, not data).
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const url = withDatabase(adminUrl, name);
  if (!template) await runMigrations(url);
  return url;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!IDENT.test(name)) throw new Error('bad database name');
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A run's own copy of the centre is named after the process playing it (see runDatabaseName). */
const RUN_DATABASE_PREFIX = 'sw_sim_run_';

/** A new name for a run's database, played by this process. */
export const runDatabaseName = (): string =>
  `${RUN_DATABASE_PREFIX}${process.pid}_${Math.floor(performance.now())}`;

/** Drops every run database process `pid` created (a worker stopped before its own clean-up). */
export async function dropRunDatabasesOf(adminUrl: string, pid: number): Promise<void> {
  const prefix = `${RUN_DATABASE_PREFIX}${pid}_`;
  const rows = await admin(adminUrl, (c) =>
    c.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE left(datname, length($1)) = $1`,
      [prefix],
    ),
  );
  for (const { name } of rows.rows) await dropDatabase(adminUrl, name);
}

export async function renameDatabase(adminUrl: string, from: string, to: string): Promise<void> {
  if (!IDENT.test(from) || !IDENT.test(to)) throw new Error('bad database name');
  await admin(adminUrl, (c) => c.query(`ALTER DATABASE ${from} RENAME TO ${to}`));
}

/**
 * The stamp a prepared centre's template database carries (its comment), matched against the stamp in
 * the centre's manifest: the manifest under DATA_DIR does not say which server its template is on.
 */
export async function databaseStamp(adminUrl: string, name: string): Promise<string | null> {
  return admin(adminUrl, async (c) => {
    const r = await c.query<{ stamp: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS stamp FROM pg_database WHERE datname = $1`,
      [name],
    );
    return r.rows[0]?.stamp ?? null;
  });
}

export async function stampDatabase(adminUrl: string, name: string, stamp: string): Promise<void> {
  if (!IDENT.test(name) || !/^[0-9a-f-]+$/.test(stamp))
    throw new Error('bad database name or stamp');
  await admin(adminUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${stamp}'`));
}

/** A short fingerprint of the schema and of what a prepared centre was built from. */
export function fingerprint(parts: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ parts, migrations: MIGRATIONS.map((m) => m.name) }))
    .digest('hex')
    .slice(0, 12);
}

/** The schema's own fingerprint (the migrations), recorded in a prepared centre's manifest. */
export const schemaFingerprint = (): string => fingerprint(null);

export interface SimulatedService {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Long-lived tokens: a prepared centre's agent tokens are reused across runs. */
export const SIM_JWT_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The real service in this process, as `startService` builds it but on a ManualClock only the
 * simulator moves and with the scheduled jobs and the queue's own passes off (the driver runs the
 * sweeps and passes itself), listening
 * on an ephemeral port of 127.0.0.1. The clock is never reachable over HTTP.
 */
export async function bootService(
  databaseUrlToUse: string,
  clock: ManualClock,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SimulatedService> {
  const pass = (name: string) => (env[name] !== undefined ? { [name]: env[name]! } : {});
  const config = loadConfig({
    NODE_ENV: 'development',
    JOBS_ENABLED: 'false',
    // A throw-away centre whose agents all sign in: OWASP's minimum argon2id cost is enough.
    PASSWORD_HASHING: 'minimum',
    LOG_LEVEL: env.SIM_LOG_LEVEL ?? 'error',
    JWT_TTL_SECONDS: String(SIM_JWT_TTL_SECONDS),
    DATABASE_POOL_SIZE: '10',
    // Wall-clock limits meant for production (a router path's 2 s budget, the statement timeout)
    // would make the day depend on the machine's load: a slow moment became a 503 and ended the
    // run. The simulated day waits instead (its figures are in virtual time).
    DATABASE_REQUEST_BUDGET_MS: '60000',
    DATABASE_STATEMENT_TIMEOUT_MS: '600000',
    ...pass('JWT_SECRET'),
    ...pass('BOOTSTRAP_ADMIN_EMAIL'),
    ...pass('BOOTSTRAP_ADMIN_PASSWORD'),
    ...pass('NOTES_ENCRYPTION_KEY'),
    ...pass('CALLER_REF_SECRET'),
    ...pass('CALLBACK_ENCRYPTION_KEY'),
    ...pass('LOG_FILE'),
  });
  const app = await NestFactory.create(
    // The simulator runs the queue's passes itself, at fixed points of its day.
    AppModule.register({
      config: { ...config, queuePassesByCaller: true },
      databaseUrl: databaseUrlToUse,
      clock,
    }),
    { bufferLogs: true, bodyParser: false },
  );
  configureApp(app, { swagger: false });
  // The simulator's own client is the only one: its idle keep-alive sockets stay open, so a request
  // never meets a socket the server is closing at that moment (ECONNRESET on a busy machine).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 3_600_000;
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
