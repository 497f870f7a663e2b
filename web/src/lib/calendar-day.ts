import { asciiDigits } from './clock-time';

/**
 * A calendar day as people type it, read as `YYYY-MM-DD` (what the API takes). The app's date
 * fields show days that way in both languages: a browser's own date field speaks the browser's
 * language (12/04/2026 on a Chinese page in an English browser), and 12/04 reads as 12 April to
 * many. Accepted: 2026-12-04, 2026/12/4, 2026.12.4, 2026年12月4日, with full-width digits too.
 */
export function parseCalendarDay(raw: string): string | null {
  const text = asciiDigits(raw.trim()).replace(/日$/, '');
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(text);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March: a day that does not exist is refused, not moved.
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  )
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The browser-local midnight of a `YYYY-MM-DD` day: what a date picker holds for it. */
export function calendarDayToDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** The `YYYY-MM-DD` of a picker's date (its browser-local day). */
export function dateToCalendarDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
