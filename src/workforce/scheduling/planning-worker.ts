/**
 * The solving thread: runs the whole solve (HiGHS, rostering, local search) off the API's event loop and
 * posts progress and every better schedule as it goes, so the parent can stop it at the deadline
 * (Worker.terminate) and still return the best schedule found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanningInput } from './domain/planning-input';
import { planSchedule } from './domain/plan-schedule';
import { solveInWorker } from './highs-runner';

interface Highs {
  solve(
    lp: string,
    options: Record<string, string | number | boolean>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
}

async function main(): Promise<void> {
  const input = workerData.input as PlanningInput;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loadHighs = require('highs') as () => Promise<Highs>;
  let highs = await loadHighs();
  const result = await planSchedule(input, {
    solve: async (lp, options) => {
      let out: ReturnType<Highs['solve']>;
      try {
        out = highs.solve(lp, options);
      } catch (e) {
        // A failed solve can leave the Wasm instance unusable: start a fresh one for the next.
        highs = await loadHighs();
        throw e;
      }
      const values: Record<string, number> = {};
      const columns = out.Columns ?? {};
      for (const name in columns)
        if (columns[name].Primal > 1e-6) values[name] = columns[name].Primal;
      const has = Object.keys(columns).length > 0 && Number.isFinite(out.ObjectiveValue);
      return { status: out.Status, objective: has ? out.ObjectiveValue : null, values };
    },
    // A thread of its own per solve: the MIP and the fairness floors' LPs run side by side while
    // this thread waits (the machine's two cores both busy).
    solveAside: async (lp, options) => {
      const out = await solveInWorker(lp, options);
      return { status: out.status, objective: out.objective, values: out.values };
    },
    onProgress: (value) => parentPort!.postMessage({ type: 'progress', value }),
    onIncumbent: (result) => parentPort!.postMessage({ type: 'incumbent', result }),
  });
  parentPort!.postMessage({ type: 'done', result });
}

main().catch((e: unknown) =>
  parentPort!.postMessage({ type: 'error', message: String((e as Error)?.message ?? e) }),
);
