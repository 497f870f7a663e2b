/**
 * The most an agent can be on the phones while calls are asked for (pure): the ceiling the
 * diagnostics hold demand against. A contract's hours overstate it twice: paid rest breaks are paid
 * work but not phone time (40 h a week is 35 h on the phones at the default rules), and hours worked
 * when no call is asked for cover nothing (a Sunday in the horizon of a centre closed on Sundays).
 */
import { DateTime } from 'luxon';
import { LabourRules, restBreaksFor, workMinutesFor } from '../labour-rules';
import { workedMinutes } from '../rule-checker';
import type { PlanningAgent, TimeRange } from './planning-input';
import { hhmm } from './planning-model';

export interface CapacityHorizon {
  start: number;
  intervalMinutes: number;
  intervalCount: number;
  /** Local midnights, one more than the days. */
  dayStarts: number[];
  /** For each day, its Monday-based calendar week relative to the horizon's first day. */
  weekOfDay: number[];
}

const MIN = 60_000;

/** Phone minutes of a day's paid work: the work less its paid rest breaks. */
export function phoneMinutesOf(workMinutes: number, rules: LabourRules): number {
  return workMinutes - restBreaksFor(workMinutes, rules) * rules.restBreakMinutes;
}

export interface WeekLimits {
  /** Paid work the week may still take (contract or site, less shifts already fixed). */
  budgetMinutes: number;
  /** Working days the week may still take. */
  days: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Every shift length on the interval grid from the site's shortest to its longest. */
export function shiftLengths(rules: LabourRules, intervalMinutes: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(rules.minShiftMinutes / intervalMinutes) * intervalMinutes;
  for (let shift = first; shift <= rules.maxShiftMinutes; shift += intervalMinutes) out.push(shift);
  return out;
}

/** What one day may hold: a shift of one of `shiftMinutes`, counted up to `capMinutes` of demand. */
export interface DayShiftChoice {
  shiftMinutes: number[];
  /** The demand (minutes) such a shift can reach while the agent is available. */
  capMinutes: number;
}

/**
 * Most phone minutes in one calendar week. Each day may hold one shift of one of its choices, its paid
 * work within the site's daily limit, counting its phone time up to that choice's cap (the demand it
 * can reach). Exact: a knapsack over the days, working days and paid minutes.
 */
export function weekPhoneMinutesAtMost(
  days: DayShiftChoice[][],
  limits: WeekLimits,
  rules: LabourRules,
): number {
  // Per day the (paid work, phone time it gives) pairs worth taking.
  const dayItems = days.map((choices) => {
    const items = new Map<number, number>();
    for (const choice of choices)
      for (const shift of choice.shiftMinutes) {
        const work = workMinutesFor(shift, rules);
        if (work <= 0 || work > rules.maxDailyWorkMinutes) continue;
        const phone = Math.min(phoneMinutesOf(work, rules), choice.capMinutes);
        if (phone > (items.get(work) ?? 0)) items.set(work, phone);
      }
    return [...items];
  });
  const open = dayItems.filter((items) => items.length > 0);
  const workdays = Math.min(limits.days, open.length);
  if (workdays <= 0 || limits.budgetMinutes <= 0) return 0;
  // Paid minutes in units of their greatest common divisor keep the table small.
  const unit = open
    .flat()
    .map(([work]) => work)
    .reduce(gcd);
  const budget = Math.floor(limits.budgetMinutes / unit);
  const NONE = -1;
  // best[k * (budget + 1) + b]: most phone minutes with k working days and b units of paid work.
  let best = new Array<number>((workdays + 1) * (budget + 1)).fill(NONE);
  best[0] = 0;
  for (const items of open) {
    const choices = items.map(([work, phone]) => ({ cost: work / unit, phone }));
    const next = best.slice();
    for (let k = 0; k < workdays; k++)
      for (let b = 0; b <= budget; b++) {
        const here = best[k * (budget + 1) + b];
        if (here === NONE) continue;
        for (const c of choices) {
          if (b + c.cost > budget) continue;
          const at = (k + 1) * (budget + 1) + b + c.cost;
          next[at] = Math.max(next[at], here + c.phone);
        }
      }
    best = next;
  }
  return Math.max(...best);
}

function overlaps(ranges: TimeRange[] | undefined, from: number, to: number): boolean {
  return (ranges ?? []).some((r) => r.start < to && from < r.end);
}

/** A kind of shift a day may hold: its lengths, and the demanded interval starts it can reach. */
export interface DayShiftKind {
  shiftMinutes: number[];
  reach: number[];
}

/** What every agent's ceiling in one horizon shares (phoneCapacityFrame). */
export interface PhoneCapacityFrame {
  horizon: CapacityHorizon;
  rules: LabourRules;
  timeZone: string;
  /** The demanded interval starts, in order. */
  demand: number[];
  /** Per day, the kinds of shift that may start that day. */
  days: DayShiftKind[][];
  /** Weeks already worked out: most agents share contract and demand. */
  weeksSeen: Map<string, number>;
}

/**
 * The frame of a horizon's ceilings. Without templates a shift starting on a day may be of any
 * length the site allows and reaches the demand (interval starts where any requirement asks for an
 * agent) from that day's midnight to the next one plus the longest shift: a late shift runs into the
 * next morning. A team's templates are the only shifts the solver places: each reaches the intervals
 * it spans whole from its start time that day, and one that would run off the horizon is not placed.
 */
export function phoneCapacityFrame(input: {
  horizon: CapacityHorizon;
  rules: LabourRules;
  timeZone: string;
  demandIntervals: Iterable<number>;
  /** The team's shift templates, when it has them. */
  templates?: Array<{ start: string; minutes: number }>;
}): PhoneCapacityFrame {
  const { horizon, rules, timeZone } = input;
  const dayCount = horizon.dayStarts.length - 1;
  const ivMs = horizon.intervalMinutes * MIN;
  const horizonEnd = horizon.start + horizon.intervalCount * ivMs;
  const starts = [...new Set(input.demandIntervals)]
    .sort((a, b) => a - b)
    .map((i) => horizon.start + i * ivMs);
  const within = (from: number, to: number) => starts.filter((at) => at >= from && at < to);
  const frame = (days: DayShiftKind[][]): PhoneCapacityFrame => ({
    horizon,
    rules,
    timeZone,
    demand: starts,
    days,
    weeksSeen: new Map(),
  });
  if (input.templates?.length) {
    const templates = input.templates;
    return frame(
      Array.from({ length: dayCount }, (_, d) => {
        const midnight = DateTime.fromMillis(horizon.dayStarts[d], { zone: timeZone });
        return templates.flatMap((t) => {
          const start = midnight.plus({ minutes: hhmm(t.start) }).toMillis();
          const end = start + t.minutes * MIN;
          if (start < horizon.start || end > horizonEnd) return [];
          return [{ shiftMinutes: [t.minutes], reach: within(start, end - ivMs + 1) }];
        });
      }),
    );
  }
  const shiftMinutes = shiftLengths(rules, horizon.intervalMinutes);
  const longest = Math.max(0, ...shiftMinutes);
  return frame(
    Array.from({ length: dayCount }, (_, d) => [
      {
        shiftMinutes,
        reach: within(horizon.dayStarts[d], horizon.dayStarts[d + 1] + longest * MIN),
      },
    ]),
  );
}

/**
 * Most phone minutes one agent can give the horizon's demand: per calendar week its contract's (or
 * the site's) weekly hours and working days, less the shifts already published in that week; per
 * day the demand a shift starting then can reach while the agent is not unavailable. A published shift inside
 * the horizon keeps its day and counts its own phone time, up to the demand it spans.
 */
export function agentPhoneMinutesAtMost(agent: PlanningAgent, frame: PhoneCapacityFrame): number {
  const { horizon, rules, timeZone, weeksSeen } = frame;
  const ivMs = horizon.intervalMinutes * MIN;
  const days = horizon.dayStarts.length - 1;
  const choices: DayShiftChoice[][] = frame.days.map((kinds) =>
    kinds.map((kind) => ({
      shiftMinutes: kind.shiftMinutes,
      capMinutes:
        kind.reach.filter((at) => !overlaps(agent.unavailable, at, at + ivMs)).length *
        horizon.intervalMinutes,
    })),
  );
  const weeks = (horizon.weekOfDay[days - 1] ?? 0) + 1;
  const weekly = Math.min(
    agent.maxWeeklyMinutes ?? rules.maxWeeklyWorkMinutes,
    rules.maxWeeklyWorkMinutes,
  );
  const budget = Array.from({ length: weeks }, () => weekly);
  const workdays = Array.from({ length: weeks }, () => 7 - rules.minDaysOffPerWeek);
  let fixedPhone = 0;
  const firstWeek = DateTime.fromMillis(horizon.start, { zone: timeZone }).startOf('week');
  for (const f of agent.fixedShifts ?? []) {
    const work = workedMinutes({ ...f, breaks: f.breaks ?? [] });
    const week = Math.round(
      DateTime.fromMillis(f.start, { zone: timeZone }).startOf('week').diff(firstWeek, 'weeks')
        .weeks,
    );
    if (week < 0 || week >= weeks) continue;
    budget[week] -= work;
    workdays[week] -= 1;
    const day = horizon.dayStarts.findIndex(
      (s, d) => d < days && f.start >= s && f.start < horizon.dayStarts[d + 1],
    );
    if (day >= 0) {
      const reached = frame.demand.filter(
        (at) => at >= f.start && at + ivMs <= f.end && !overlaps(agent.unavailable, at, at + ivMs),
      );
      fixedPhone += Math.min(phoneMinutesOf(work, rules), reached.length * horizon.intervalMinutes);
      choices[day] = [];
    }
  }
  let minutes = fixedPhone;
  for (let w = 0; w < weeks; w++) {
    const week = choices.filter((_, d) => horizon.weekOfDay[d] === w);
    const shape = week
      .map((day) => day.map((c) => `${c.capMinutes}:${c.shiftMinutes.join('/')}`).join(';'))
      .join(',');
    const key = `${budget[w]}|${workdays[w]}|${shape}`;
    let phone = weeksSeen.get(key);
    if (phone === undefined) {
      phone = weekPhoneMinutesAtMost(week, { budgetMinutes: budget[w], days: workdays[w] }, rules);
      weeksSeen.set(key, phone);
    }
    minutes += phone;
  }
  return minutes;
}
