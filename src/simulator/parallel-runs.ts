import { ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { PlannedDay } from './day';
import type { SimulatorOptions } from './options';
import type { Centre } from './setup';
import type { PolicyInput, SimulationIo } from './simulation';
import type { RunResult } from './summary';
import { dropRunDatabasesOf } from './sim-service';

/** One run as a worker process plays it: a fresh copy of the centre's template, one policy, its days. */
export interface RunInput {
  adminUrl: string;
  template: string;
  centre: Centre;
  days: PlannedDay[];
  policy: PolicyInput;
  options: SimulatorOptions;
}

export type WorkerMessage =
  | { kind: 'progress'; label: string; fraction: number }
  | { kind: 'done'; result: RunResult }
  | { kind: 'failed'; message: string };

/** At most this many runs at once by default: each holds a service, a pool and a database copy. */
const MAX_DEFAULT_PARALLEL = 4;

/**
 * Runs played at once: the option, else one per core (at most 4). A run keeps about one core busy
 * (the service's thread and PostgreSQL take turns), so one per core fills the machine.
 */
export function parallelRuns(option: number | null): number {
  return option ?? Math.max(1, Math.min(MAX_DEFAULT_PARALLEL, availableParallelism()));
}

/**
 * The worker processes playing a simulation's runs. Each run needs its own process: passport keeps
 * its strategies in one registry per process, so a second service booted beside the first would
 * authenticate the first one's requests against its own database. When one run fails, `stopAll`
 * stops the others and drops the databases they were playing on (a worker killed mid-run never
 * reaches its own clean-up, and its copy of the centre would stay on the server).
 */
export class RunWorkers {
  /** Each live worker and the promise that it has ended and its databases are gone. */
  private readonly live = new Map<ChildProcess, Promise<void>>();

  constructor(private readonly adminUrl: string) {}

  /** Plays one run in a new worker process and resolves with its result. */
  play(input: RunInput, env: NodeJS.ProcessEnv, io: SimulationIo): Promise<RunResult> {
    const fromSource = __filename.endsWith('.ts');
    const child = fork(resolve(__dirname, `run-worker${fromSource ? '.ts' : '.js'}`), [], {
      env,
      execArgv: fromSource ? ['-r', require.resolve('ts-node/register/transpile-only')] : [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let done!: (result: RunResult) => void;
    let fail!: (e: Error) => void;
    const result = new Promise<RunResult>((resolveRun, rejectRun) => {
      done = resolveRun;
      fail = rejectRun;
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    let finished!: () => void;
    this.live.set(
      child,
      new Promise<void>((r) => (finished = r)).finally(() => this.live.delete(child)),
    );
    // A worker that reported (done or failed) dropped its database itself. One that ends without a
    // report was killed or crashed first: its databases are dropped here. A server that cannot be
    // reached cannot be cleaned either, and the run's own failure is what gets reported.
    let sweep: Promise<void> | undefined;
    const end = (failure: Error) => {
      if (!settled && child.pid !== undefined)
        sweep = dropRunDatabasesOf(this.adminUrl, child.pid).catch(() => undefined);
      settle(() => fail(failure));
      void (sweep ?? Promise.resolve()).then(finished);
    };
    child.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') io.progress?.(m.label, m.fraction);
      else if (m.kind === 'done') settle(() => done(m.result));
      else settle(() => fail(new Error(m.message)));
    });
    child.on('error', end);
    child.on('exit', (code, signal) =>
      end(
        new Error(`a run's worker process ended (${signal ?? `exit ${code}`}) before its result`),
      ),
    );
    child.send(input);
    return result;
  }

  /** Stops every worker still playing; resolves once they have ended and their databases are gone. */
  async stopAll(): Promise<void> {
    const ending = [...this.live.values()];
    for (const child of this.live.keys()) child.kill('SIGKILL');
    await Promise.allSettled(ending);
  }
}
