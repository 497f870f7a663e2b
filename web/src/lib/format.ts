/** Dates, times and numbers in the person's language and the site's time zone. Pure. */

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

export const formatTime = (iso: string | Date, locale: string, zone: string) =>
  formatter(locale, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

export const formatDateTime = (iso: string | Date, locale: string, zone: string) =>
  formatter(locale, zone, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** A day to pick from: weekday and date, no year (12月3日周四, Thu, Dec 3). */
export const formatDay = (iso: string | Date, locale: string, zone: string) =>
  formatter(locale, zone, { month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(iso),
  );

export const formatDate = (iso: string | Date, locale: string, zone: string) =>
  formatter(locale, zone, { year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(iso),
  );

export const formatNumber = (n: number, locale: string, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(locale, options).format(n);

/** `m:ss` or `h:mm:ss` for a timer; negative values count as zero. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The wall-clock parts of an instant in a zone. */
export function zonedParts(at: Date, zone: string) {
  const parts = formatter('en-CA', zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(at: Date, zone: string): number {
  const p = zonedParts(at, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant of a wall-clock time (`HH:mm`) on the zone's date of `day`. */
export function instantAtLocalTime(day: Date, hhmm: string, zone: string): Date {
  const p = zonedParts(day, zone);
  const [h, m] = hhmm.split(':').map(Number);
  const guess = Date.UTC(p.year, p.month - 1, p.day, h, m);
  const offset = zoneOffsetMinutes(new Date(guess), zone);
  return new Date(guess - offset * 60000);
}

/** Minutes since the zone's local midnight (the "today" of load figures). */
export function minutesSinceLocalMidnight(now: Date, zone: string): number {
  const p = zonedParts(now, zone);
  return p.hour * 60 + p.minute;
}
