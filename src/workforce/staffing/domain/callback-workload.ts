import { DateTime } from 'luxon';
import { grossUp, StaffingResult } from '../erlang';

/**
 * Callback work in staffing. Pure (no Nest, no database).
 *
 * A callback is outbound work the team chooses when to do inside a window, so it is not queued
 * against the inbound answer target: it is workload (callbacks × attempts per callback × handle time
 * per attempt) that whole extra agents carry at no more than the occupancy limit, on top of the agents
 * the inbound Erlang figures need.
 */
export interface CallbackLoadInput {
  callbacksPerInterval: number;
  attemptsPerCallback: number;
  /** Outbound handle time of one attempt (dialling, talking, wrap-up), seconds. */
  handleSecondsPerAttempt: number;
  intervalMinutes: number;
  /** The occupancy the extra agents may reach (none: 1). */
  maxOccupancy?: number;
}

export interface CallbackLoad {
  callbacksPerInterval: number;
  attemptsPerCallback: number;
  handleSecondsPerAttempt: number;
  /** Busy agent-time per interval time: callbacks × attempts × handle ÷ interval seconds. */
  workloadErlangs: number;
  /** Whole agents added for it: ceil(workload ÷ occupancy limit). */
  agents: number;
}

export function callbackLoad(input: CallbackLoadInput): CallbackLoad {
  const workload =
    (input.callbacksPerInterval * input.attemptsPerCallback * input.handleSecondsPerAttempt) /
    (input.intervalMinutes * 60);
  const occupancy = input.maxOccupancy ?? 1;
  return {
    callbacksPerInterval: round(input.callbacksPerInterval),
    attemptsPerCallback: round(input.attemptsPerCallback),
    handleSecondsPerAttempt: round(input.handleSecondsPerAttempt, 2),
    workloadErlangs: round(workload),
    agents: workload > 0 ? Math.ceil(workload / occupancy - 1e-9) : 0,
  };
}

/**
 * The inbound staffing with the callback agents added: rawAgents grows by them and agents is grossed
 * up again for the same shrinkage; the queue figures (service level, waiting, ASA, occupancy) stay the
 * inbound ones, at rawAgents − callbacks.agents.
 */
export function withCallbackLoad(
  inbound: StaffingResult,
  load: CallbackLoad,
): StaffingResult & { inboundRawAgents: number } {
  const rawAgents = inbound.rawAgents + load.agents;
  return {
    ...inbound,
    rawAgents,
    agents: grossUp(rawAgents, inbound.shrinkage.total),
    inboundRawAgents: inbound.rawAgents,
  };
}

/** What a team's recent callbacks say (null where they say nothing). */
export interface CallbackHistory {
  /** Callbacks whose window started in the period. */
  callbacks: number;
  /** Those attempted at least once, and their attempts. */
  attempted: number;
  attempts: number;
  /** Callback calls with a recorded duration, and the sum of those durations. */
  timedCalls: number;
  timedSeconds: number;
  periodMinutes: number;
}

export interface CallbackFigures {
  callbacksPerInterval: number | null;
  attemptsPerCallback: number | null;
  handleSecondsPerAttempt: number | null;
}

/**
 * Figures from history: callbacks per interval averaged over the whole period, attempts per
 * callback over those attempted, handle time per attempt from the callback calls' durations.
 */
export function callbackFigures(h: CallbackHistory, intervalMinutes: number): CallbackFigures {
  return {
    callbacksPerInterval:
      h.callbacks > 0 && h.periodMinutes > 0
        ? (h.callbacks * intervalMinutes) / h.periodMinutes
        : null,
    attemptsPerCallback: h.attempted > 0 ? h.attempts / h.attempted : null,
    handleSecondsPerAttempt: h.timedCalls > 0 ? h.timedSeconds / h.timedCalls : null,
  };
}

/**
 * The interval of the local week an instant falls in: 0 is Monday 00:00 to 00:00 + intervalMinutes in
 * `timeZone`, counting on by the wall clock (so a Monday 10:00 is the same slot in summer and winter).
 */
export function weekSlot(at: Date | number, timeZone: string, intervalMinutes: number): number {
  const local = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: timeZone });
  const perDay = Math.floor((24 * 60) / intervalMinutes);
  const minute = local.hour * 60 + local.minute;
  return (local.weekday - 1) * perDay + Math.floor(minute / intervalMinutes);
}

/**
 * Callbacks per interval of the week, from when the windows of the last `weeks` weeks of callbacks
 * started: each callback counts in the slot of its notBefore, and a slot's figure is its count ÷ weeks
 * (the mean week). Slots without callbacks are absent.
 */
export function callbacksPerWeekSlot(
  starts: Array<Date | number>,
  weeks: number,
  timeZone: string,
  intervalMinutes: number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (weeks <= 0) return out;
  for (const at of starts) {
    const slot = weekSlot(at, timeZone, intervalMinutes);
    out.set(slot, (out.get(slot) ?? 0) + 1);
  }
  for (const [slot, n] of out) out.set(slot, n / weeks);
  return out;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
