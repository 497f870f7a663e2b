import { clockTimeOf, isClockTime } from '../../lib/clock-time';
import type { components } from '../../lib/api/schema';

type ShiftTemplate = components['schemas']['ShiftTemplateDto'];

/** A template as the form holds it: a 24-hour start and a length in hours (quarter hours allowed). */
export interface TemplateRow {
  start: string;
  hours: number | '';
}

export type TemplateProblem = 'start' | 'length' | 'duplicate';

/** The API's bounds: 30 minutes to a day, in whole minutes. */
const MIN_MINUTES = 30;
const MAX_MINUTES = 1440;

export const rowsOf = (templates: readonly ShiftTemplate[]): TemplateRow[] =>
  templates.map((x) => ({ start: x.start, hours: x.minutes / 60 }));

/** What is wrong with each row (null when it is fine); a start and length given twice is a duplicate. */
export function templateProblems(rows: readonly TemplateRow[]): Array<TemplateProblem | null> {
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!isClockTime(r.start)) return 'start';
    const minutes = typeof r.hours === 'number' ? r.hours * 60 : NaN;
    if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)
      return 'length';
    const key = `${r.start}/${minutes}`;
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
    return null;
  });
}

/** The rows as the API takes them, earliest start first; null while any row has a problem. */
export function templatesOf(rows: readonly TemplateRow[]): ShiftTemplate[] | null {
  if (templateProblems(rows).some((p) => p !== null)) return null;
  return rows
    .map((r) => ({ start: r.start, minutes: (r.hours as number) * 60 }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.minutes - b.minutes);
}

/** Whether the form holds what is stored (the same templates in any order, the same preference). */
export function unchangedSettings(
  stored: { shiftTemplates: readonly ShiftTemplate[]; consistentStartTimes: boolean },
  templates: readonly ShiftTemplate[] | null,
  consistentStartTimes: boolean,
): boolean {
  if (!templates || consistentStartTimes !== stored.consistentStartTimes) return false;
  const key = (list: readonly ShiftTemplate[]) =>
    list
      .map((x) => `${x.start}/${x.minutes}`)
      .sort()
      .join(',');
  return key(templates) === key(stored.shiftTemplates);
}

/** A stretch of the day (24-hour "HH:mm"; `to` before `from` runs past midnight). */
export interface DayStretch {
  from: string;
  to: string;
}

const DAY = 24 * 60;

/**
 * The hours of the day the templates put someone on, earliest first: the only hours the team's calls
 * can be covered, since schedules are made of these shifts alone. 'all-day' when they span the whole
 * day; a stretch across midnight is one stretch (22:00-06:00).
 */
export function hoursReached(templates: readonly ShiftTemplate[]): DayStretch[] | 'all-day' {
  const pieces: Array<[number, number]> = [];
  for (const x of templates) {
    const [h, m] = x.start.split(':').map(Number);
    const start = h * 60 + m;
    const end = start + Math.min(x.minutes, DAY);
    pieces.push([start, Math.min(end, DAY)]);
    if (end > DAY) pieces.push([0, end - DAY]);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of pieces) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  if (merged.length === 1 && merged[0][0] === 0 && merged[0][1] === DAY) return 'all-day';
  // A stretch ending at midnight and one starting then are one, across midnight.
  if (merged.length > 1 && merged[0][0] === 0 && merged.at(-1)![1] === DAY) {
    const [, morningEnd] = merged.shift()!;
    merged[merged.length - 1][1] = DAY + morningEnd;
  }
  return merged.map(([s, e]) => ({ from: clockTimeOf(s), to: clockTimeOf(e) }));
}
