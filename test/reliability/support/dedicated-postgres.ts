import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../../src/platform/database/database-url';

export { freePort };

/** Waits for `promise`, at most `ms` (the timer is cleared so it keeps nothing alive). */
export async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

const HOST = join(__dirname, '..', 'fixtures', 'postgres-host.ts');

/**
 * A PostgreSQL of the suite's own (embedded, free port, temp dir) that the test may stop and start,
 * never the one other suites share: an outage here hurts nobody else. Hosted by a child process
 * (fixtures/postgres-host.ts).
 */
export class DedicatedPostgres {
  private readonly waiting: Array<{ word: string; resolve: (line: string) => void }> = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly url: string,
  ) {}

  static async start(): Promise<DedicatedPostgres> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', HOST, String(port)],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`postgres host: no answer\n${stderr}`)),
        90_000,
      );
      child.once('exit', (code) => reject(new Error(`postgres host exited ${code}\n${stderr}`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        if (line.startsWith('ready ')) resolve(line.slice(6));
        else reject(new Error(`postgres host: ${line}\n${stderr}`));
      });
    });
    const db = new DedicatedPostgres(child, url);
    lines.on('line', (line) => {
      const i = db.waiting.findIndex((w) => w.word === line.trim());
      if (i >= 0) db.waiting.splice(i, 1)[0].resolve(line);
    });
    return db;
  }

  private command(command: string, answer: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`postgres host: ${command} timed out`)),
        60_000,
      );
      this.waiting.push({
        word: answer,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      this.child.stdin.write(`${command}\n`);
    });
  }

  /** Fast shutdown (SIGINT to the postmaster): open sessions are terminated, as in a real outage. */
  stop(): Promise<void> {
    return this.command('stop', 'stopped');
  }

  resume(): Promise<void> {
    return this.command('start', 'started');
  }

  /** SIGSTOP to the postmaster and every backend: connections stay open and nothing answers. */
  freeze(): Promise<void> {
    return this.command('freeze', 'frozen');
  }

  /** SIGCONT: the frozen server carries on where it stopped. */
  thaw(): Promise<void> {
    return this.command('thaw', 'thawed');
  }

  async destroy(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin.end('exit\n');
    await atMost(exited, 20_000);
  }
}
