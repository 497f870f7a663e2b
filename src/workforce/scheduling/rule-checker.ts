/**
 * An independent labour-rule checker over concrete shifts (written apart from the MIP: it reads only
 * times, breaks and calendar days, never templates or model variables). Used to fill a schedule's
 * `violations`, to refuse edits and swaps (409 RULE_VIOLATION), and by the tests of every generated schedule.
 */
import { DateTime } from 'luxon';
import { LabourRules, restBreaksFor } from './labour-rules';

export interface CheckedBreak {
  start: number;
  end: number;
  kind: 'meal' | 'rest' | string;
}

export interface CheckedShift {
  agentId: string;
  start: number;
  end: number;
  breaks: CheckedBreak[];
}

export interface Violation {
  rule: string;
  agentId: string;
  message: string;
  at?: string;
}

export interface CheckContext {
  rules: LabourRules;
  timeZone: string;
  /** Per agent: hard blocked periods (approved time off, declared unavailability). */
  blocked?: Map<string, Array<{ start: number; end: number; reason: string }>>;
  /** Per agent: the contract's maximum paid minutes per calendar week (part-time), below the site's. */
  contractMaxWeeklyMinutes?: Map<string, number>;
}

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function localDay(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone }).startOf('day');
}

/** Minutes of the shift that are paid work: its length minus its meal breaks. */
export function workedMinutes(shift: Pick<CheckedShift, 'start' | 'end' | 'breaks'>): number {
  const meal = shift.breaks
    .filter((b) => b.kind === 'meal')
    .reduce((s, b) => s + (b.end - b.start), 0);
  return (shift.end - shift.start - meal) / MIN;
}

/** All violations of the given shifts (several agents at once). */
export function checkShifts(shifts: CheckedShift[], ctx: CheckContext): Violation[] {
  const byAgent = new Map<string, CheckedShift[]>();
  for (const s of shifts) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
  const out: Violation[] = [];
  for (const [agentId, mine] of byAgent) {
    mine.sort((a, b) => a.start - b.start);
    out.push(...checkAgent(agentId, mine, ctx));
  }
  return out;
}

function checkAgent(agentId: string, shifts: CheckedShift[], ctx: CheckContext): Violation[] {
  const { rules, timeZone } = ctx;
  const v: Violation[] = [];
  const add = (rule: string, message: string, at?: number) =>
    v.push({ rule, agentId, message, ...(at !== undefined ? { at: iso(at) } : {}) });

  for (const s of shifts) {
    const len = (s.end - s.start) / MIN;
    if (len < rules.minShiftMinutes || len > rules.maxShiftMinutes)
      add(
        'SHIFT_LENGTH',
        `Shift of ${len} min is outside ${rules.minShiftMinutes}-${rules.maxShiftMinutes} min`,
        s.start,
      );
    for (const b of s.breaks) {
      if (b.start < s.start || b.end > s.end || b.end <= b.start)
        add('BREAK_OUTSIDE_SHIFT', 'A break lies outside its shift', b.start);
    }
    const meals = s.breaks.filter((b) => b.kind === 'meal');
    if (len > rules.mealBreakAfterShiftMinutes) {
      if (meals.length === 0)
        add(
          'MEAL_BREAK',
          `Shift over ${rules.mealBreakAfterShiftMinutes} min has no meal break`,
          s.start,
        );
      for (const m of meals) {
        const mLen = (m.end - m.start) / MIN;
        const offset = (m.start - s.start) / MIN;
        if (mLen < rules.mealBreakMinMinutes || mLen > rules.mealBreakMaxMinutes)
          add(
            'MEAL_BREAK',
            `Meal break of ${mLen} min is outside ${rules.mealBreakMinMinutes}-${rules.mealBreakMaxMinutes} min`,
            m.start,
          );
        if (
          offset < rules.mealBreakEarliestStartMinutes ||
          offset > rules.mealBreakLatestStartMinutes
        )
          add('MEAL_BREAK', `Meal break starts ${offset} min into the shift`, m.start);
      }
    }
    // Rest breaks: one of restBreakMinutes per full restBreakPerWorkedMinutes worked (the unpaid meal is
    // not worked), none overlapping the meal or another break.
    const rests = s.breaks.filter((x) => x.kind === 'rest');
    for (const b of rests)
      if ((b.end - b.start) / MIN < rules.restBreakMinutes)
        add('REST_BREAK', `Rest break shorter than ${rules.restBreakMinutes} min`, b.start);
    const worked = workedMinutes(s);
    const owed = restBreaksFor(worked, rules);
    if (rests.length < owed)
      add(
        'REST_BREAK',
        `${rests.length} rest breaks for ${worked} min worked (${rules.restBreakMinutes} min per ${rules.restBreakPerWorkedMinutes} min worked: ${owed})`,
        s.start,
      );
    const ordered = [...s.breaks].sort((a, b) => a.start - b.start);
    for (let i = 1; i < ordered.length; i++)
      if (ordered[i].start < ordered[i - 1].end) {
        add('REST_BREAK', 'Two breaks of a shift overlap', ordered[i].start);
        break;
      }
    for (const blocked of ctx.blocked?.get(agentId) ?? [])
      if (blocked.start < s.end && s.start < blocked.end)
        add(
          blocked.reason === 'time_off' ? 'TIME_OFF' : 'UNAVAILABLE',
          `Shift overlaps ${blocked.reason.replace('_', ' ')}`,
          s.start,
        );
  }

  for (let i = 1; i < shifts.length; i++) {
    const prev = shifts[i - 1];
    const cur = shifts[i];
    if (cur.start < prev.end) add('OVERLAP', 'Two shifts overlap', cur.start);
    else if ((cur.start - prev.end) / MIN < rules.minRestMinutesBetweenShifts)
      add(
        'REST_BETWEEN_SHIFTS',
        `Only ${(cur.start - prev.end) / MIN} min rest between shifts (min ${rules.minRestMinutesBetweenShifts})`,
        cur.start,
      );
  }

  // Work per local day (a shift counts on the day it starts).
  const perDay = new Map<string, number>();
  for (const s of shifts) {
    const day = localDay(s.start, timeZone).toISODate()!;
    perDay.set(day, (perDay.get(day) ?? 0) + workedMinutes(s));
  }
  const overtimeByMonth = new Map<string, number>();
  for (const [day, minutes] of perDay) {
    if (minutes > rules.maxDailyWorkMinutes + 1e-9)
      add('DAILY_HOURS', `${minutes} min of work on ${day} (max ${rules.maxDailyWorkMinutes})`);
    const month = day.slice(0, 7);
    overtimeByMonth.set(
      month,
      (overtimeByMonth.get(month) ?? 0) + Math.max(0, minutes - rules.maxDailyWorkMinutes),
    );
  }

  // Calendar weeks (Monday-based): work, days off.
  const perWeek = new Map<string, { minutes: number; days: Set<string>; month: string }>();
  for (const s of shifts) {
    const day = localDay(s.start, timeZone);
    const week = day.startOf('week').toISODate()!;
    const entry = perWeek.get(week) ?? {
      minutes: 0,
      days: new Set(),
      month: day.toISODate()!.slice(0, 7),
    };
    entry.minutes += workedMinutes(s);
    entry.days.add(day.toISODate()!);
    perWeek.set(week, entry);
  }
  for (const [week, { minutes, days, month }] of perWeek) {
    if (minutes > rules.maxWeeklyWorkMinutes + 1e-9)
      add(
        'WEEKLY_HOURS',
        `${minutes} min of work in the week of ${week} (max ${rules.maxWeeklyWorkMinutes})`,
      );
    const contractMax = ctx.contractMaxWeeklyMinutes?.get(agentId);
    if (contractMax !== undefined && minutes > contractMax + 1e-9)
      add(
        'CONTRACT_HOURS',
        `${minutes} min of work in the week of ${week} (contract max ${contractMax})`,
      );
    overtimeByMonth.set(
      month,
      (overtimeByMonth.get(month) ?? 0) + Math.max(0, minutes - rules.maxWeeklyWorkMinutes),
    );
    if (7 - days.size < rules.minDaysOffPerWeek)
      add('DAYS_OFF', `Only ${7 - days.size} days off in the week of ${week}`);
  }
  for (const [month, minutes] of overtimeByMonth)
    if (minutes > rules.maxMonthlyOvertimeMinutes)
      add(
        'MONTHLY_OVERTIME',
        `${minutes} min overtime in ${month} (max ${rules.maxMonthlyOvertimeMinutes})`,
      );

  // Consecutive working days.
  const workDays = [...new Set(shifts.map((s) => localDay(s.start, timeZone).toISODate()!))].sort();
  let run = 0;
  let prevDay: DateTime | null = null;
  for (const d of workDays) {
    const day = DateTime.fromISO(d, { zone: timeZone });
    run = prevDay && Math.round(day.diff(prevDay, 'days').days) === 1 ? run + 1 : 1;
    if (run === rules.maxConsecutiveWorkDays + 1)
      add(
        'CONSECUTIVE_DAYS',
        `More than ${rules.maxConsecutiveWorkDays} consecutive working days up to ${d}`,
      );
    prevDay = day;
  }
  return v;
}

export interface CoverageRequirement {
  /** Interval start, epoch ms. */
  start: number;
  dialect: string | null;
}

/**
 * Agents counted per requirement row, independently of the generator: an agent counts for an interval
 * when one of its shifts covers the whole interval and no break of that shift overlaps it; for a dialect
 * row only agents holding the dialect (at proficiency ≥ 3, as given in `dialectsOf`) count.
 */
export function countCoverage(
  shifts: CheckedShift[],
  requirements: CoverageRequirement[],
  intervalMinutes: number,
  dialectsOf: Map<string, string[]>,
): number[] {
  return requirements.map((r) => {
    const end = r.start + intervalMinutes * MIN;
    const counted = new Set<string>();
    for (const s of shifts) {
      if (!(s.start <= r.start && s.end >= end)) continue;
      if (s.breaks.some((b) => b.start < end && b.end > r.start)) continue;
      if (r.dialect !== null && !(dialectsOf.get(s.agentId) ?? []).includes(r.dialect)) continue;
      counted.add(s.agentId);
    }
    return counted.size;
  });
}

/** Violations a change adds: the shifts checked before and after it, only what is new. */
export function newViolations(
  before: CheckedShift[],
  after: CheckedShift[],
  ctx: CheckContext,
): Violation[] {
  const key = (v: Violation) => `${v.agentId}|${v.rule}|${v.message}`;
  const had = new Set(checkShifts(before, ctx).map(key));
  return checkShifts(after, ctx).filter((v) => !had.has(key(v)));
}
