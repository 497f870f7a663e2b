/**
 * Greedy break placement: shifts in order of start; each gets its meal (when longer than the meal
 * threshold, 3-5 h in) and then rest breaks so no stretch of work exceeds the limit, each placed at the
 * allowed slot where coverage slack (scheduled − required) is largest; slack is updated as breaks land.
 */
import { LabourRules, mealMinutesFor } from './labour-rules';

export interface PlacedBreak {
  start: number;
  end: number;
  kind: 'meal' | 'rest';
}

export interface ShiftToBreak {
  start: number;
  end: number;
  /** Dialects (proficiency ≥ 3) of the agent, to count dialect slack too. */
  dialects: string[];
}

export interface SlackGrid {
  start: number;
  intervalMinutes: number;
  /** Per interval: total scheduled − required (agents, not yet net of breaks). */
  total: number[];
  /** Per dialect, per interval: scheduled − required; absent dialect = no requirement. */
  byDialect: Map<string, number[]>;
}

const MIN = 60_000;
const GRID = 15; // break start granularity, minutes

/** The slack an agent on this shift would take away by breaking over [start, end). */
function cost(grid: SlackGrid, dialects: string[], start: number, end: number): number {
  const iv = grid.intervalMinutes * MIN;
  let worst = Infinity;
  for (let t = start; t < end; t += GRID * MIN) {
    const i = Math.floor((t - grid.start) / iv);
    if (i < 0 || i >= grid.total.length) continue;
    worst = Math.min(worst, grid.total[i]);
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) worst = Math.min(worst, g[i]);
    }
  }
  return worst;
}

function take(grid: SlackGrid, dialects: string[], start: number, end: number): void {
  const iv = grid.intervalMinutes * MIN;
  for (let t = start; t < end; t += GRID * MIN) {
    const i = Math.floor((t - grid.start) / iv);
    if (i < 0 || i >= grid.total.length) continue;
    const share = GRID / grid.intervalMinutes;
    grid.total[i] -= share;
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) g[i] -= share;
    }
  }
}

/** Best start in [lo, hi] (ms, on the 15-min grid from the shift start) for a break of `len` ms. */
function best(grid: SlackGrid, shift: ShiftToBreak, lo: number, hi: number, len: number): number {
  let bestAt = lo;
  let bestSlack = -Infinity;
  for (let t = lo; t <= hi; t += GRID * MIN) {
    const s = cost(grid, shift.dialects, t, t + len);
    if (s > bestSlack + 1e-9) {
      bestSlack = s;
      bestAt = t;
    }
  }
  return bestAt;
}

const snapUp = (shiftStart: number, t: number) =>
  shiftStart + Math.ceil((t - shiftStart) / (GRID * MIN) - 1e-9) * GRID * MIN;
const snapDown = (shiftStart: number, t: number) =>
  shiftStart + Math.floor((t - shiftStart) / (GRID * MIN) + 1e-9) * GRID * MIN;

/** Rest breaks for the work stretch [from, to): fewest breaks so no piece exceeds the limit. */
function restBreaks(
  grid: SlackGrid,
  shift: ShiftToBreak,
  from: number,
  to: number,
  rules: LabourRules,
): PlacedBreak[] {
  const limit = rules.restBreakPerWorkedMinutes * MIN;
  const len = rules.restBreakMinutes * MIN;
  const out: PlacedBreak[] = [];
  const span = to - from;
  if (span <= limit) return out;
  const k = Math.ceil((span - limit) / (limit + len));
  let cursor = from;
  for (let j = 0; j < k; j++) {
    const remainingAfter = k - j - 1;
    // After this break the rest must fit: to − (b + len) ≤ (remainingAfter + 1)·limit + remainingAfter·len
    const lo = snapUp(
      shift.start,
      Math.max(cursor + GRID * MIN, to - len - (remainingAfter + 1) * limit - remainingAfter * len),
    );
    const hi = snapDown(shift.start, Math.min(cursor + limit, to - len - GRID * MIN));
    const at =
      lo <= hi
        ? best(grid, shift, lo, hi, len)
        : snapDown(shift.start, Math.min(cursor + limit, to - len));
    take(grid, shift.dialects, at, at + len);
    out.push({ start: at, end: at + len, kind: 'rest' });
    cursor = at + len;
  }
  return out;
}

/** Breaks for every shift (same order as given), updating `grid` as they are placed. */
export function placeBreaks(
  shifts: ShiftToBreak[],
  grid: SlackGrid,
  rules: LabourRules,
): PlacedBreak[][] {
  const order = shifts.map((_, i) => i).sort((a, b) => shifts[a].start - shifts[b].start);
  const result: PlacedBreak[][] = shifts.map(() => []);
  for (const idx of order) {
    const shift = shifts[idx];
    const lengthMin = (shift.end - shift.start) / MIN;
    const breaks: PlacedBreak[] = [];
    const meal = mealMinutesFor(lengthMin, rules) * MIN;
    if (meal > 0) {
      const lo = shift.start + rules.mealBreakEarliestStartMinutes * MIN;
      const hi = Math.min(shift.start + rules.mealBreakLatestStartMinutes * MIN, shift.end - meal);
      const at = best(grid, shift, lo, hi, meal);
      take(grid, shift.dialects, at, at + meal);
      breaks.push({ start: at, end: at + meal, kind: 'meal' });
      breaks.push(...restBreaks(grid, shift, shift.start, at, rules));
      breaks.push(...restBreaks(grid, shift, at + meal, shift.end, rules));
    } else {
      breaks.push(...restBreaks(grid, shift, shift.start, shift.end, rules));
    }
    result[idx] = breaks.sort((a, b) => a.start - b.start);
  }
  return result;
}
