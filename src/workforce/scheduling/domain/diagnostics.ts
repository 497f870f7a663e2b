/**
 * Why a schedule falls short, in words a scheduler can act on. Pure: it reads the planning input and
 * the schedule's coverage (after breaks), never the solver's model, so the service can also run it on a
 * stored schedule.
 */
import {
  CoverageRow,
  DiagnosticReason,
  PlanningInput,
  ScheduleDiagnostics,
  ShortfallFigure,
} from './planning-input';
import { agentPhoneMinutesAtMost, phoneCapacityFrame } from './phone-capacity';
import { buildGrid, dayOf, qualifyingDialects } from './planning-model';

const MIN = 60_000;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const hours = (x: number) => Math.round(x).toLocaleString('en-US');

function figure(required: number, short: number): ShortfallFigure {
  return {
    requiredAgentIntervals: required,
    shortAgentIntervals: short,
    share: required > 0 ? Math.round((short / required) * 10_000) / 10_000 : 0,
  };
}

export function diagnoseSchedule(
  input: PlanningInput,
  schedule: {
    solverStatus: string;
    hasSchedule: boolean;
    shifts: Array<{ agentId: string }>;
    coverage: CoverageRow[];
  },
): ScheduleDiagnostics {
  const grid = buildGrid(input.startDate, input.days, input.timeZone, input.intervalMinutes);
  const ivHours = input.intervalMinutes / 60;
  const reasons: DiagnosticReason[] = [];
  if (!schedule.hasSchedule)
    reasons.push({
      code: 'NO_SCHEDULE',
      message: `The solver found no schedule (${schedule.solverStatus}).`,
    });

  // Shortfall after breaks, per dialect and per local day.
  let required = 0;
  let short = 0;
  const byDialect = new Map<string, { required: number; short: number }>();
  const byDay = new Map<string, { required: number; short: number }>();
  const shortAt = new Map<number, number>();
  for (const row of schedule.coverage) {
    const gap = Math.max(0, row.required - row.scheduled);
    required += row.required;
    short += gap;
    const at = Date.parse(row.start);
    const date = grid.dateOfDay[Math.min(grid.days - 1, Math.max(0, dayOf(grid, at)))];
    const day = byDay.get(date) ?? { required: 0, short: 0 };
    day.required += row.required;
    day.short += gap;
    byDay.set(date, day);
    if (row.dialect) {
      const d = byDialect.get(row.dialect) ?? { required: 0, short: 0 };
      d.required += row.required;
      d.short += gap;
      byDialect.set(row.dialect, d);
    }
    if (gap > 0) shortAt.set(at, (shortAt.get(at) ?? 0) + gap);
  }

  // Team too small: agent-hours asked for (per interval the largest row: the total row, or a dialect
  // row when it asks for more) against the phone time contracts, days off, time off and paid rest
  // breaks leave while calls are asked for.
  const perInterval = new Map<number, number>();
  for (const r of input.requirements)
    perInterval.set(r.start, Math.max(perInterval.get(r.start) ?? 0, r.agents));
  const neededHours = [...perInterval.values()].reduce((s, x) => s + x, 0) * ivHours;
  const ivMs = input.intervalMinutes * MIN;
  const frame = phoneCapacityFrame({
    horizon: grid,
    rules: input.rules,
    timeZone: input.timeZone,
    demandIntervals: [...perInterval]
      .filter(([, agents]) => agents > 0)
      .map(([start]) => Math.round((start - grid.start) / ivMs)),
    templates: input.team?.shiftTemplates,
  });
  const capacity = input.agents.map((a) => agentPhoneMinutesAtMost(a, frame));
  const availableHours = capacity.reduce((s, x) => s + x, 0) / 60;
  if (neededHours > availableHours)
    reasons.push({
      code: 'TEAM_TOO_SMALL',
      message: `Team too small: the requirements need ${hours(neededHours)} agent-hours, the ${input.agents.length} agents can be on the phones at most ${hours(availableHours)} while calls are asked for (contracts, days off, time off, paid rest breaks).`,
      details: { neededAgentHours: neededHours, availableAgentHours: availableHours },
    });

  // Dialects: nobody qualified, or too few.
  const dialectNeed = new Map<string, number>();
  for (const r of input.requirements)
    if (r.dialect !== null && r.agents > 0)
      dialectNeed.set(r.dialect, (dialectNeed.get(r.dialect) ?? 0) + r.agents * ivHours);
  for (const [dialect, need] of dialectNeed) {
    const qualified = input.agents
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => qualifyingDialects(a).includes(dialect));
    const partial = input.agents.filter((a) =>
      a.dialects.some((d) => d.tag === dialect && d.proficiency < 3),
    ).length;
    if (qualified.length === 0)
      reasons.push({
        code: 'NO_QUALIFIED_AGENTS',
        message: `Nobody at proficiency >= 3 in dialect ${dialect}${partial ? ` (${partial} below 3)` : ''}: ${hours(need)} agent-hours of ${dialect} cannot be covered.`,
        details: { dialect, neededAgentHours: need, belowThree: partial },
      });
    else {
      const can = qualified.reduce((s, { i }) => s + capacity[i], 0) / 60;
      if (need > can)
        reasons.push({
          code: 'DIALECT_TOO_FEW',
          message: `Too few ${dialect} speakers: ${hours(need)} agent-hours needed, the ${qualified.length} agents at proficiency >= 3 can be on the phones at most ${hours(can)} while calls are asked for.`,
          details: { dialect, neededAgentHours: need, availableAgentHours: can },
        });
    }
  }

  // Time off over a peak: short intervals where agents are off.
  const offAt = (at: number) =>
    input.agents.filter((a) =>
      (a.unavailable ?? []).some((b) => b.start < at + input.intervalMinutes * MIN && at < b.end),
    ).length;
  const shortByDay = new Map<number, number[]>();
  for (const at of shortAt.keys()) {
    const d = dayOf(grid, at);
    shortByDay.set(d, [...(shortByDay.get(d) ?? []), at]);
  }
  for (const [d, times] of [...shortByDay].sort((x, y) => x[0] - y[0])) {
    times.sort((x, y) => x - y);
    const withOff = times.filter((t) => offAt(t) > 0);
    if (withOff.length === 0) continue;
    const missing = withOff.reduce((s, t) => s + shortAt.get(t)!, 0);
    const date = grid.dateOfDay[d];
    const from = new Date(withOff[0]).toISOString();
    const to = new Date(withOff[withOff.length - 1] + input.intervalMinutes * MIN).toISOString();
    const off = Math.max(...withOff.map(offAt));
    const day = byDay.get(date)!;
    reasons.push({
      code: 'TIME_OFF_OVER_PEAK',
      message: `Time off over demand on ${date}: up to ${off} agents are off between ${from} and ${to}, where coverage is short by ${missing} agent-intervals (${pct(day.short / Math.max(1, day.required))} of the day).`,
      details: { date, from, to, agentsOff: off, shortAgentIntervals: missing },
    });
  }

  const working = new Set(schedule.shifts.map((s) => s.agentId));
  return {
    solverStatus: schedule.solverStatus,
    unassignedAgents: input.agents.map((a) => a.agentId).filter((id) => !working.has(id)),
    shortfall: {
      total: figure(required, short),
      byDialect: [...byDialect].map(([dialect, f]) => ({
        dialect,
        ...figure(f.required, f.short),
      })),
      byDay: [...byDay].map(([date, f]) => ({ date, ...figure(f.required, f.short) })),
    },
    reasons,
  };
}
