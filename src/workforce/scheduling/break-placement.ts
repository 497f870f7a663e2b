/**
 * Greedy break placement: shifts in order of start; each gets its meal (when longer than the meal
 * threshold, 3-5 h in) and then floor(worked / restBreakPerWorkedMinutes) rest breaks, worked = the shift
 * minus its unpaid meal. Rest breaks are spread: the k-th sits near the k/(n+1) point of the worked time,
 * kept clear of the shift's ends, of the meal and of each other. Within its window each break goes where
 * coverage slack (scheduled − required, whole agents) is largest, touching as few coverage intervals as
 * possible (an agent counts for an interval only when no break of it overlaps the interval); slack is
 * updated as breaks land.
 */
import { LabourRules, mealMinutesFor, restBreaksFor } from './labour-rules';

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
  /** Per interval: agents covering the whole interval − required (not yet net of breaks). */
  total: number[];
  /** Per dialect, per interval: the same for that dialect; absent dialect = no requirement. */
  byDialect: Map<string, number[]>;
}

const MIN = 60_000;
const GRID = 15; // break start granularity, minutes
/** Least time between two breaks of a shift, and between a rest break and the shift's start or end. */
const GAP = 30;

/** Coverage intervals [start, end) overlaps. */
function touched(grid: SlackGrid, start: number, end: number): number[] {
  const iv = grid.intervalMinutes * MIN;
  const out: number[] = [];
  for (let i = Math.floor((start - grid.start) / iv); grid.start + i * iv < end; i++) out.push(i);
  return out;
}

/** The least slack among the intervals a break would newly take this agent out of. */
function slackOf(grid: SlackGrid, dialects: string[], intervals: number[]): number {
  let worst = Infinity;
  for (const i of intervals) {
    if (i < 0 || i >= grid.total.length) continue;
    worst = Math.min(worst, grid.total[i]);
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) worst = Math.min(worst, g[i]);
    }
  }
  return worst;
}

function take(grid: SlackGrid, dialects: string[], intervals: number[]): void {
  for (const i of intervals) {
    if (i < 0 || i >= grid.total.length) continue;
    grid.total[i] -= 1;
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) g[i] -= 1;
    }
  }
}

interface Candidate {
  at: number;
  fresh: number[];
}

/**
 * Best start in [lo, hi] (on the 15-min grid from the shift start) for a break of `len` ms: fewest newly
 * lost intervals, then most slack, then nearest to `ideal`. `lost` holds intervals this shift already
 * lost to its other breaks.
 */
function best(
  grid: SlackGrid,
  shift: ShiftToBreak,
  lo: number,
  hi: number,
  len: number,
  ideal: number,
  lost: Set<number>,
  allowed: (at: number) => boolean,
): Candidate | null {
  let pick: Candidate | null = null;
  let key: [number, number, number] = [Infinity, -Infinity, Infinity];
  for (let t = snapUp(shift.start, lo); t <= hi; t += GRID * MIN) {
    if (!allowed(t)) continue;
    const fresh = touched(grid, t, t + len).filter((i) => !lost.has(i));
    const k: [number, number, number] = [
      fresh.length,
      slackOf(grid, shift.dialects, fresh),
      Math.abs(t - ideal),
    ];
    const sameSlack = k[1] === key[1] || Math.abs(k[1] - key[1]) <= 1e-9;
    if (
      k[0] < key[0] ||
      (k[0] === key[0] && ((!sameSlack && k[1] > key[1]) || (sameSlack && k[2] < key[2])))
    ) {
      key = k;
      pick = { at: t, fresh };
    }
  }
  return pick;
}

const snapUp = (shiftStart: number, t: number) =>
  shiftStart + Math.ceil((t - shiftStart) / (GRID * MIN) - 1e-9) * GRID * MIN;
const snapNear = (shiftStart: number, t: number) =>
  shiftStart + Math.round((t - shiftStart) / (GRID * MIN)) * GRID * MIN;

/** Breaks of one shift, placed against `grid` and taken from it. */
function breaksOf(shift: ShiftToBreak, grid: SlackGrid, rules: LabourRules): PlacedBreak[] {
  const lengthMin = (shift.end - shift.start) / MIN;
  const breaks: PlacedBreak[] = [];
  const lost = new Set<number>();
  const land = (c: Candidate, len: number, kind: PlacedBreak['kind']) => {
    take(grid, shift.dialects, c.fresh);
    c.fresh.forEach((i) => lost.add(i));
    breaks.push({ start: c.at, end: c.at + len, kind });
  };
  const meal = mealMinutesFor(lengthMin, rules) * MIN;
  if (meal > 0) {
    const lo = shift.start + rules.mealBreakEarliestStartMinutes * MIN;
    const hi = Math.min(shift.start + rules.mealBreakLatestStartMinutes * MIN, shift.end - meal);
    const c = best(grid, shift, lo, hi, meal, (lo + hi) / 2, lost, () => true);
    if (c) land(c, meal, 'meal');
  }
  const mealBreak = breaks[0];
  const worked = lengthMin * MIN - (mealBreak ? meal : 0);
  const count = restBreaksFor(worked / MIN, rules);
  const len = rules.restBreakMinutes * MIN;
  // Work segments around the meal get rests in proportion to their length (largest remainder), each
  // segment's rests evenly inside it.
  const segments = mealBreak
    ? [
        { from: shift.start, to: mealBreak.start },
        { from: mealBreak.end, to: shift.end },
      ]
    : [{ from: shift.start, to: shift.end }];
  const shares = segments.map((g) => ((g.to - g.from) / worked) * count);
  const counts = shares.map(Math.floor);
  const byRemainder = shares.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (let j = 0; counts.reduce((a, b) => a + b, 0) < count; j++) counts[byRemainder[j].i]++;
  const ideals: number[] = [];
  segments.forEach((g, i) => {
    for (let k = 1; k <= counts[i]; k++)
      ideals.push(
        snapNear(shift.start, g.from + ((g.to - g.from) * k) / (counts[i] + 1) - len / 2),
      );
  });
  const spacing = worked / (count + 1);
  const reach = Math.max(GRID * MIN, Math.min(60 * MIN, Math.floor(spacing / 2)));
  for (const ideal of ideals) {
    const clear = (gap: number) => (at: number) =>
      at >= shift.start + gap &&
      at + len <= shift.end - gap &&
      breaks.every((b) => at + len + gap <= b.start || at >= b.end + gap);
    const c =
      best(grid, shift, ideal - reach, ideal + reach, len, ideal, lost, clear(GAP * MIN)) ??
      // Crowded shifts (unusual settings): anywhere clear of the other breaks.
      best(grid, shift, shift.start, shift.end - len, len, ideal, lost, clear(0));
    if (c) land(c, len, 'rest');
  }
  return breaks.sort((a, b) => a.start - b.start);
}

/** Intervals a shift's breaks take it out of (each once). */
function breakIntervals(grid: SlackGrid, breaks: PlacedBreak[]): number[] {
  return [...new Set(breaks.flatMap((b) => touched(grid, b.start, b.end)))];
}

/** Shortage (required − present, where positive) over the intervals given, total and dialect rows. */
function shortageAt(grid: SlackGrid, dialects: string[], intervals: number[]): number {
  let short = 0;
  for (const i of intervals) {
    if (i < 0 || i >= grid.total.length) continue;
    short += Math.max(0, -grid.total[i]);
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) short += Math.max(0, -g[i]);
    }
  }
  return short;
}

/**
 * Breaks for every shift (same order as given), updating `grid` as they are placed. Shifts are placed in
 * order of start, so an early shift chose without seeing the later ones: `passes` more rounds take each
 * shift's breaks back and place them again against everyone else's, keeping the new ones only when they
 * leave less shortage (required − present) where they land. Breaks stay within the same windows.
 */
export function placeBreaks(
  shifts: ShiftToBreak[],
  grid: SlackGrid,
  rules: LabourRules,
  passes = 0,
): PlacedBreak[][] {
  const order = shifts.map((_, i) => i).sort((a, b) => shifts[a].start - shifts[b].start);
  const result: PlacedBreak[][] = shifts.map(() => []);
  for (const idx of order) result[idx] = breaksOf(shifts[idx], grid, rules);
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (const idx of order) {
      const shift = shifts[idx];
      const old = breakIntervals(grid, result[idx]);
      give(grid, shift.dialects, old);
      const lossBefore = lossOf(grid, shift.dialects, old);
      const next = breaksOf(shift, grid, rules);
      const now = breakIntervals(grid, next);
      give(grid, shift.dialects, now);
      if (lossOf(grid, shift.dialects, now) <= lossBefore) {
        take(grid, shift.dialects, now);
        if (next.some((b, k) => b.start !== result[idx][k]?.start)) moved++;
        result[idx] = next;
      } else take(grid, shift.dialects, old);
    }
    if (moved === 0) break;
  }
  return result;
}

function give(grid: SlackGrid, dialects: string[], intervals: number[]): void {
  for (const i of intervals) {
    if (i < 0 || i >= grid.total.length) continue;
    grid.total[i] += 1;
    for (const d of dialects) {
      const g = grid.byDialect.get(d);
      if (g) g[i] += 1;
    }
  }
}

/** Shortage the agent's absence from these intervals adds (the agent counted in them now). */
function lossOf(grid: SlackGrid, dialects: string[], intervals: number[]): number {
  const present = shortageAt(grid, dialects, intervals);
  take(grid, dialects, intervals);
  const absent = shortageAt(grid, dialects, intervals);
  give(grid, dialects, intervals);
  return absent - present;
}
