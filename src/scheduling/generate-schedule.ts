/**
 * Schedule generation, end to end but still pure: horizon → MIP → solve (injected) → shifts → breaks →
 * coverage (net of breaks) → independent rule check.
 */
import { DateTime } from 'luxon';
import { placeBreaks, PlacedBreak, SlackGrid } from './break-placement';
import type { LabourRules } from './labour-rules';
import { checkShifts, Violation } from './rule-checker';
import {
  buildScheduleModel,
  DEFAULT_MODEL_OPTIONS,
  ModelAgent,
  ModelHorizon,
  ModelOptions,
  ModelRequirement,
} from './schedule-model';

export type Solver = (
  lp: string,
  options: Record<string, string | number | boolean>,
) => Promise<{ status: string; objective: number | null; chosen: string[] }>;

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
  stats: { variables: number; rows: number; agents: number; templates: number };
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
  const model = buildScheduleModel(agents, horizon, requirements, rules, options);
  await input.onProgress?.(0.1);
  const limit = rules.solverTimeLimitSeconds;
  const relaxed = await input.solve(model.relaxation, {
    time_limit: Math.max(1, limit * 0.25),
    output_flag: false,
  });
  await input.onProgress?.(0.3);
  const mip = await input.solve(model.lp, {
    time_limit: Math.max(1, limit * 0.75),
    mip_rel_gap: 0.01,
    output_flag: false,
  });
  await input.onProgress?.(0.8);
  const hasIncumbent = mip.objective !== null && mip.status !== 'Infeasible';
  const shifts: GeneratedShift[] = [];
  if (hasIncumbent) {
    for (const name of mip.chosen) {
      const col = model.columns.get(name);
      if (!col) continue;
      const tpl = model.templates[col.template];
      shifts.push({ agentId: agents[col.agent].id, start: tpl.start, end: tpl.end, breaks: [] });
    }
  }
  shifts.sort((a, b) => a.start - b.start || a.agentId.localeCompare(b.agentId));
  const dialectsOf = new Map(agents.map((a) => [a.id, a.dialects]));
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
  const violations = checkShifts(
    shifts.map((s) => ({ ...s, breaks: s.breaks })),
    { rules, timeZone: input.timeZone, blocked },
  );
  return {
    status: hasIncumbent ? mip.status : `no schedule: ${mip.status}`,
    objective: hasIncumbent ? round(mip.objective!) : null,
    lowerBound: relaxed.objective !== null ? round(relaxed.objective) : null,
    shifts,
    coverage,
    violations,
    stats: {
      variables: model.variableCount,
      rows: model.rowCount,
      agents: agents.length,
      templates: model.templates.length,
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function slackGrid(
  horizon: ModelHorizon,
  requirements: ModelRequirement[],
  shifts: Array<{ agentId: string; start: number; end: number }>,
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
      let i = Math.floor((s.start - horizon.start) / iv);
      i < n && horizon.start + i * iv < s.end;
      i++
    ) {
      if (i < 0) continue;
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
 * Coverage per requirement row: `scheduled` = agents at work and not on break, time-weighted within the
 * interval (an agent on a 15-minute break in a 30-minute interval counts 0.5).
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
        if (s.end <= from || s.start >= to) continue;
        if (r.dialect !== null && !(dialectsOf.get(s.agentId) ?? []).includes(r.dialect)) continue;
        let present = Math.min(s.end, to) - Math.max(s.start, from);
        for (const b of s.breaks)
          present -= Math.max(0, Math.min(b.end, to) - Math.max(b.start, from));
        scheduled += present / iv;
      }
      return {
        start: new Date(from).toISOString(),
        ...(r.dialect !== null ? { dialect: r.dialect } : {}),
        required: r.agents,
        scheduled: Math.round(scheduled * 100) / 100,
      };
    });
}
