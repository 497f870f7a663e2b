import { ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { PlannedDay } from './day';
import type { SimulatorOptions } from './options';
import type { Centre } from './setup';
import type { PolicyInput, SimulationIo } from './simulation';
import type { RunResult } from './summary';

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
 * Plays one run in a worker process and resolves with its result. Each run needs its own process:
 * passport keeps its strategies in one registry per process, so a second service booted beside the
 * first would authenticate the first one's requests against its own database.
 */
export function runInWorker(
  input: RunInput,
  env: NodeJS.ProcessEnv,
  io: SimulationIo,
  live: Set<ChildProcess>,
): Promise<RunResult> {
  const fromSource = __filename.endsWith('.ts');
  const child = fork(resolve(__dirname, `run-worker${fromSource ? '.ts' : '.js'}`), [], {
    env,
    execArgv: fromSource ? ['-r', require.resolve('ts-node/register/transpile-only')] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  return new Promise<RunResult>((done, fail) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      live.delete(child);
      f();
    };
    child.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') io.progress?.(m.label, m.fraction);
      else if (m.kind === 'done') settle(() => done(m.result));
      else settle(() => fail(new Error(m.message)));
    });
    child.on('error', (e) => settle(() => fail(e)));
    child.on('exit', (code, signal) =>
      settle(() =>
        fail(
          new Error(`a run's worker process ended (${signal ?? `exit ${code}`}) before its result`),
        ),
      ),
    );
    child.send(input);
  });
}
