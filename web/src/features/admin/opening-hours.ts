/** One opening range in the site's zone: ISO weekday (Monday = 1), HH:mm to HH:mm (24:00 = midnight). */
export interface OpeningRange {
  weekday: number;
  open: string;
  close: string;
}

const OPEN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The problem with one range before the API sees it, or null. */
export function rangeProblem(r: OpeningRange): 'open' | 'close' | null {
  if (!OPEN.test(r.open)) return 'open';
  if (!CLOSE.test(r.close)) return 'close';
  return null;
}

/** Whether a range runs past midnight into the next day (close at or before open, not 24:00). */
export const pastMidnight = (r: OpeningRange) => r.close !== '24:00' && r.close <= r.open;

/** Ranges in weekday then opening order, as the editor shows them. */
export function sortRanges(ranges: OpeningRange[]): OpeningRange[] {
  return [...ranges].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open));
}

/** The usual call-centre week to start from: every day 09:00-18:00. */
export const DEFAULT_WEEK: OpeningRange[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '09:00',
  close: '18:00',
}));

/** A run of consecutive weekdays with the same single range (Mon–Fri 08:00–22:00). */
export interface HoursRun {
  from: number;
  to: number;
  open: string;
  close: string;
}

/**
 * The week in few words: consecutive days with one identical range are joined into a run; a day
 * with two ranges stays on its own, once per range.
 */
export function summariseHours(ranges: OpeningRange[]): HoursRun[] {
  const perDay = new Map<number, OpeningRange[]>();
  for (const r of sortRanges(ranges)) perDay.set(r.weekday, [...(perDay.get(r.weekday) ?? []), r]);
  const runs: HoursRun[] = [];
  for (const [weekday, day] of perDay) {
    const last = runs[runs.length - 1];
    const single = day.length === 1 ? day[0] : null;
    if (
      single &&
      last &&
      last.to === weekday - 1 &&
      last.open === single.open &&
      last.close === single.close &&
      perDay.get(last.to)?.length === 1
    )
      last.to = weekday;
    else
      for (const r of day) runs.push({ from: weekday, to: weekday, open: r.open, close: r.close });
  }
  return runs;
}
