import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { atMost, freePort } from './dedicated-postgres';

const ENTRY = join(__dirname, '..', 'fixtures', 'replica.ts');

/** A real service process (child) on a given database, for tests that kill one. */
export class ReplicaProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(databaseUrl: string, env: Record<string, string>): Promise<ReplicaProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ENTRY], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        JOBS_ENABLED: 'true',
        PASSWORD_HASHING: 'minimum',
        DATABASE_POOL_SIZE: '5',
        ...env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`replica did not start:\n${output}`)),
        120_000,
      );
      const onData = (d: Buffer) => {
        output += String(d);
        if (output.includes(`listening ${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d) => (output += String(d)));
      child.once('exit', (code) => reject(new Error(`replica exited ${code}:\n${output}`)));
    });
    return new ReplicaProcess(child, `http://127.0.0.1:${port}`);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Ends the process with `signal` and waits (bounded) until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill(signal);
    await atMost(exited, 15_000);
    if (this.alive) this.child.kill('SIGKILL');
  }
}
