/** Weekly availability as the calendar edits it. Pure. */
export interface WeeklyRule {
  weekday: number; // 1 = Monday
  start: string; // HH:mm
  end: string; // HH:mm, 24:00 = end of day
}

/** The Monday of the fixed week the editor draws the weekly pattern on. */
export const PATTERN_MONDAY = '2024-01-01';

const pad = (n: number) => String(n).padStart(2, '0');

/** A rule as an event on the pattern week (floating local times). */
export function ruleToEvent(rule: WeeklyRule): { start: string; end: string } {
  const day = `2024-01-${pad(rule.weekday)}`;
  const end =
    rule.end === '24:00' ? `2024-01-${pad(rule.weekday + 1)}T00:00:00` : `${day}T${rule.end}:00`;
  return { start: `${day}T${rule.start}:00`, end };
}

/** A selection on the pattern week back to a rule; null when it spans days. */
export function selectionToRule(start: Date, end: Date): WeeklyRule | null {
  // The pattern week is drawn in UTC, so UTC fields are its wall-clock fields.
  const weekday = ((start.getUTCDay() + 6) % 7) + 1;
  const sameDay = start.getUTCDate() === end.getUTCDate();
  const endsAtMidnight =
    !sameDay &&
    end.getUTCHours() === 0 &&
    end.getUTCMinutes() === 0 &&
    end.getTime() - start.getTime() <= 86_400_000;
  if (!sameDay && !endsAtMidnight) return null;
  const hm = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return { weekday, start: hm(start), end: endsAtMidnight ? '24:00' : hm(end) };
}

/** Adds a rule, merging it with overlapping or touching rules of the same weekday. */
export function addRule(rules: WeeklyRule[], rule: WeeklyRule): WeeklyRule[] {
  if (rule.start >= rule.end) return rules;
  const same = rules.filter((r) => r.weekday === rule.weekday);
  const others = rules.filter((r) => r.weekday !== rule.weekday);
  let merged = { ...rule };
  const rest: WeeklyRule[] = [];
  for (const r of same) {
    if (r.start <= merged.end && merged.start <= r.end) {
      merged = {
        weekday: rule.weekday,
        start: r.start < merged.start ? r.start : merged.start,
        end: r.end > merged.end ? r.end : merged.end,
      };
    } else rest.push(r);
  }
  return sortRules([...others, ...rest, merged]);
}

export function sortRules(rules: WeeklyRule[]): WeeklyRule[] {
  return [...rules].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}
