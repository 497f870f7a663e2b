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

export async function run(): Promise<BenchRow[]> {
  const options = parseOptions([]);
  const result = await simulate(options, [{ name: 'default policy', settings: {} }], {
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const { setupSeconds, runSeconds, centreBuilt } = result.timings;
  const s = result.runs[0].summary;
  const log = result.runs[0].log;
  const day = runSeconds[0];
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
