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

/**
 * The shift lengths a day may hold: the team's templates' when it has them (the solver uses only
 * those), else every length on the interval grid from the site's shortest to its longest.
 */
export function shiftLengths(
  rules: LabourRules,
  intervalMinutes: number,
  templates?: Array<{ minutes: number }>,
): number[] {
  if (templates?.length) return [...new Set(templates.map((t) => t.minutes))];
  const out: number[] = [];
  const first = Math.ceil(rules.minShiftMinutes / intervalMinutes) * intervalMinutes;
  for (let shift = first; shift <= rules.maxShiftMinutes; shift += intervalMinutes) out.push(shift);
  return out;
}

/**
 * Most phone minutes in one calendar week. Each day of `dayCaps` may hold one shift of one of
 * `shiftMinutes`, its paid work within the site's daily limit; a day counts its phone time up to its
 * cap (the demand it can reach). Exact: a knapsack over the days, working days and paid minutes.
 */
export function weekPhoneMinutesAtMost(
  dayCaps: number[],
  limits: WeekLimits,
  rules: LabourRules,
  shiftMinutes: number[],
): number {
  const works = new Set<number>();
  for (const shift of shiftMinutes) {
    const work = workMinutesFor(shift, rules);
    if (work > 0 && work <= rules.maxDailyWorkMinutes) works.add(work);
  }
  const days = Math.min(limits.days, dayCaps.filter((c) => c > 0).length);
  if (works.size === 0 || days <= 0 || limits.budgetMinutes <= 0) return 0;
  // Paid minutes in units of their greatest common divisor keep the table small.
  const unit = [...works].reduce(gcd);
  const budget = Math.floor(limits.budgetMinutes / unit);
  const choices = [...works].map((w) => ({ cost: w / unit, phone: phoneMinutesOf(w, rules) }));
  const NONE = -1;
  // best[k * (budget + 1) + b]: most phone minutes with k working days and b units of paid work.
  let best = new Array<number>((days + 1) * (budget + 1)).fill(NONE);
  best[0] = 0;
  for (const cap of dayCaps) {
    if (cap <= 0) continue;
    const next = best.slice();
    for (let k = 0; k < days; k++)
      for (let b = 0; b <= budget; b++) {
        const here = best[k * (budget + 1) + b];
        if (here === NONE) continue;
        for (const c of choices) {
          if (b + c.cost > budget) continue;
          const at = (k + 1) * (budget + 1) + b + c.cost;
          next[at] = Math.max(next[at], here + Math.min(c.phone, cap));
        }
      }
    best = next;
  }
  return Math.max(...best);
}

function overlaps(ranges: TimeRange[] | undefined, from: number, to: number): boolean {
  return (ranges ?? []).some((r) => r.start < to && from < r.end);
}

/** What every agent's ceiling in one horizon shares (phoneCapacityFrame). */
export interface PhoneCapacityFrame {
  horizon: CapacityHorizon;
  rules: LabourRules;
  timeZone: string;
  /** The shift lengths a day may hold (shiftLengths). */
  shiftMinutes: number[];
  /** Per day, the demanded interval starts a shift starting that day can reach. */
  demand: number[][];
  /** Weeks already worked out: most agents share contract and demand. */
  weeksSeen: Map<string, number>;
}

/**
 * The frame of a horizon's ceilings. A shift starting on a day reaches the demand (interval starts
 * where any requirement asks for an agent) from that day's midnight to the next one plus the
 * longest shift: a late shift runs into the next morning.
 */
export function phoneCapacityFrame(input: {
  horizon: CapacityHorizon;
  rules: LabourRules;
  timeZone: string;
  demandIntervals: Iterable<number>;
  /** The team's shift templates, when it has them. */
  templates?: Array<{ minutes: number }>;
}): PhoneCapacityFrame {
  const { horizon, rules } = input;
  const shiftMinutes = shiftLengths(rules, horizon.intervalMinutes, input.templates);
  const longest = Math.max(0, ...shiftMinutes);
  const days = horizon.dayStarts.length - 1;
  const ivMs = horizon.intervalMinutes * MIN;
  const starts = [...new Set(input.demandIntervals)]
    .sort((a, b) => a - b)
    .map((i) => horizon.start + i * ivMs);
  const demand = Array.from({ length: days }, (_, d) => {
    const reach = horizon.dayStarts[d + 1] + longest * MIN;
    return starts.filter((at) => at >= horizon.dayStarts[d] && at < reach);
  });
  return { horizon, rules, timeZone: input.timeZone, shiftMinutes, demand, weeksSeen: new Map() };
}

/**
 * Most phone minutes one agent can give the horizon's demand: per calendar week its contract's (or
 * the site's) weekly hours and working days, less the shifts already published in that week; per
 * day the demand a shift starting then can reach while the agent is not unavailable. A published shift inside
 * the horizon keeps its day and counts its own phone time there.
 */
export function agentPhoneMinutesAtMost(agent: PlanningAgent, frame: PhoneCapacityFrame): number {
  const { horizon, demand, rules, timeZone, weeksSeen } = frame;
  const ivMs = horizon.intervalMinutes * MIN;
  const days = horizon.dayStarts.length - 1;
  const caps = demand.map(
    (starts) =>
      starts.filter((at) => !overlaps(agent.unavailable, at, at + ivMs)).length *
      horizon.intervalMinutes,
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
      fixedPhone += Math.min(phoneMinutesOf(work, rules), caps[day]);
      caps[day] = 0;
    }
  }
  let minutes = fixedPhone;
  for (let w = 0; w < weeks; w++) {
    const weekCaps = caps.filter((_, d) => horizon.weekOfDay[d] === w);
    const key = `${budget[w]}|${workdays[w]}|${weekCaps.join(',')}`;
    let phone = weeksSeen.get(key);
    if (phone === undefined) {
      phone = weekPhoneMinutesAtMost(
        weekCaps,
        { budgetMinutes: budget[w], days: workdays[w] },
        rules,
        frame.shiftMinutes,
      );
      weeksSeen.set(key, phone);
    }
    minutes += phone;
  }
  return minutes;
}
