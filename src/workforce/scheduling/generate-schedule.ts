/**
 * Schedule generation, end to end but still pure: horizon → MIP → solve (injected) → shifts → breaks →
 * coverage (net of breaks) → independent rule check.
 */
import { DateTime } from 'luxon';
import { PlacedBreak, SlackGrid } from './break-placement';
import {
  DIALECT_QUALIFYING_PROFICIENCY,
  PlanningInput,
  PreferenceReport,
  ScheduleDiagnostics,
} from './domain/planning-input';
import { planSchedule } from './domain/plan-schedule';
import { LabourRules, workMinutesFor } from './labour-rules';
import { CheckedShift, Violation, workedMinutes } from './rule-checker';
import {
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
  gap?: number | null;
  diagnostics?: ScheduleDiagnostics;
  preferences?: PreferenceReport;
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

/**
 * The old entry point, kept for the service until it passes a PlanningInput: translates its input (agents
 * with dialects already at proficiency >= 3, blocked times, published shifts; requirements on interval
 * indices) and runs the new solver in this thread with the injected HiGHS.
 */
export async function generateSchedule(input: GenerationInput): Promise<GenerationResult> {
  const { horizon } = input;
  const step = horizon.intervalMinutes * 60_000;
  const planning: PlanningInput = {
    startDate: DateTime.fromMillis(horizon.start, { zone: input.timeZone }).toISODate()!,
    days: horizon.dayStarts.length - 1,
    intervalMinutes: horizon.intervalMinutes,
    timeZone: input.timeZone,
    agents: input.agents.map((a) => ({
      agentId: a.id,
      dialects: a.dialects.map((tag) => ({ tag, proficiency: DIALECT_QUALIFYING_PROFICIENCY })),
      unavailable: a.blocked,
      fixedShifts: (a.fixedShifts ?? []).map((f) => ({
        start: f.start,
        end: f.end,
        breaks: f.breaks ?? [],
      })),
    })),
    requirements: input.requirements.map((r) => ({
      start: horizon.start + r.interval * step,
      dialect: r.dialect,
      agents: r.agents,
    })),
    rules: input.rules,
  };
  let last = 0;
  const result = await planSchedule(planning, {
    solve: input.solve,
    onProgress: (p) => {
      if (p >= last + 0.05 || p >= 0.99) {
        last = p;
        void input.onProgress?.(p);
      }
    },
  });
  return {
    status: result.solverStatus,
    objective: result.objective,
    lowerBound: result.lowerBound,
    gap: result.gap,
    shifts: result.shifts,
    coverage: result.coverage,
    violations: result.violations,
    diagnostics: result.diagnostics,
    preferences: result.preferences,
    stats: {
      variables: Number(result.stats.columns ?? 0),
      rows: Number(result.stats.rows ?? 0),
      agents: input.agents.length,
      profiles: Number(result.stats.profiles ?? 0),
      templates: Number(result.stats.templates ?? 0),
      unassigned: Number(result.stats.unrosteredShifts ?? 0),
      solves:
        result.stats.mipStatus && !String(result.stats.mipStatus).startsWith('skipped') ? 2 : 1,
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
