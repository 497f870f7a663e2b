/**
 * Contracts and preferences turned into planning terms (pure): recurring weekly unavailability expanded
 * to absolute times in the site's zone, "HH:MM" to minutes of the day.
 */
import { DateTime } from 'luxon';
import { DIALECT_QUALIFYING_PROFICIENCY, type TimeRange } from './planning-input';

export interface WeeklyUnavailability {
  /** ISO weekday, Monday = 1. */
  weekday: number;
  /** Local "HH:MM". */
  start: string;
  /** Local "HH:MM" ("24:00" = midnight after); an end at or before the start runs past midnight. */
  end: string;
}

/** Minutes since local midnight of "HH:MM" ("24:00" → 1440). */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function hhmmOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Every occurrence of the weekly rules overlapping [from, to), clipped to it, merged, in order. Local
 * times follow the zone's daylight-saving changes (each occurrence is placed on its own local day).
 */
export function expandWeekly(
  rules: WeeklyUnavailability[],
  from: number,
  to: number,
  timeZone: string,
): TimeRange[] {
  if (rules.length === 0 || to <= from) return [];
  const out: TimeRange[] = [];
  // Start a day early: an overnight occurrence of the day before can reach into the window.
  let day = DateTime.fromMillis(from, { zone: timeZone }).startOf('day').minus({ days: 1 });
  while (day.toMillis() < to) {
    for (const r of rules) {
      if (r.weekday !== day.weekday) continue;
      const startMin = minutesOfDay(r.start);
      let endMin = minutesOfDay(r.end);
      if (endMin <= startMin) endMin += 1440;
      const start = day.plus({ minutes: startMin }).toMillis();
      const end = day.plus({ minutes: endMin }).toMillis();
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      if (e > s) out.push({ start: s, end: e });
    }
    day = day.plus({ days: 1 });
  }
  return mergeRanges(out);
}

/** Sorted, overlapping or touching ranges joined. */
export function mergeRanges(ranges: TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Dialects an agent holds at the qualifying proficiency (≥ 3): the ones dialect rows count. */
export function qualifyingDialects(agent: {
  dialects: Array<{ tag: string; proficiency: number }>;
}): string[] {
  return agent.dialects
    .filter((d) => d.proficiency >= DIALECT_QUALIFYING_PROFICIENCY)
    .map((d) => d.tag);
}
