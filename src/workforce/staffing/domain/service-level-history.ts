/**
 * The day's service level per interval: the share of the calls that arrived in an interval which an
 * agent answered within the target. Pure: the service loads the calls and the day's bounds.
 */

/** A queued call that was answered or abandoned. */
export interface FinishedQueuedCall {
  enqueuedAt: Date;
  /** When an agent answered it; null when the caller hung up first. */
  connectedAt: Date | null;
}

export interface ServiceLevelInterval {
  start: Date;
  /** Calls that arrived in the interval and were answered or abandoned. */
  offered: number;
  answered: number;
  answeredInTime: number;
  abandoned: number;
  /** answeredInTime / offered; null with no calls (nothing to measure, not 0 %). */
  serviceLevel: number | null;
}

/**
 * Buckets calls by arrival into `intervalMinutes` intervals from `from` up to `to`. A call counts in
 * time when it was answered at most `targetAnswerSeconds` after it queued; an abandoned call counts
 * against the service level whenever the caller hung up.
 */
export function serviceLevelByInterval(
  calls: FinishedQueuedCall[],
  from: Date,
  to: Date,
  intervalMinutes: number,
  targetAnswerSeconds: number,
): ServiceLevelInterval[] {
  const step = intervalMinutes * 60_000;
  const count = Math.max(0, Math.ceil((to.getTime() - from.getTime()) / step));
  const intervals: ServiceLevelInterval[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(from.getTime() + i * step),
    offered: 0,
    answered: 0,
    answeredInTime: 0,
    abandoned: 0,
    serviceLevel: null,
  }));
  for (const call of calls) {
    const i = Math.floor((call.enqueuedAt.getTime() - from.getTime()) / step);
    if (i < 0 || i >= count || call.enqueuedAt.getTime() >= to.getTime()) continue;
    const bucket = intervals[i];
    bucket.offered++;
    if (call.connectedAt) {
      bucket.answered++;
      const waited = call.connectedAt.getTime() - call.enqueuedAt.getTime();
      if (waited <= targetAnswerSeconds * 1000) bucket.answeredInTime++;
    } else bucket.abandoned++;
  }
  for (const b of intervals) b.serviceLevel = b.offered ? b.answeredInTime / b.offered : null;
  return intervals;
}

/** The service level over all the intervals together (null with no calls). */
export function overallServiceLevel(intervals: ServiceLevelInterval[]): number | null {
  const offered = intervals.reduce((n, b) => n + b.offered, 0);
  return offered ? intervals.reduce((n, b) => n + b.answeredInTime, 0) / offered : null;
}
