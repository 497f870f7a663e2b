import { mixedTeam } from '../bench/scheduling-cases';
import { solvePlanningInWorker } from '../src/workforce/scheduling/highs-runner';
const [agents, days, iv, limit, off] = process.argv.slice(2).map(Number);
const input = mixedTeam({ agents, days, intervalMinutes: iv, timeLimitSeconds: limit, timeOffShare: off || 0 });
const t0 = Date.now();
solvePlanningInWorker(input, (p) => console.log('progress', p.toFixed(2), (Date.now()-t0)/1000)).result.then((r) => {
  const { coverage, shifts, ...rest } = r;
  console.log(JSON.stringify({ s: (Date.now()-t0)/1000, shifts: shifts.length, ...rest, violations: r.violations.length, v: r.violations.slice(0, 3), diagnostics: { ...r.diagnostics, unassignedAgents: r.diagnostics.unassignedAgents.length, byDay: undefined }, rss: process.resourceUsage().maxRSS }, null, 1));
});
