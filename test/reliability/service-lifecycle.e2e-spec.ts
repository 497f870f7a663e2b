import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/dedicated-postgres';

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  port: number;
}

/** `npm start`'s process, or the service from its sources (faster) with ts-node. */
function launch(
  dataDir: string,
  ports: { http: number; pg: number },
  how: 'sources' | 'npm-start' = 'sources',
): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    PORT: String(ports.http),
    EMBEDDED_PG_PORT: String(ports.pg),
    JOBS_ENABLED: 'false',
  };
  delete env.DATABASE_URL;
  const child =
    how === 'npm-start'
      ? spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(
          process.execPath,
          ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'main.ts')],
          { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
        );
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => output, exited, port: ports.http };
}

async function listening(s: Started, ms = 180_000): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(200)) {
    if (s.child.exitCode !== null) throw new Error(`exited ${s.child.exitCode}:\n${s.output()}`);
    if (s.output().includes('Shiftwell listening')) return;
  }
  throw new Error(`did not start:\n${s.output()}`);
}

/** Milliseconds until the process exited (Infinity if not within `ms`). */
async function exitWithin(s: Started, ms: number): Promise<number> {
  const t0 = Date.now();
  const done = await Promise.race([s.exited.then(() => true), sleep(ms).then(() => false)]);
  const took = done ? Date.now() - t0 : Infinity;
  // The README quotes these figures.
  process.stdout.write(
    `lifecycle: ${expect.getState().currentTestName}: exited after ${took} ms\n`,
  );
  return took;
}

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function gone(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(100))
    if (!alive(pid)) return true;
  return !alive(pid);
}
const tempDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftwell-lifecycle-'));
  chmodSync(dir, 0o755); // the postgres system user must reach it
  return dir;
};
const ports = async () => ({ http: await freePort(), pg: await freePort() });

/**
 * Start-up and shutdown of real service processes on their own embedded PostgreSQL: SIGTERM ends
 * everything within 10 s whatever the database does, a killed run's orphaned cluster does not
 * stop the next start, and what cannot be fixed is said in one line.
 */
describe('service start-up and shutdown (real processes, embedded PostgreSQL)', () => {
  const started: Started[] = [];
  const dirs: string[] = [];
  const pids: number[] = [];
  const run = (dataDir: string, p: { http: number; pg: number }, how?: 'sources' | 'npm-start') => {
    const s = launch(dataDir, p, how);
    started.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await sleep(500);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM stops the service within 10 s after its embedded PostgreSQL was killed', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const s = run(dir, await ports());
    await listening(s);
    const pg = postmasterPid(dir);
    pids.push(pg);
    process.kill(pg, 'SIGKILL');
    expect(await gone(pg, 5000)).toBe(true);
    s.child.kill('SIGTERM');
    expect(await exitWithin(s, 15_000)).toBeLessThan(10_000);
  }, 240_000);

  it('SIGTERM stops the service and a frozen (SIGSTOP) embedded PostgreSQL within 10 s', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const s = run(dir, await ports());
    await listening(s);
    const pg = postmasterPid(dir);
    pids.push(pg);
    process.kill(pg, 'SIGSTOP');
    s.child.kill('SIGTERM');
    expect(await exitWithin(s, 15_000)).toBeLessThan(10_000);
    expect(await gone(pg, 2000)).toBe(true);
  }, 240_000);

  it("stops a killed run's orphaned cluster and starts; a cluster in use or a taken port is named in one line", async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const p = await ports();
    const first = run(dir, p);
    await listening(first);
    const orphan = postmasterPid(dir);
    pids.push(orphan);
    first.child.kill('SIGKILL'); // no shutdown at all: the cluster outlives its service
    await first.exited;
    await sleep(500);
    expect(alive(orphan)).toBe(true);

    const second = run(dir, p);
    await listening(second, 120_000);
    expect(second.output()).toContain(`orphaned embedded PostgreSQL (PID ${orphan})`);
    expect(alive(orphan)).toBe(false);
    const health = await fetch(`http://127.0.0.1:${p.http}/health`);
    expect(health.status).toBe(200);
    pids.push(postmasterPid(dir));

    // Another service start on the same directory while `second` runs: named, not an orphan.
    const third = run(dir, await ports());
    expect(await exitWithin(third, 60_000)).toBeLessThan(60_000);
    expect(third.child.exitCode).not.toBe(0);
    const said = third
      .output()
      .split('\n')
      .filter((l) => l.includes('could not start'));
    expect(said).toEqual([expect.stringContaining('in use by another running process')]);
    expect(third.output()).not.toMatch(/UnhandledPromiseRejection|reason "?undefined/);
    expect((await fetch(`http://127.0.0.1:${p.http}/health`)).status).toBe(200);

    // A port something else holds.
    const holder: Server = createServer();
    const taken = await freePort();
    await new Promise<void>((r) => holder.listen(taken, '127.0.0.1', r));
    const fresh = tempDataDir();
    dirs.push(fresh);
    const fourth = run(fresh, { http: await freePort(), pg: taken });
    expect(await exitWithin(fourth, 60_000)).toBeLessThan(60_000);
    holder.close();
    expect(fourth.child.exitCode).not.toBe(0);
    expect(fourth.output()).toContain(`could not start: Port ${taken} for the embedded PostgreSQL`);
    expect(fourth.output()).not.toMatch(/UnhandledPromiseRejection|reason "?undefined/);

    const secondPg = postmasterPid(dir);
    second.child.kill('SIGTERM');
    expect(await exitWithin(second, 15_000)).toBeLessThan(10_000);
    expect(await gone(secondPg, 2000)).toBe(true);
  }, 300_000);

  it('SIGINT to the `npm start` process stops the service and its database; a built tree is not rebuilt', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const p = await ports();
    const s = run(dir, p, 'npm-start'); // builds only if dist is missing or stale
    await listening(s, 280_000);
    // A clean start warns of nothing but the local defaults (nestjs-pino's default route '*' once
    // made Nest 11 warn twice that it had to convert it).
    const warnings = s
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && l.endsWith('}'))
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 40 && !l.msg.startsWith('Using documented local defaults'));
    expect(warnings).toEqual([]);
    const pg = postmasterPid(dir);
    pids.push(pg);
    s.child.kill('SIGINT');
    expect(await exitWithin(s, 15_000)).toBeLessThan(10_000);
    expect(await gone(pg, 2000)).toBe(true);
    await expect(fetch(`http://127.0.0.1:${p.http}/health`)).rejects.toThrow();
    // The next start finds the build up to date.
    const check = spawn(
      process.execPath,
      [join(ROOT, 'scripts', 'ensure-built.mjs'), '--dry-run'],
      {
        cwd: ROOT,
      },
    );
    let said = '';
    check.stdout.on('data', (d) => (said += String(d)));
    await new Promise((r) => check.once('exit', r));
    expect(said).toContain('server: up to date');
    expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
  }, 300_000);
});
