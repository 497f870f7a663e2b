/**
 * The rules of a human callback's window: what may be promised, when it rises in the queue, when a
 * retry is due, and the measures of promises kept. Pure (no Nest, no database).
 */

/** At most this far ahead may a callback be promised. */
export const MAX_DAYS_AHEAD = 7;
/** A notBefore this far in the past still counts as "now" (the router's clock may lag). */
export const PAST_SLACK_MS = 60_000;
/** The last stretch of a window, in which a callback rises one priority level: a quarter, at most 30 minutes. */
export const URGENT_MAX_MS = 30 * 60_000;

export type WindowError =
  'CALLBACK_WINDOW_IN_PAST' | 'CALLBACK_WINDOW_INVERTED' | 'CALLBACK_WINDOW_TOO_FAR';

/** Why a window cannot be promised, or null when it can. */
export function windowError(notBefore: Date, notAfter: Date, now: Date): WindowError | null {
  if (notAfter.getTime() <= notBefore.getTime()) return 'CALLBACK_WINDOW_INVERTED';
  if (notBefore.getTime() < now.getTime() - PAST_SLACK_MS) return 'CALLBACK_WINDOW_IN_PAST';
  if (notAfter.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    return 'CALLBACK_WINDOW_TOO_FAR';
  return null;
}

/**
 * When a waiting callback rises one priority level, so a promise about to run out is kept before
 * new inbound calls of the same priority: the last quarter of the window, at most its last 30 minutes.
 */
export function urgentAt(notBefore: Date, notAfter: Date): Date {
  const span = notAfter.getTime() - notBefore.getTime();
  return new Date(notAfter.getTime() - Math.min(URGENT_MAX_MS, Math.floor(span / 4)));
}

/** When a callback not answered (no_answer, busy) is tried again, or null when the window is over by then. */
export function retryAt(now: Date, retryMinutes: number, notAfter: Date): Date | null {
  const at = new Date(now.getTime() + retryMinutes * 60_000);
  return at.getTime() < notAfter.getTime() ? at : null;
}

/**
 * Whether a callback may take this agent. Promises are kept before new inbound calls "when the
 * service level allows": while an inbound call the agent could take has waited past the team's
 * answer target, only a callback in its last stretch (`urgent`) may go first. Otherwise, over the
 * team's cap (`share` of recent offers), it yields to any inbound call the agent could take instead.
 */
export function callbackMayTakeAgent(
  share: number,
  maxShare: number,
  inbound: { waiting: boolean; pastAnswerTarget: boolean },
  urgent = false,
): boolean {
  if (inbound.pastAnswerTarget && !urgent) return false;
  return share < maxShare || !inbound.waiting;
}

export interface CallbackRecord {
  dialect: string | null;
  status: string;
  notBefore: Date;
  notAfter: Date;
  attempts: number;
  firstAttemptAt: Date | null;
  reachedAt: Date | null;
}

export interface CallbackMeasures {
  dialect: string | null;
  callbacks: number;
  /** Closed or past their window: the denominator of reachedInWindowShare. */
  settled: number;
  reachedInWindow: number;
  /** reachedInWindow ÷ settled, null when none is settled. */
  reachedInWindowShare: number | null;
  /** Median seconds from notBefore to the first attempt, over those attempted. */
  medianSecondsToFirstAttempt: number | null;
  /** Mean attempts over those attempted at least once. */
  attemptsPerCallback: number | null;
  missed: number;
}

/** The measures per dialect (null dialect: callbacks for any dialect), dialects in name order. */
export function measures(records: CallbackRecord[], now: Date): CallbackMeasures[] {
  const groups = new Map<string | null, CallbackRecord[]>();
  for (const r of records) groups.set(r.dialect, [...(groups.get(r.dialect) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([dialect, rs]) => {
      const settled = rs.filter(
        (r) => r.status !== 'open' || r.notAfter.getTime() <= now.getTime(),
      );
      const inWindow = rs.filter(
        (r) =>
          r.status === 'reached' &&
          r.reachedAt !== null &&
          r.reachedAt.getTime() <= r.notAfter.getTime(),
      ).length;
      const attempted = rs.filter((r) => r.firstAttemptAt !== null);
      const waits = attempted.map(
        (r) => (r.firstAttemptAt!.getTime() - r.notBefore.getTime()) / 1000,
      );
      return {
        dialect,
        callbacks: rs.length,
        settled: settled.length,
        reachedInWindow: inWindow,
        reachedInWindowShare: settled.length ? inWindow / settled.length : null,
        medianSecondsToFirstAttempt: median(waits),
        attemptsPerCallback: attempted.length
          ? attempted.reduce((n, r) => n + r.attempts, 0) / attempted.length
          : null,
        missed: rs.filter((r) => r.status === 'missed').length,
      };
    });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
