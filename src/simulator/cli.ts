import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OptionsError, parseOptions, SimulatorOptions } from './options';
import { ProgressBar } from './progress';
import { renderReport } from './report-html';
import { PolicyInput, simulate } from './simulation';
import { figuresOverSeeds, renderSeedsTable } from './summary-seeds';
import { extraAgentsLines, renderSummaryTable, rosterLines } from './summary-table';

function loadPolicy(file: string): PolicyInput {
  let settings: unknown;
  try {
    settings = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OptionsError(`${file}: not a readable JSON file (${(e as Error).message})`);
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    throw new OptionsError(`${file}: expected a JSON object (the body of the team policy PUT)`);
  return {
    name: basename(file).replace(/\.json$/, ''),
    settings: settings as Record<string, unknown>,
  };
}

export function policiesOf(options: SimulatorOptions): PolicyInput[] {
  const first = options.policyFile
    ? loadPolicy(options.policyFile)
    : { name: 'default policy', settings: {} };
  if (!options.compareFile) return [first];
  const second = loadPolicy(options.compareFile);
  if (second.name === first.name) second.name = `${second.name} (compare)`;
  return [first, second];
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  let policies: PolicyInput[];
  try {
    options = parseOptions(process.argv.slice(2));
    policies = policiesOf(options);
  } catch (e) {
    if (e instanceof OptionsError) {
      console.error(e.message);
      process.exit(64); // EX_USAGE
    }
    throw e;
  }
  const bar = new ProgressBar(process.stderr);
  const result = await simulate(options, policies, {
    log: (line) => process.stderr.write(`${line}\n`),
    progress: (label, fraction) => bar.update(label, fraction),
  });
  bar.done();
  const summaries = result.runs.map((r) => r.summary);
  const bySeed = result.seeds.map((s) => s.runs.map((r) => r.summary));
  const overSeeds = options.seeds > 1 ? figuresOverSeeds(bySeed) : null;
  if (options.json)
    process.stdout.write(
      `${JSON.stringify(
        overSeeds
          ? {
              seeds: result.seeds.map((s) => ({
                seed: s.seed,
                summaries: s.runs.map((r) => r.summary),
              })),
              overSeeds,
              ...(result.roster ? { roster: result.roster } : {}),
              ...(result.extraAgents ? { extraAgents: result.extraAgents } : {}),
            }
          : result.roster || result.extraAgents
            ? {
                summaries,
                ...(result.roster ? { roster: result.roster } : {}),
                ...(result.extraAgents ? { extraAgents: result.extraAgents } : {}),
              }
            : summaries,
        null,
        2,
      )}\n`,
    );
  else if (overSeeds)
    process.stdout.write(
      `${renderSeedsTable(
        overSeeds,
        summaries.map((s) => s.policy),
        options.seeds,
      )}\n`,
    );
  else process.stdout.write(`${renderSummaryTable(summaries, options)}\n`);
  if (!options.json) {
    const plan = [
      ...(result.roster ? rosterLines(result.roster) : []),
      ...(result.extraAgents ? extraAgentsLines(result.extraAgents) : []),
    ];
    if (plan.length) process.stdout.write(`\n${plan.join('\n')}\n`);
  }
  // Where the time went: per run, the loop's phases (wall seconds) and the requests it sent.
  let k = 0;
  for (const seed of result.seeds)
    for (const run of seed.runs) {
      const p = run.log.phaseMs;
      const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      process.stderr.write(
        `${run.summary.policy}, seed ${seed.seed}: ${result.timings.runSeconds[k++].toFixed(1)} s ` +
          `(timed items and agents ${sec(p.items)}, sweeps ${sec(p.jobs)}, accepts and events ${sec(p.inFlight)}, ` +
          `router's queue requests ${sec(p.router)}, queue passes ${sec(p.passes)}; ${run.log.requests} requests, ` +
          `${(run.log.requests / Math.max(1, run.summary.answered)).toFixed(2)} per answered call; ` +
          `${run.log.queuePasses} queue passes` +
          (options.schedule
            ? `; roster: ${run.log.rosterChanges} presence changes, ${run.log.rosterRetries} asked again, ${run.log.rosterMissed} given up)\n`
            : ')\n'),
      );
    }
  const t = result.timings;
  process.stderr.write(
    `setup ${t.setupSeconds.toFixed(1)} s${t.centreBuilt ? ' (centre built)' : ' (prepared centre reused)'}, ` +
      `runs ${t.runSeconds.map((s) => `${s.toFixed(1)} s`).join(' + ')}` +
      (t.runSeconds.length > 1 && t.parallel > 1
        ? `, ${t.runsWallSeconds.toFixed(1)} s in all (${t.parallel} at a time, each in its own process)\n`
        : '\n'),
  );
  if (options.out) {
    writeFileSync(
      options.out,
      renderReport({
        ...result,
        timeZone: result.timeZone,
        ...(overSeeds ? { overSeeds: { seeds: options.seeds, figures: overSeeds } } : {}),
      }),
    );
    process.stderr.write(`report written to ${options.out}\n`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
