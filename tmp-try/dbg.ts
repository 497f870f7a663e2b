import { mixedTeam } from '../bench/scheduling-cases';
import { buildAggregateModel, buildCalendars, buildGrid, buildTemplates, DEFAULT_WEIGHTS, grossRequirement, presenceFactorOf } from '../src/workforce/scheduling/domain/planning-model';
import { requirementRows } from '../src/workforce/scheduling/domain/plan-schedule';
import { Roster, rosterCounts } from '../src/workforce/scheduling/domain/roster';
import { solveInWorker } from '../src/workforce/scheduling/highs-runner';
(async () => {
const input = mixedTeam({ agents: 300, days: 7, intervalMinutes: 30, timeLimitSeconds: 60 });
const grid = buildGrid(input.startDate, input.days, input.timeZone, input.intervalMinutes);
const raw = requirementRows(input, grid);
const demand = new Array(grid.intervalCount).fill(0); for (const r of raw) demand[r.interval] = Math.max(demand[r.interval], r.agents);
const templates = buildTemplates(grid, demand, input.rules);
const pf = presenceFactorOf(templates);
const rows = raw.map((r) => ({ ...r, target: grossRequirement(r.agents, pf) }));
const { calendars, profiles } = buildCalendars(input, grid);
const model = buildAggregateModel(grid, templates, calendars, profiles, rows, input.rules, DEFAULT_WEIGHTS);
const lp = await solveInWorker(model.lp, { output_flag: false, mip_rel_gap: 0.002 }, '');
let under = 0, over = 0, hours = 0;
for (const [k, v] of Object.entries(lp.values)) { if (k.startsWith('u')) under += v; if (k.startsWith('o')) over += v; if (k.startsWith('y')) hours += v * templates[model.columns.get(k)!.template].workMinutes / 60; }
const cap = calendars.reduce((s, c) => s + c.maxWeek[0], 0) / 60;
console.log({ pf, under, over, hours, cap, lpObj: lp.objective });
const r = new Roster(grid, templates, calendars, profiles, rows, input.rules, DEFAULT_WEIGHTS, input.team!);
const counts = new Map<string, number>(); for (const [k, v] of Object.entries(lp.values)) if (model.columns.has(k)) counts.set(k, Math.floor(v + 1e-6));
const missed = rosterCounts(r, counts, model.columns, Date.now() + 1e6);
const reasons: Record<string, number> = {};
for (const m of missed.slice(0, 40)) {
  const t = templates[m.template];
  for (const a of profiles[m.profile].members) {
    const w = grid.weekOfDay[t.day];
    const why = r.dayShift[a][t.day] >= 0 ? 'busy' : r.weekWork[a][w] + t.workMinutes > calendars[a].maxWeek[w] ? 'hours' : r.weekDays[a][w] + 1 > calendars[a].workableDays[w] ? 'days' : !r.open(a, m.template) ? 'open' : r.canAdd(a, m.template) ? 'ok' : 'rest/consec';
    reasons[why] = (reasons[why] ?? 0) + 1;
  }
  console.log(m, t.day, t.lengthMinutes, new Date(t.start).toISOString(), profiles[m.profile].key, profiles[m.profile].members.length);
}
console.log(missed.length, reasons);
})();
