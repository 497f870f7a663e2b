import type { RunInput, WorkerMessage } from './parallel-runs';
import { runPolicy } from './simulation';

/**
 * A worker process for `runInWorker`: plays the one run it is sent against the database server the
 * parent started, reports its progress, sends the result and ends.
 */
const send = (m: WorkerMessage) =>
  new Promise<void>((done) => process.send!(m, undefined, {}, () => done()));

process.once('message', (input: RunInput) => {
  let reported = -1;
  void runPolicy(
    { adminUrl: input.adminUrl, embedded: false, stop: async () => {} },
    input.template,
    input.centre,
    input.days,
    input.policy,
    input.options,
    process.env,
    {
      log: () => undefined,
      progress: (label, fraction) => {
        // Whole percents only: a day reports every tick.
        const percent = Math.floor(fraction * 100);
        if (percent === reported) return;
        reported = percent;
        void send({ kind: 'progress', label, fraction });
      },
    },
  )
    .then((result) => send({ kind: 'done', result }))
    .catch((e: unknown) =>
      send({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    )
    .finally(() => process.exit(0));
});
