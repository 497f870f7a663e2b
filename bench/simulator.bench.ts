/**
 * The what-if simulator's speed: one 200-agent, 8-hour day at the default load (75 calls an agent,
 * ~80-85 % occupancy), every step over HTTP against the service in-process. Target: under 60 s.
 * Uses DATABASE_URL's server when set, else the simulator's embedded PostgreSQL. The prepared
 * centre (agents created and logged in through the API) is built on the first run and reused.
 */
import 'reflect-metadata';
import { parseOptions } from '../src/simulator/options';
import { simulate } from '../src/simulator/simulation';
import type { BenchRow } from './support';

/** Anchor requests timed (after a warm-up), then scaled to the day's request count. */
const ANCHOR_REQUESTS = 3000;
const ANCHOR_WARM_UP = 200;

export async function run(): Promise<BenchRow[]> {
  const options = parseOptions([]);
  let anchorMs = 0;
  /** The anchor's whole time (warm-up included): it runs inside the day's run, so it is taken off. */
  let anchorSeconds = 0;
  const result = await simulate(options, [{ name: 'default policy', settings: {} }], {
    log: (line) => process.stderr.write(`${line}\n`),
    // The anchor, on the same service, client and database right after the day: the router's
    // cheapest request (a read of the free agents for a dialect), one after another as the day
    // sends its requests. What a day of that many requests could take at best, on this machine now.
    inspect: async ({ http, centre }) => {
      const router = { 'x-api-key': centre.routerKey };
      const dialects = [...new Set(centre.agents.map((a) => a.primaryDialect))];
      const read = (i: number) =>
        http.call(
          'GET',
          `/v1/routing/available-agents?dialect=${dialects[i % dialects.length]}`,
          router,
        );
      const warming = performance.now();
      for (let i = 0; i < ANCHOR_WARM_UP; i++) await read(i);
      const started = performance.now();
      for (let i = 0; i < ANCHOR_REQUESTS; i++) await read(i);
      anchorMs = (performance.now() - started) / ANCHOR_REQUESTS;
      anchorSeconds = (performance.now() - warming) / 1000;
    },
  });
  const { setupSeconds, runSeconds, centreBuilt } = result.timings;
  const s = result.runs[0].summary;
  const log = result.runs[0].log;
  const day = runSeconds[0] - anchorSeconds;
  const anchorDay = (anchorMs * log.requests) / 1000;
  return [
    {
      benchmark: 'simulator: 200 agents, 8-hour day',
      metric: 'wall time of the day (clone, boot, play, read back)',
      value: `${day.toFixed(1)} s`,
      target: '< 60 s',
      ok: day < 60,
    },
    {
      benchmark: 'simulator: 200 agents, 8-hour day',
      metric: `anchor: the day's ${log.requests} requests as the cheapest router read, one after another (${ANCHOR_REQUESTS} timed, ${anchorMs.toFixed(2)} ms each)`,
      value: `${anchorDay.toFixed(1)} s; the day takes ${(day / anchorDay).toFixed(1)}x`,
      target: '-',
      ok: true,
    },
    {
      benchmark: 'simulator: 200 agents, 8-hour day',
      metric: centreBuilt ? 'centre setup (built now; reused later)' : 'centre setup (reused)',
      value: `${setupSeconds.toFixed(1)} s`,
      target: '-',
      ok: true,
    },
    {
      benchmark: 'simulator: 200 agents, 8-hour day',
      metric: 'calls answered / HTTP requests',
      value: `${s.answered} / ${log.requests}`,
      target: '-',
      ok: true,
    },
    {
      benchmark: 'simulator: 200 agents, 8-hour day',
      metric: 'service level / occupancy',
      value: `${((s.serviceLevel ?? 0) * 100).toFixed(1)}% / ${((s.occupancy ?? 0) * 100).toFixed(1)}%`,
      target: '-',
      ok: true,
    },
  ];
}
