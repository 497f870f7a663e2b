/**
 * Labour rules of a site: every rule is a setting; defaults follow Chinese labour law and common WFM
 * practice. Pure data + the few derived figures the model, the break placer and the checker share.
 */
export interface LabourRules {
  minShiftMinutes: number;
  maxShiftMinutes: number;
  /** Scheduled work (shift minus unpaid meal) per local day. */
  maxDailyWorkMinutes: number;
  /** Scheduled work per calendar week (Monday to Sunday, site time). */
  maxWeeklyWorkMinutes: number;
  /** Work beyond the daily/weekly limits, summed per calendar month (schedulers' edits only). */
  maxMonthlyOvertimeMinutes: number;
  /** Whole days without a shift per calendar week. */
  minDaysOffPerWeek: number;
  minRestMinutesBetweenShifts: number;
  maxConsecutiveWorkDays: number;
  /** Shifts longer than this get an unpaid meal break. */
  mealBreakAfterShiftMinutes: number;
  mealBreakMinMinutes: number;
  mealBreakMaxMinutes: number;
  /** The meal starts this far into the shift (window). */
  mealBreakEarliestStartMinutes: number;
  mealBreakLatestStartMinutes: number;
  /** One paid rest break of restBreakMinutes per restBreakPerWorkedMinutes worked. */
  restBreakMinutes: number;
  restBreakPerWorkedMinutes: number;
  /** Generation time limit for the solver, seconds. */
  solverTimeLimitSeconds: number;
}

export const DEFAULT_LABOUR_RULES: Readonly<LabourRules> = Object.freeze({
  minShiftMinutes: 4 * 60,
  maxShiftMinutes: 9 * 60,
  maxDailyWorkMinutes: 8 * 60,
  maxWeeklyWorkMinutes: 40 * 60,
  maxMonthlyOvertimeMinutes: 36 * 60,
  minDaysOffPerWeek: 1,
  minRestMinutesBetweenShifts: 11 * 60,
  maxConsecutiveWorkDays: 6,
  mealBreakAfterShiftMinutes: 6 * 60,
  mealBreakMinMinutes: 30,
  mealBreakMaxMinutes: 60,
  mealBreakEarliestStartMinutes: 3 * 60,
  mealBreakLatestStartMinutes: 5 * 60,
  restBreakMinutes: 15,
  restBreakPerWorkedMinutes: 2 * 60,
  solverTimeLimitSeconds: 60,
});

export function withDefaults(partial: Partial<LabourRules> | null | undefined): LabourRules {
  return { ...DEFAULT_LABOUR_RULES, ...(partial ?? {}) };
}

/**
 * The meal a generated shift of this length gets: none up to mealBreakAfterShiftMinutes; otherwise as
 * long as needed to keep work within the daily limit, within [min, max].
 */
export function mealMinutesFor(shiftMinutes: number, rules: LabourRules): number {
  if (shiftMinutes <= rules.mealBreakAfterShiftMinutes) return 0;
  const needed = shiftMinutes - rules.maxDailyWorkMinutes;
  return Math.min(rules.mealBreakMaxMinutes, Math.max(rules.mealBreakMinMinutes, needed));
}

/** Paid work of a shift: its length minus the unpaid meal. */
export function workMinutesFor(shiftMinutes: number, rules: LabourRules): number {
  return shiftMinutes - mealMinutesFor(shiftMinutes, rules);
}

/**
 * Rest breaks a shift gets: one of restBreakMinutes per full restBreakPerWorkedMinutes worked
 * (floor(worked / per)). Worked time is the shift minus its unpaid meal; paid rest breaks count as work.
 */
export function restBreaksFor(workedMinutes: number, rules: LabourRules): number {
  if (rules.restBreakPerWorkedMinutes <= 0) return 0;
  return Math.floor(workedMinutes / rules.restBreakPerWorkedMinutes + 1e-9);
}

/** Minutes of a shift's breaks: its meal and its rest breaks. */
export function breakMinutesFor(shiftMinutes: number, rules: LabourRules): number {
  const meal = mealMinutesFor(shiftMinutes, rules);
  return meal + restBreaksFor(shiftMinutes - meal, rules) * rules.restBreakMinutes;
}

/**
 * Coverage intervals a shift of this length loses to its breaks when each break is placed inside as few
 * intervals as possible (an agent counts for an interval only when no break of it overlaps it): the
 * model staffs for them so coverage holds after breaks are placed.
 */
export function breakIntervalsFor(
  shiftMinutes: number,
  rules: LabourRules,
  intervalMinutes: number,
): number {
  const meal = mealMinutesFor(shiftMinutes, rules);
  const rests = restBreaksFor(shiftMinutes - meal, rules);
  return (
    (meal > 0 ? Math.ceil(meal / intervalMinutes) : 0) +
    rests * Math.ceil(rules.restBreakMinutes / intervalMinutes)
  );
}
