/**
 * A 24-hour wall-clock time as people type it, read as `HH:MM`. The app's time fields are plain
 * text because a native time field speaks the browser's language (an English browser shows
 * "04:30 PM" on a Chinese page) and cannot hold 24:00, the end of a day.
 *
 * Accepted: 9:30, 09:30, 0930, 930, 9 (on the hour), a full-width colon or full-width digits as a
 * Chinese input method types them (９：３０), and a dot (9.30). 24:00 only when `endOfDay` allows it.
 */
export function parseClockTime(raw: string, endOfDay = false): string | null {
  const text = asciiDigits(raw.trim()).replace(/[：.．]/g, ':');
  const parts =
    /^(\d{1,2}):(\d{2})$/.exec(text) ??
    /^(\d{1,2})(\d{2})$/.exec(text) ??
    /^(\d{1,2})()$/.exec(text);
  if (!parts) return null;
  const hours = Number(parts[1]);
  const minutes = parts[2] === '' ? 0 : Number(parts[2]);
  const ok = (hours < 24 && minutes < 60) || (endOfDay && hours === 24 && minutes === 0);
  return ok ? `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` : null;
}

/** Full-width digits (０-９, as a Chinese input method may type them) as ASCII digits. */
export const asciiDigits = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Whether `value` is already a canonical clock time (what the API accepts). */
export function isClockTime(value: string, endOfDay = false): boolean {
  return parseClockTime(value, endOfDay) === value;
}

/** A minute of the day (0..1439, taken modulo a day) as `HH:MM`. */
export function clockTimeOf(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
