/** One interval of the day's service level, as `GET /v1/teams/{teamId}/service-level` gives it. */
export interface ServiceLevelPoint {
  start: string;
  offered: number;
  serviceLevel: number | null;
}

/**
 * The intervals worth drawing: from the first one with calls (the night before it is empty), but at
 * least the last `minimum`, so a quiet morning still shows a short axis.
 */
export function intervalsToDraw<T extends ServiceLevelPoint>(intervals: T[], minimum = 8): T[] {
  const first = intervals.findIndex((i) => i.offered > 0);
  const from = first === -1 ? intervals.length : first;
  return intervals.slice(Math.max(0, Math.min(from, intervals.length - minimum)));
}
