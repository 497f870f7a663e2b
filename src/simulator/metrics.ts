/** Pure figures of a simulated day: service level, ASA, abandonment, occupancy, fairness, callbacks. */
import {
  CallbackMeasures,
  CallbackRecord,
  measures,
} from '../routing/queue/domain/callback-window';

export interface CallOutcome {
  arrivalMs: number;
  /** When the router handed it to the service's queue (its enqueuedAt), or null: it never was. */
  enqueuedMs: number | null;
  /** When the router accepted the agent's offer (the phone rang a tick), or null. */
  answeredMs: number | null;
  abandonedMs: number | null;
  agentIndex: number | null;
  /** When the call ended (answered + handle time), or null. */
  endedMs: number | null;
  hostileSeverity: number | null;
}

export interface StateSpan {
  agentId: string;
  state: string;
  startMs: number;
  endMs: number;
}

/** States as the report groups them (a counselling session shows as not ready, as to a supervisor). */
export const STATE_GROUPS = [
  'available',
  'on_call',
  'wrap_up',
  'recovery',
  'break',
  'not_ready',
] as const;
export type StateGroup = (typeof STATE_GROUPS)[number];

export function stateGroup(state: string): StateGroup | null {
  switch (state) {
    case 'available':
      return 'available';
    case 'reserved':
    case 'on_call':
      return 'on_call';
    case 'wrap_up':
      return 'wrap_up';
    case 'recovery':
      return 'recovery';
    case 'break':
      return 'break';
    case 'counseling':
    case 'not_ready':
      return 'not_ready';
    default:
      return null; // offline
  }
}

/** An answered call's wait, as the service's queue measures it: from the enqueue (an answered call was enqueued). */
const waitMs = (c: CallOutcome): number => c.answeredMs! - c.enqueuedMs!;

/** Share of offered calls (answered + abandoned) answered within `thresholdMs`; null with no calls. */
export function serviceLevel(calls: CallOutcome[], thresholdMs: number): number | null {
  const offered = calls.filter((c) => c.answeredMs !== null || c.abandonedMs !== null);
  if (offered.length === 0) return null;
  const inTime = offered.filter((c) => c.answeredMs !== null && waitMs(c) <= thresholdMs).length;
  return inTime / offered.length;
}

/** Average speed of answer in seconds over answered calls; null when none was answered. */
export function averageSpeedOfAnswer(calls: CallOutcome[]): number | null {
  const answered = calls.filter((c) => c.answeredMs !== null);
  if (answered.length === 0) return null;
  return answered.reduce((s, c) => s + waitMs(c), 0) / answered.length / 1000;
}

export function abandonmentRate(calls: CallOutcome[]): number | null {
  const offered = calls.filter((c) => c.answeredMs !== null || c.abandonedMs !== null);
  if (offered.length === 0) return null;
  return offered.filter((c) => c.abandonedMs !== null).length / offered.length;
}

/** Milliseconds per state within [fromMs, toMs). */
export function timeInStates(
  spans: StateSpan[],
  fromMs: number,
  toMs: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of spans) {
    const ms = Math.min(s.endMs, toMs) - Math.max(s.startMs, fromMs);
    if (ms > 0) out.set(s.state, (out.get(s.state) ?? 0) + ms);
  }
  return out;
}

/**
 * Occupancy as the service defines it: time on calls and in wrap-up over the time available for
 * calls (available, reserved, on call, wrap-up). Breaks and recovery are not in the denominator.
 */
export function occupancy(time: Map<string, number>): number | null {
  const busy = (time.get('on_call') ?? 0) + (time.get('wrap_up') ?? 0);
  const staffed = busy + (time.get('available') ?? 0) + (time.get('reserved') ?? 0);
  return staffed > 0 ? busy / staffed : null;
}

/** Gini coefficient of non-negative values (0 = all equal, towards 1 = one has everything). */
export function gini(values: number[]): number {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => (weighted += (i + 1) * v));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface IntervalFigures {
  startMs: number;
  offered: number;
  answeredInTime: number;
  /** Service level of the calls arriving in this interval; null with none. */
  serviceLevel: number | null;
  /** Average number of agents in each state group over the interval. */
  agents: Record<StateGroup, number>;
}

/** Per-interval service level (by arrival) and average agents by state. */
export function intervalFigures(
  calls: CallOutcome[],
  spans: StateSpan[],
  fromMs: number,
  toMs: number,
  intervalMs: number,
  thresholdMs: number,
): IntervalFigures[] {
  const out: IntervalFigures[] = [];
  for (let start = fromMs; start < toMs; start += intervalMs) {
    const end = Math.min(toMs, start + intervalMs);
    const inInterval = calls.filter((c) => c.arrivalMs >= start && c.arrivalMs < end);
    const offered = inInterval.filter((c) => c.answeredMs !== null || c.abandonedMs !== null);
    const answeredInTime = offered.filter(
      (c) => c.answeredMs !== null && waitMs(c) <= thresholdMs,
    ).length;
    const agents = Object.fromEntries(STATE_GROUPS.map((g) => [g, 0])) as Record<
      StateGroup,
      number
    >;
    for (const [state, ms] of timeInStates(spans, start, end)) {
      const group = stateGroup(state);
      if (group) agents[group] += ms / (end - start);
    }
    for (const g of STATE_GROUPS) agents[g] = round(agents[g], 2);
    out.push({
      startMs: start,
      offered: offered.length,
      answeredInTime,
      serviceLevel: offered.length ? answeredInTime / offered.length : null,
      agents,
    });
  }
  return out;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A callback a caller chose after hanging up, as the simulated router saw it through. */
export interface CallbackOutcome {
  id: string;
  dialect: string;
  notBeforeMs: number;
  notAfterMs: number;
  /** Attempts made, as the service counts them: an outcome sent (reached, or no_answer after the ring). */
  attempts: number;
  /** When the first outcome was sent (the service's first attempt). */
  firstAttemptMs: number | null;
  reachedMs: number | null;
  status: 'open' | 'reached' | 'missed';
}

/** The callback measures of one dialect, or of all callbacks (`dialect: null`). */
export interface CallbackFigures {
  dialect: string | null;
  scheduled: number;
  /** Reached by notAfter ÷ reached, missed or past their window; null with none settled. */
  reachedInWindowShare: number | null;
  /** Median seconds from notBefore to the first attempt, over those attempted. */
  medianSecondsToFirstAttempt: number | null;
  /** Mean attempts over those attempted at least once. */
  attemptsPerCallback: number | null;
  missed: number;
}

/**
 * The callback measures, all callbacks first then per dialect in name order, by the service's own
 * definitions (`measures` of the callback stats endpoint), `nowMs` being the end of the run.
 */
export function callbackFigures(callbacks: CallbackOutcome[], nowMs: number): CallbackFigures[] {
  const record = (c: CallbackOutcome, dialect: string | null): CallbackRecord => ({
    dialect,
    status: c.status,
    notBefore: new Date(c.notBeforeMs),
    notAfter: new Date(c.notAfterMs),
    attempts: c.attempts,
    firstAttemptAt: c.firstAttemptMs === null ? null : new Date(c.firstAttemptMs),
    reachedAt: c.reachedMs === null ? null : new Date(c.reachedMs),
  });
  const now = new Date(nowMs);
  const figures = (m: CallbackMeasures): CallbackFigures => ({
    dialect: m.dialect,
    scheduled: m.callbacks,
    reachedInWindowShare: m.reachedInWindowShare === null ? null : round(m.reachedInWindowShare, 4),
    medianSecondsToFirstAttempt:
      m.medianSecondsToFirstAttempt === null ? null : round(m.medianSecondsToFirstAttempt, 1),
    attemptsPerCallback: m.attemptsPerCallback === null ? null : round(m.attemptsPerCallback, 2),
    missed: m.missed,
  });
  const all = measures(
    callbacks.map((c) => record(c, null)),
    now,
  ).map(figures);
  const perDialect = measures(
    callbacks.map((c) => record(c, c.dialect)),
    now,
  ).map(figures);
  return [
    all[0] ?? {
      dialect: null,
      scheduled: 0,
      reachedInWindowShare: null,
      medianSecondsToFirstAttempt: null,
      attemptsPerCallback: null,
      missed: 0,
    },
    ...perDialect,
  ];
}
