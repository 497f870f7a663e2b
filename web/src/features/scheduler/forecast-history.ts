/**
 * Building the forecast from history, pure: which days of answered calls it reads. Each target day
 * takes the same weekday of the `weeks` weeks before it (newest weighed most), so the range reads
 * calls from `weeks` weeks before its first day to a week before its last.
 */
import { DateTime } from 'luxon';

export interface HistoryWindow {
  /** First and last local day of calls read, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /**
   * The first target day whose newest week read is after today (it has not happened): its missing
   * calls count as none, so it and the days after come out low. Null when every day read has begun.
   */
  unseenFrom: string | null;
}

export function historyWindow(
  startDate: string,
  days: number,
  weeks: number,
  today: string,
): HistoryWindow {
  const first = DateTime.fromISO(startDate);
  const last = first.plus({ days: days - 1 });
  const unseen = DateTime.max(first, DateTime.fromISO(today).plus({ days: 8 }));
  return {
    firstDay: first.minus({ weeks }).toISODate()!,
    lastDay: last.minus({ weeks: 1 }).toISODate()!,
    unseenFrom: unseen <= last ? unseen.toISODate()! : null,
  };
}

/** The dialects to forecast apart: those some agent of the team takes calls in (proficiency ≥ 3). */
export function teamDialects(
  agents: ReadonlyArray<{
    active: boolean;
    dialects: ReadonlyArray<{ tag: string; proficiency: number }>;
  }>,
): string[] {
  const tags = new Set<string>();
  for (const a of agents)
    if (a.active) for (const d of a.dialects) if (d.proficiency >= 3) tags.add(d.tag);
  return [...tags].sort();
}
