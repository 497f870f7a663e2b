/**
 * Runs HiGHS (the `highs` Wasm package) in a worker thread so a long solve never blocks the API's event
 * loop. The worker is plain JavaScript (eval), so it works the same from ts-jest, ts-node and dist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlanningInput, PlanningResult } from './domain/planning-input';

export interface SolveOutcome {
  status: string;
  objective: number | null;
  /** Columns whose name starts with `keepPrefix` and whose value is above 1e-6 (unrounded). */
  values: Record<string, number>;
  seconds: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.highsPath)().then((highs) => {
  const started = Date.now();
  let result;
  try {
    result = highs.solve(workerData.lp, workerData.options);
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
    return;
  }
  const values = {};
  const hasSolution = result.Columns && Object.keys(result.Columns).length > 0;
  if (hasSolution) {
    for (const [name, col] of Object.entries(result.Columns)) {
      if (name.startsWith(workerData.keepPrefix) && col.Primal > 1e-6) values[name] = col.Primal;
    }
  }
  parentPort.postMessage({
    status: result.Status,
    objective: hasSolution && Number.isFinite(result.ObjectiveValue) ? result.ObjectiveValue : null,
    values,
    seconds: (Date.now() - started) / 1000,
  });
}, (e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

/** Solves CPLEX LP text in a worker thread. */
export function solveInWorker(
  lp: string,
  options: Record<string, string | number | boolean>,
  keepPrefix = 'y',
): Promise<SolveOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { lp, options, keepPrefix, highsPath: require.resolve('highs') },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    worker.once('message', (msg: SolveOutcome & { error?: string }) => {
      void worker.terminate();
      if (msg.error) reject(new Error(`HiGHS failed: ${msg.error}`));
      else resolve(msg);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`HiGHS worker exited with ${code}`));
    });
  });
}

/** Where the solving thread's code is: compiled JavaScript in dist, TypeScript under ts-node/ts-jest. */
function plannerWorker(input: unknown): Worker {
  const compiled = join(__dirname, 'planning-worker.js');
  const source = join(__dirname, 'planning-worker.ts');
  if (existsSync(compiled))
    return new Worker(compiled, {
      workerData: { input },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
  return new Worker(
    `require('ts-node').register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(__dirname)} });
     require(${JSON.stringify(source)});`,
    { eval: true, workerData: { input }, resourceLimits: { maxOldGenerationSizeMb: 4096 } },
  );
}

export interface PlanningRun {
  result: Promise<PlanningResult>;
  /** Stops the solve now; `result` settles with the best schedule found so far. */
  stop: () => void;
}

/**
 * Solves in a worker thread that is terminated at the time limit (+5 %) if it has not finished: the best
 * schedule it posted by then is the answer, so the wall clock never runs more than a few percent over.
 * Progress is the larger of the solver's own and the share of the time limit used.
 */
export function solvePlanningInWorker(
  input: PlanningInput,
  onProgress?: (progress: number) => void,
): PlanningRun {
  const limitMs = (input.timeLimitSeconds ?? input.rules.solverTimeLimitSeconds) * 1000;
  const started = Date.now();
  const worker = plannerWorker(input);
  let best: PlanningResult | null = null;
  let reported = 0;
  let solverProgress = 0;
  let settle: (r: PlanningResult) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<PlanningResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let done = false;
  const report = () => {
    const p = Math.min(0.99, Math.max(solverProgress, (Date.now() - started) / limitMs));
    if (p > reported + 1e-3) {
      reported = p;
      onProgress?.(p);
    }
  };
  const ticker = setInterval(report, 1000);
  const finish = (r: PlanningResult | null, why: string) => {
    if (done) return;
    done = true;
    clearInterval(ticker);
    clearTimeout(timer);
    void worker.terminate();
    if (r) settle(r);
    else if (best) settle({ ...best, solverStatus: `${best.solverStatus}; ${why}` });
    else settle(noSchedule(why));
  };
  const timer = setTimeout(
    () => finish(null, 'stopped at the time limit'),
    Math.max(1000, limitMs * 1.05),
  );
  worker.on(
    'message',
    (msg: { type: string; value?: number; result?: PlanningResult; message?: string }) => {
      if (msg.type === 'progress') {
        solverProgress = msg.value ?? 0;
        report();
      } else if (msg.type === 'incumbent') best = msg.result!;
      else if (msg.type === 'done') finish(msg.result!, '');
      else if (msg.type === 'error') {
        if (best) finish(null, `solver failed: ${msg.message}`);
        else {
          done = true;
          clearInterval(ticker);
          clearTimeout(timer);
          void worker.terminate();
          fail(new Error(`Solver failed: ${msg.message}`));
        }
      }
    },
  );
  worker.on('error', (e) => {
    if (best) finish(null, `solver failed: ${e.message}`);
    else if (!done) {
      done = true;
      clearInterval(ticker);
      clearTimeout(timer);
      fail(e);
    }
  });
  worker.on('exit', () => {
    if (!done) finish(null, 'solver stopped');
  });
  return { result, stop: () => finish(null, 'stopped') };
}

function noSchedule(why: string): PlanningResult {
  return {
    status: 'no schedule',
    solverStatus: why,
    objective: null,
    lowerBound: null,
    gap: null,
    shifts: [],
    coverage: [],
    violations: [],
    diagnostics: {
      solverStatus: why,
      unassignedAgents: [],
      shortfall: {
        total: { requiredAgentIntervals: 0, shortAgentIntervals: 0, share: 0 },
        byDialect: [],
        byDay: [],
      },
      reasons: [{ code: 'NO_SCHEDULE', message: `The solver found no schedule (${why}).` }],
    },
    preferences: {
      shiftsOutsideStartWindow: 0,
      shiftsOnPreferredDaysOff: 0,
      extraStartTimes: 0,
      eveningSpread: 0,
      weekendSpread: 0,
    },
    stats: {},
  };
}
