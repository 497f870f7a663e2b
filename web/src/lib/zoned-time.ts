import { DateTime } from 'luxon';

/**
 * A day (`YYYY-MM-DD`) and a 24-hour time (`HH:MM`, 24:00 being the next midnight) as an instant in
 * the zone: the wall-clock time itself, not midnight plus hours (an hour off on a daylight-saving
 * day). Null when either part is not one.
 */
export function atDayTime(day: string, time: string, zone: string): DateTime | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !m) return null;
  const d =
    time === '24:00'
      ? DateTime.fromISO(day, { zone }).startOf('day').plus({ days: 1 })
      : DateTime.fromISO(`${day}T${time}`, { zone });
  return d.isValid && Number(m[1]) <= 24 && Number(m[2]) < 60 ? d : null;
}
