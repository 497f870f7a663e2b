import { mixedTeam } from '../bench/scheduling-cases';
import { planSchedule } from '../src/workforce/scheduling/domain/plan-schedule';
import { solveInWorker } from '../src/workforce/scheduling/highs-runner';
const [agents, days, iv, limit, off] = process.argv.slice(2).map(Number);
const input = mixedTeam({ agents, days, intervalMinutes: iv, timeLimitSeconds: limit, timeOffShare: off || 0 });
const t0 = Date.now();
planSchedule(input, { solve: (lp, o) => solveInWorker(lp, o), onIncumbent: (r) => console.log('incumbent', (Date.now()-t0)/1000, r.objective, r.lowerBound, r.gap, r.solverStatus), onProgress: (p) => console.log('progress', p, (Date.now()-t0)/1000) }).then((r) => {
  const short = r.diagnostics.shortfall;
  console.log(JSON.stringify({ s: (Date.now()-t0)/1000, obj: r.objective, lb: r.lowerBound, gap: r.gap, status: r.solverStatus, shifts: r.shifts.length, violations: r.violations.length, v: r.violations.slice(0,3), short: short.total, byDialect: short.byDialect, reasons: r.diagnostics.reasons, prefs: r.preferences, stats: r.stats, unassigned: r.diagnostics.unassignedAgents.length, rss: process.resourceUsage().maxRSS }, null, 1));
});
