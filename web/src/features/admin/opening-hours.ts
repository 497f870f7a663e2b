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
