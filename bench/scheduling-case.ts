/**
 * One scheduling benchmark case in its own process (spawned by scheduling.bench.ts), so the peak memory
 * reported is that of the process whose worker thread solves. Prints one JSON line.
 */
import { solvePlanningInWorker } from '../src/workforce/scheduling/highs-runner';
import { independentCheck } from '../test/scheduling/independent-checker';
import { CaseOptions, mixedTeam } from './scheduling-cases';

async function main() {
  const options = JSON.parse(process.argv[2]) as CaseOptions;
  const input = mixedTeam(options);
  const started = Date.now();
  let progressUpdates = 0;
  const result = await solvePlanningInWorker(input, () => progressUpdates++).result;
  const seconds = (Date.now() - started) / 1000;
  const findings = result.status === 'solved' ? independentCheck(input, result) : [];
  const required = result.coverage.reduce((s, c) => s + c.required, 0);
  const short = result.coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled), 0);
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      status: result.status,
      solverStatus: result.solverStatus,
      objective: result.objective,
      lowerBound: result.lowerBound,
      gap: result.gap,
      shifts: result.shifts.length,
      violations: result.violations.length,
      independentFindings: findings.length,
      firstFindings: findings.slice(0, 3),
      shortShare: required ? short / required : 0,
      shortfall: result.diagnostics.shortfall.total,
      byDialect: result.diagnostics.shortfall.byDialect,
      reasons: result.diagnostics.reasons.map((r) => r.code),
      reasonText: result.diagnostics.reasons.map((r) => r.message),
      preferences: result.preferences,
      stats: result.stats,
      progressUpdates,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
  process.exit(0);
}

void main();
