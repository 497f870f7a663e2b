/**
 * Runs HiGHS (the `highs` Wasm package) in a worker thread so a long solve never blocks the API's event
 * loop. The worker is plain JavaScript (eval), so it works the same from ts-jest, ts-node and dist.
 */
import { Worker } from 'node:worker_threads';

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
