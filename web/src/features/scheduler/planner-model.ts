/**
 * The planner's arithmetic, pure: the days of a horizon in the site's zone, where shifts sit on the
 * grid, where a dragged shift lands, and the staffing and coverage figures put into words.
 */
import { DateTime } from 'luxon';

export interface Day {
  /** Local date, YYYY-MM-DD. */
  date: string;
  start: number;
  end: number;
}

/** The local days of a horizon: each from local midnight to the next (23 or 25 h across DST). */
export function horizonDays(startDate: string, days: number, zone: string): Day[] {
  const first = DateTime.fromISO(startDate, { zone }).startOf('day');
  return Array.from({ length: days }, (_, i) => {
    const d = first.plus({ days: i });
    return { date: d.toISODate()!, start: d.toMillis(), end: d.plus({ days: 1 }).toMillis() };
  });
}

/** The day index an instant falls in, or -1 outside the horizon. */
export function dayIndexOf(days: readonly Day[], at: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < days[mid].start) hi = mid - 1;
    else if (at >= days[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export interface ShiftLike {
  id: string;
  agentId: string;
  startsAt: string;
  endsAt: string;
  breaks: Array<{ startsAt: string; endsAt: string; kind: string }>;
}

/**
 * The hours of the day a grid cell shows, [from, to) in minutes after local midnight: every shift's
 * hours with an hour to spare on each side (room to drag), whole hours, at least 6 hours.
 */
export function gridWindow(
  shifts: readonly ShiftLike[],
  days: readonly Day[],
): { from: number; to: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of shifts) {
    const start = Date.parse(s.startsAt);
    const d = dayIndexOf(days, start);
    if (d < 0) continue;
    const m = (start - days[d].start) / 60_000;
    lo = Math.min(lo, m);
    hi = Math.max(hi, m + (Date.parse(s.endsAt) - start) / 60_000);
  }
  if (!Number.isFinite(lo)) return { from: 6 * 60, to: 22 * 60 };
  let from = Math.max(0, Math.floor(lo / 60) * 60 - 60);
  let to = Math.min(24 * 60, Math.ceil(hi / 60) * 60 + 60);
  if (to - from < 360) {
    const grow = 360 - (to - from);
    from = Math.max(0, from - Math.ceil(grow / 120) * 60);
    to = Math.min(24 * 60, from + 360);
  }
  return { from, to };
}

export interface Bar {
  shiftId: string;
  day: number;
  /** Minutes after the window's start, clipped to the window. */
  left: number;
  width: number;
  breaks: Array<{ left: number; width: number; kind: string }>;
}

/** Each agent's shifts as bars: agent id → bars, in start order. */
export function layoutBars(
  shifts: readonly ShiftLike[],
  days: readonly Day[],
  window: { from: number; to: number },
): Map<string, Bar[]> {
  const out = new Map<string, Bar[]>();
  const span = window.to - window.from;
  const sorted = [...shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const s of sorted) {
    const start = Date.parse(s.startsAt);
    const d = dayIndexOf(days, start);
    if (d < 0) continue;
    const origin = days[d].start + window.from * 60_000;
    const clip = (ms: number) => Math.min(span, Math.max(0, (ms - origin) / 60_000));
    const left = clip(start);
    const bar: Bar = {
      shiftId: s.id,
      day: d,
      left,
      width: Math.max(1, clip(Date.parse(s.endsAt)) - left),
      breaks: s.breaks.map((b) => {
        const bl = clip(Date.parse(b.startsAt));
        return { left: bl - left, width: clip(Date.parse(b.endsAt)) - bl, kind: b.kind };
      }),
    };
    const list = out.get(s.agentId);
    if (list) list.push(bar);
    else out.set(s.agentId, [bar]);
  }
  return out;
}

/**
 * Where a dragged shift lands: its left edge at `x` pixels into the days area (days side by side,
 * `dayWidth` each, showing `window`), snapped to the schedule's interval; the length is kept.
 */
export function dropTimes(input: {
  x: number;
  dayWidth: number;
  days: readonly Day[];
  window: { from: number; to: number };
  intervalMinutes: number;
  lengthMinutes: number;
}): { start: number; end: number } {
  const { x, dayWidth, days, window, intervalMinutes, lengthMinutes } = input;
  const day = Math.min(days.length - 1, Math.max(0, Math.floor(x / dayWidth)));
  const perMinute = dayWidth / (window.to - window.from);
  const into = Math.min(dayWidth, Math.max(0, x - day * dayWidth)) / perMinute;
  const minutes = Math.round((window.from + into) / intervalMinutes) * intervalMinutes;
  const latest = 24 * 60 - intervalMinutes;
  const start = days[day].start + Math.min(latest, Math.max(0, minutes)) * 60_000;
  return { start, end: start + lengthMinutes * 60_000 };
}

export interface RequirementLike {
  start: string;
  dialect?: string;
  agents: number;
}

export interface StaffingLine {
  /** '' for the team's whole traffic. */
  dialect: string;
  peakRequired: number;
  peakAt: string | null;
  headcount: number;
  /** max(0, peak − headcount): the agents the team lacks at its busiest interval. */
  shortBy: number;
  /** Intervals needing more agents than the team has. */
  shortIntervals: number;
  requiredAgentHours: number;
}

/**
 * Requirements against what the team has: per dialect, the busiest interval and how many agents
 * short the team is there (headcount counts agents with the dialect at proficiency ≥ 3).
 */
export function staffingLines(
  rows: readonly RequirementLike[],
  intervalMinutes: number,
  headcount: (dialect: string) => number,
): StaffingLine[] {
  const by = new Map<string, StaffingLine>();
  for (const r of rows) {
    const dialect = r.dialect ?? '';
    let line = by.get(dialect);
    if (!line) {
      line = {
        dialect,
        peakRequired: 0,
        peakAt: null,
        headcount: headcount(dialect),
        shortBy: 0,
        shortIntervals: 0,
        requiredAgentHours: 0,
      };
      by.set(dialect, line);
    }
    if (r.agents > line.peakRequired) {
      line.peakRequired = r.agents;
      line.peakAt = r.start;
    }
    if (r.agents > line.headcount) line.shortIntervals++;
    line.requiredAgentHours += (r.agents * intervalMinutes) / 60;
  }
  return [...by.values()]
    .map((l) => ({ ...l, shortBy: Math.max(0, l.peakRequired - l.headcount) }))
    .sort((a, b) => a.dialect.localeCompare(b.dialect));
}

export interface CoveragePoint {
  start: number;
  required: number;
  scheduled: number;
}

/** Coverage rows per dialect ('' = all calls), each in time order. */
export function coverageByDialect(
  rows: ReadonlyArray<{ start: string; dialect?: string; required: number; scheduled: number }>,
): Map<string, CoveragePoint[]> {
  const out = new Map<string, CoveragePoint[]>();
  for (const r of rows) {
    const key = r.dialect ?? '';
    const point = { start: Date.parse(r.start), required: r.required, scheduled: r.scheduled };
    const list = out.get(key);
    if (list) list.push(point);
    else out.set(key, [point]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Short intervals and agent-intervals of one dialect's coverage. */
export function shortOf(points: readonly CoveragePoint[]): {
  intervals: number;
  shortIntervals: number;
  shortAgentIntervals: number;
} {
  let shortIntervals = 0;
  let shortAgentIntervals = 0;
  for (const p of points)
    if (p.scheduled < p.required) {
      shortIntervals++;
      shortAgentIntervals += p.required - p.scheduled;
    }
  return { intervals: points.length, shortIntervals, shortAgentIntervals };
}
