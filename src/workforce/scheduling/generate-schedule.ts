/**
 * Schedule generation, end to end but still pure: horizon → MIP → solve (injected) → shifts → breaks →
 * coverage (net of breaks) → independent rule check.
 */
import { DateTime } from 'luxon';
import { placeBreaks, PlacedBreak, SlackGrid } from './break-placement';
import { LabourRules, workMinutesFor } from './labour-rules';
import { CheckedShift, newViolations, Violation, workedMinutes } from './rule-checker';
import {
  assignShifts,
  buildScheduleModel,
  DEFAULT_MODEL_OPTIONS,
  FixedShift,
  ModelAgent,
  ModelHorizon,
  ModelOptions,
  ModelRequirement,
  modelRequirement,
} from './schedule-model';

export type Solver = (
  lp: string,
  options: Record<string, string | number | boolean>,
) => Promise<{ status: string; objective: number | null; values: Record<string, number> }>;

export interface GeneratedShift {
  agentId: string;
  start: number;
  end: number;
  breaks: PlacedBreak[];
}

export interface CoverageRow {
  start: string;
  dialect?: string;
  required: number;
  scheduled: number;
}

export interface GenerationResult {
  status: string;
  objective: number | null;
  lowerBound: number | null;
  shifts: GeneratedShift[];
  coverage: CoverageRow[];
  violations: Violation[];
  stats: {
    variables: number;
    rows: number;
    agents: number;
    profiles: number;
    templates: number;
    unassigned: number;
    solves: number;
  };
}

/** Local days from startDate (YYYY-MM-DD) in the zone; intervals of intervalMinutes over them. */
export function buildHorizon(
  startDate: string,
  days: number,
  timeZone: string,
  intervalMinutes: number,
): ModelHorizon {
  const first = DateTime.fromISO(startDate, { zone: timeZone }).startOf('day');
  const dayStarts: number[] = [];
  const weekOfDay: number[] = [];
  const firstWeek = first.startOf('week');
  for (let d = 0; d <= days; d++) {
    const day = first.plus({ days: d });
    dayStarts.push(day.toMillis());
    if (d < days) weekOfDay.push(Math.round(day.startOf('week').diff(firstWeek, 'weeks').weeks));
  }
  const intervalCount = Math.floor((dayStarts[days] - dayStarts[0]) / (intervalMinutes * 60_000));
  return { dayStarts, start: dayStarts[0], intervalMinutes, intervalCount, weekOfDay };
}

/**
 * Published shifts placed on the horizon's calendar (local day and Monday-based week relative to its
 * first day; negative before it), for the model's boundary-aware rows.
 */
export function fixedShiftsFor(
  shifts: CheckedShift[],
  horizon: ModelHorizon,
  timeZone: string,
): FixedShift[] {
  const first = DateTime.fromMillis(horizon.start, { zone: timeZone }).startOf('day');
  const firstWeek = first.startOf('week');
  return shifts.map((s) => {
    const day = DateTime.fromMillis(s.start, { zone: timeZone }).startOf('day');
    return {
      start: s.start,
      end: s.end,
      day: Math.round(day.diff(first, 'days').days),
      week: Math.round(day.startOf('week').diff(firstWeek, 'weeks').weeks),
      workMinutes: workedMinutes(s),
      breaks: s.breaks,
    };
  });
}

/**
 * The time around a horizon whose published shifts can matter to its rules: the calendar weeks and months
 * it touches, maxConsecutiveWorkDays days either side, plus the rest between shifts.
 */
export function boundaryWindow(
  start: number,
  end: number,
  timeZone: string,
  rules: LabourRules,
): { from: Date; to: Date } {
  const first = DateTime.fromMillis(start, { zone: timeZone }).startOf('day');
  const last = DateTime.fromMillis(end - 1, { zone: timeZone }).startOf('day');
  const span = rules.maxConsecutiveWorkDays;
  const from = DateTime.min(
    first.startOf('month'),
    first.startOf('week'),
    first.minus({ days: span }),
  ).minus({ minutes: rules.minRestMinutesBetweenShifts });
  const to = DateTime.max(
    last.endOf('month'),
    last.endOf('week'),
    last.plus({ days: span + 1 }),
  ).plus({ minutes: rules.minRestMinutesBetweenShifts });
  return { from: from.toJSDate(), to: to.toJSDate() };
}

export interface GenerationInput {
  agents: ModelAgent[];
  horizon: ModelHorizon;
  requirements: ModelRequirement[];
  rules: LabourRules;
  timeZone: string;
  solve: Solver;
  options?: Partial<ModelOptions>;
  onProgress?: (progress: number) => void | Promise<void>;
}

export async function generateSchedule(input: GenerationInput): Promise<GenerationResult> {
  const { agents, horizon, requirements, rules } = input;
  const options = { ...DEFAULT_MODEL_OPTIONS, ...input.options };
  const limit = rules.solverTimeLimitSeconds;
  const first = buildScheduleModel(agents, horizon, requirements, rules, options);
  let model = first;
  await input.onProgress?.(0.05);
  // The LP relaxation of the first (untightened) model is the lower bound.
  const relaxed = await input.solve(first.relaxation, {
    time_limit: Math.max(1, limit * 0.25),
    output_flag: false,
  });
  const relaxedOptimal = relaxed.status === 'Optimal' && relaxed.objective !== null;
  await input.onProgress?.(0.25);
  const started = Date.now();
  const weeklyCut = new Map<string, number>();
  let mip: Awaited<ReturnType<Solver>>;
  let assigned: ReturnType<typeof assignShifts>;
  let rounds = 0;
  let status = '';
  for (;;) {
    rounds++;
    const left = limit * 0.7 - (Date.now() - started) / 1000;
    mip = await input.solve(model.lp, {
      time_limit: Math.max(1, left),
      mip_rel_gap: 0.005,
      output_flag: false,
    });
    status = mip.status;
    let counts: Map<string, number>;
    if (mip.objective !== null) {
      counts = new Map(Object.entries(mip.values).map(([k, v]) => [k, Math.round(v)]));
    } else if (relaxedOptimal) {
      // No incumbent in time: round the LP optimum down. Every row on the shift counts is a packing row
      // (≤ with non-negative coefficients), so the rounded counts keep all rules; coverage may suffer.
      model = first;
      counts = new Map(Object.entries(relaxed.values).map(([k, v]) => [k, Math.floor(v + 1e-6)]));
      status = `${mip.status}; LP optimum rounded down`;
    } else break;
    assigned = assignShifts(model, counts, horizon, rules);
    // Aggregate rows are necessary, not sufficient: when hours cannot be split among a profile's agents,
    // tighten that profile's weekly budget by what was missed and solve again.
    if (assigned.unassigned === 0 || rounds >= 4 || left < 2 || mip.objective === null) break;
    for (const [key, hours] of assigned.missedHours)
      weeklyCut.set(key, (weeklyCut.get(key) ?? 0) + hours);
    model = buildScheduleModel(agents, horizon, requirements, rules, options, weeklyCut);
  }
  assigned ??= { shifts: [], unassigned: 0, missedHours: new Map() };
  await input.onProgress?.(0.8);
  const hasIncumbent = mip.objective !== null || (relaxedOptimal && mip.status !== 'Infeasible');
  const shifts: GeneratedShift[] = assigned.shifts.map((s) => ({ ...s, breaks: [] }));
  shifts.sort((a, b) => a.start - b.start || a.agentId.localeCompare(b.agentId));
  const dialectsOf = new Map(agents.map((a) => [a.id, a.dialects]));
  const objective = evaluateObjective(
    horizon,
    requirements,
    shifts,
    dialectsOf,
    agents.length,
    rules,
    options,
    model.presenceFactor,
  );
  const grid = slackGrid(horizon, requirements, shifts, dialectsOf);
  const breaks = placeBreaks(
    shifts.map((s) => ({ start: s.start, end: s.end, dialects: dialectsOf.get(s.agentId) ?? [] })),
    grid,
    rules,
  );
  shifts.forEach((s, i) => (s.breaks = breaks[i]));
  const coverage = coverageOf(horizon, requirements, shifts, dialectsOf);
  const blocked = new Map(
    agents.map((a) => [a.id, a.blocked.map((b) => ({ ...b, reason: 'time_off' }))]),
  );
  // Published shifts around the horizon count for every rule; only violations the draft adds are its own.
  const fixed: CheckedShift[] = agents.flatMap((a) =>
    (a.fixedShifts ?? []).map((f) => ({
      agentId: a.id,
      start: f.start,
      end: f.end,
      breaks: f.breaks ?? [],
    })),
  );
  const ctx = { rules, timeZone: input.timeZone, blocked };
  const violations = newViolations(fixed, [...fixed, ...shifts], ctx);
  return {
    status: hasIncumbent ? status : `no schedule: ${status}`,
    objective: hasIncumbent ? round(objective) : null,
    lowerBound: relaxedOptimal ? round(relaxed.objective!) : null,
    shifts,
    coverage,
    violations,
    stats: {
      variables: model.variableCount,
      rows: model.rowCount,
      agents: agents.length,
      profiles: model.profiles.length,
      templates: model.templates.length,
      unassigned: assigned.unassigned,
      solves: rounds,
    },
  };
}

/**
 * The model's objective recomputed from the concrete per-agent shifts (fairness over individual agents'
 * hours, requirements ÷ the model's presence factor): the figure compared with the LP bound.
 */
export function evaluateObjective(
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  shifts: Array<{ agentId: string; start: number; end: number }>,
  dialectsOf: Map<string, string[]>,
  agentCount: number,
  rules: LabourRules,
  options: ModelOptions,
  presenceFactor = 1,
): number {
  const iv = horizon.intervalMinutes * 60_000;
  let total = 0;
  for (const r of requirements) {
    const from = horizon.start + r.interval * iv;
    let present = 0;
    for (const s of shifts)
      if (
        s.start <= from &&
        s.end >= from + iv &&
        (r.dialect === null || dialectsOf.get(s.agentId)!.includes(r.dialect))
      )
        present++;
    const required = modelRequirement(r.agents, presenceFactor);
    total +=
      present < required
        ? options.underWeight * (required - present)
        : options.overWeight * (present - required);
  }
  if (options.fairWeight > 0 && agentCount > 1) {
    const hours = new Map<string, number>();
    for (const id of dialectsOf.keys()) hours.set(id, 0);
    for (const s of shifts)
      hours.set(
        s.agentId,
        (hours.get(s.agentId) ?? 0) + workMinutesFor((s.end - s.start) / 60_000, rules) / 60,
      );
    const mean = [...hours.values()].reduce((a, b) => a + b, 0) / agentCount;
    for (const h of hours.values()) total += options.fairWeight * Math.abs(h - mean);
  }
  return total;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Coverage slack per interval: agents counted as in the coverage report (whole interval, no break
 * overlapping it) minus required. Shifts given without breaks count as fully present.
 */
export function slackGrid(
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  shifts: Array<{
    agentId: string;
    start: number;
    end: number;
    breaks?: Array<{ start: number; end: number }>;
  }>,
  dialectsOf: Map<string, string[]>,
): SlackGrid {
  const n = horizon.intervalCount;
  const iv = horizon.intervalMinutes * 60_000;
  const total = new Array<number>(n).fill(0);
  const byDialect = new Map<string, number[]>();
  for (const r of requirements) {
    if (r.dialect === null) total[r.interval] -= r.agents;
    else {
      if (!byDialect.has(r.dialect)) byDialect.set(r.dialect, new Array<number>(n).fill(0));
      byDialect.get(r.dialect)![r.interval] -= r.agents;
    }
  }
  for (const s of shifts) {
    for (
      let i = Math.ceil((s.start - horizon.start) / iv - 1e-9);
      i < n && horizon.start + (i + 1) * iv <= s.end;
      i++
    ) {
      if (i < 0) continue;
      const from = horizon.start + i * iv;
      if ((s.breaks ?? []).some((b) => b.start < from + iv && b.end > from)) continue;
      total[i] += 1;
      for (const d of dialectsOf.get(s.agentId) ?? []) {
        const g = byDialect.get(d);
        if (g) g[i] += 1;
      }
    }
  }
  return { start: horizon.start, intervalMinutes: horizon.intervalMinutes, total, byDialect };
}

/**
 * Coverage per requirement row: `scheduled` = whole agents at work and not on break: an agent counts for
 * an interval when its shift covers the whole interval and no break of it overlaps the interval (a
 * 15-minute break takes the agent out of its whole 30-minute interval). The model's coverage rows count
 * the same way.
 */
export function coverageOf(
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  shifts: Array<{
    agentId: string;
    start: number;
    end: number;
    breaks: Array<{ start: number; end: number }>;
  }>,
  dialectsOf: Map<string, string[]>,
): CoverageRow[] {
  const iv = horizon.intervalMinutes * 60_000;
  return requirements
    .slice()
    .sort((a, b) => a.interval - b.interval || (a.dialect ?? '').localeCompare(b.dialect ?? ''))
    .map((r) => {
      const from = horizon.start + r.interval * iv;
      const to = from + iv;
      let scheduled = 0;
      for (const s of shifts) {
        if (!(s.start <= from && s.end >= to)) continue;
        if (s.breaks.some((b) => b.start < to && b.end > from)) continue;
        if (r.dialect !== null && !(dialectsOf.get(s.agentId) ?? []).includes(r.dialect)) continue;
        scheduled++;
      }
      return {
        start: new Date(from).toISOString(),
        ...(r.dialect !== null ? { dialect: r.dialect } : {}),
        required: r.agents,
        scheduled,
      };
    });
}
