/**
 * The wellbeing policy engine: what happens to an agent after a call, given the team's policy and the
 * agent's recent hostile calls and breaks. Pure: no I/O, no clock; the service loads the inputs.
 */
import { isRestInterval } from '../routing/presence/presence-rules';

export interface WellbeingPolicy {
  /**
   * Whether a hostile call gives a recovery break. When false, hostile calls are still recorded,
   * alerted and offered counselling, but the agent carries on as after any other call.
   */
  recoveryBreaksEnabled: boolean;
  /** Recovery break by severity 1, 2, 3 (minutes). */
  recoveryMinutesBySeverity: [number, number, number];
  /** Rolling window in which a repeated hostile call escalates. */
  escalationWindowMinutes: number;
  /** The nth hostile call within the window alerts the supervisor. */
  escalationAlertAt: number;
  /**
   * How long a "shift" is for counting hostile calls when the agent has no published shift
   * containing the call (schedules do not exist yet): a rolling window before the call.
   */
  shiftHours: number;
  /** The nth hostile call in a shift gets at least `escalatedRecoveryMinutes` and a counselling offer. */
  counsellingOfferAt: number;
  escalatedRecoveryMinutes: number;
  /** More than this many hostile calls in a shift alerts the supervisor. */
  hostileCallsAlertAbove: number;
  /** A supervisor may shorten a running recovery, never below this many minutes from its start. */
  recoveryFloorMinutes: number;
  /** The agent may extend a recovery up to this many minutes in total. */
  recoveryMaximumMinutes: number;
  /** Continuous work: logged in this long without a break, or this many calls in a row → micro-break. */
  microBreakAfterMinutes: number;
  microBreakAfterCalls: number;
  microBreakMinutes: number;
  /** At most this share (percent) of a team's logged-in agents on self-booked breaks at once. */
  teamBreakCapPercent: number;
  /** Self-booked break minutes per agent per day (the site's local day). */
  dailyBreakAllowanceMinutes: number;
  /** Occupancy above the team's cap for this long alerts the supervisor. */
  occupancyAlertMinutes: number;
}

export const DEFAULT_POLICY: WellbeingPolicy = {
  recoveryBreaksEnabled: true,
  recoveryMinutesBySeverity: [5, 10, 15],
  escalationWindowMinutes: 60,
  escalationAlertAt: 2,
  shiftHours: 8,
  counsellingOfferAt: 3,
  escalatedRecoveryMinutes: 15,
  hostileCallsAlertAbove: 4,
  recoveryFloorMinutes: 3,
  recoveryMaximumMinutes: 30,
  microBreakAfterMinutes: 55,
  microBreakAfterCalls: 20,
  microBreakMinutes: 5,
  teamBreakCapPercent: 15,
  dailyBreakAllowanceMinutes: 60,
  occupancyAlertMinutes: 30,
};

/** A hostile call the agent had, once (the highest severity reported). */
export interface PastHostileCall {
  callId: string;
  severity: number;
  /** When the call ended. */
  at: Date;
}

export interface AgentHistory {
  /** Hostile calls within the last shift (may include the call being decided; counted once). */
  hostileCalls: PastHostileCall[];
  /** Start of the current stretch of work: login or the end of the last break (null: unknown). */
  workingSince: Date | null;
  /** Calls answered since the last break, including the one that just ended. */
  callsSinceBreak: number;
  /**
   * The agent's published shift containing the call, when schedules exist: "a shift" is then that
   * shift; without one it is the rolling `shiftHours` window before the call.
   */
  shift?: { startsAt: Date; endsAt: Date } | null;
}

export type PolicyEvent =
  | { kind: 'call-ended'; callId: string; endedAt: Date; hostileSeverity: number | null }
  | {
      kind: 'hostile-flagged';
      callId: string;
      severity: number;
      /** Null while the call is still going on: the flag is applied when it ends. */
      callEndedAt: Date | null;
    };

export type PolicyAlert =
  | { kind: 'escalation'; hostileCallsInWindow: number; windowMinutes: number }
  | { kind: 'hostile_calls_in_shift'; hostileCallsInShift: number; shiftHours: number };

export interface PolicyDecision {
  /** What the agent goes to when the call (and wrap-up) is over; null = back to work. */
  nextState: 'recovery' | 'break' | null;
  reason: 'hostile_call' | 'micro_break' | null;
  /** Earliest start (the call's end, or now for a late report). */
  startsAt: Date | null;
  durationSeconds: number;
  /** End if it starts at `startsAt` (it starts later if the agent is still busy). */
  until: Date | null;
  /** The minimum the severity alone requires (for "full recovery" reporting). */
  minimumSeconds: number;
  /** Set when the event is a hostile call (recorded even when it gives no recovery). */
  severity: number | null;
  alerts: PolicyAlert[];
  /** Confidential: shown to the agent only. */
  offers: Array<{ kind: 'counselling' }>;
}

const NOTHING: PolicyDecision = {
  nextState: null,
  reason: null,
  startsAt: null,
  durationSeconds: 0,
  until: null,
  minimumSeconds: 0,
  severity: null,
  alerts: [],
  offers: [],
};

const MIN = 60_000;

/** Minutes of recovery the severity alone gives (severity clamped to 1..3). */
export function severityMinutes(policy: WellbeingPolicy, severity: number): number {
  const s = Math.min(3, Math.max(1, Math.round(severity)));
  return policy.recoveryMinutesBySeverity[s - 1];
}

/** Hostile calls (distinct, including `current`) that ended in (at - minutes, at]. */
function countWithin(calls: PastHostileCall[], current: PastHostileCall, minutes: number): number {
  return countSince(calls, current, current.at.getTime() - minutes * MIN, false);
}

/** Hostile calls (distinct, including `current`) that ended after `from` (or at it) and by `current`. */
function countSince(
  calls: PastHostileCall[],
  current: PastHostileCall,
  from: number,
  inclusive: boolean,
): number {
  const ids = new Set<string>([current.callId]);
  for (const c of calls) {
    const t = c.at.getTime();
    if (t <= current.at.getTime() && (inclusive ? t >= from : t > from)) ids.add(c.callId);
  }
  return ids.size;
}

/**
 * The decision for one event. A hostile call gives a recovery break of at least its severity's
 * minutes (escalated on the nth call in a shift, capped at the maximum), alerts on repeats, and a
 * counselling offer; a plain call may give a micro-break after long continuous work. With
 * `recoveryBreaksEnabled` off, a hostile call keeps its alerts and offer but is otherwise a plain call.
 */
export function decide(
  policy: WellbeingPolicy,
  history: AgentHistory,
  event: PolicyEvent,
  now: Date,
): PolicyDecision {
  const severity = event.kind === 'call-ended' ? event.hostileSeverity : event.severity;
  if (event.kind === 'hostile-flagged' && event.callEndedAt === null) return NOTHING;

  if (severity !== null && severity > 0) {
    const endedAt = event.kind === 'call-ended' ? event.endedAt : event.callEndedAt!;
    // A late report starts now (after any call in progress); one at call end starts at the end.
    const startsAt = event.kind === 'call-ended' ? endedAt : now;
    const current: PastHostileCall = { callId: event.callId, severity, at: endedAt };
    const inWindow = countWithin(history.hostileCalls, current, policy.escalationWindowMinutes);
    const shift = history.shift ?? null;
    const inShift = shift
      ? countSince(history.hostileCalls, current, shift.startsAt.getTime(), true)
      : countWithin(history.hostileCalls, current, policy.shiftHours * 60);
    const shiftHours = shift
      ? Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 360_000) / 10
      : policy.shiftHours;
    const base = severityMinutes(policy, severity);
    let minutes = base;
    const alerts: PolicyAlert[] = [];
    const offers: PolicyDecision['offers'] = [];
    if (inShift >= policy.counsellingOfferAt) {
      minutes = Math.max(minutes, policy.escalatedRecoveryMinutes);
      offers.push({ kind: 'counselling' });
    }
    if (inWindow >= policy.escalationAlertAt)
      alerts.push({
        kind: 'escalation',
        hostileCallsInWindow: inWindow,
        windowMinutes: policy.escalationWindowMinutes,
      });
    if (inShift > policy.hostileCallsAlertAbove)
      alerts.push({
        kind: 'hostile_calls_in_shift',
        hostileCallsInShift: inShift,
        shiftHours,
      });
    if (!policy.recoveryBreaksEnabled) {
      // Recorded, alerted and offered, but no recovery: the usual continuous-work rule still applies.
      const usual = event.kind === 'call-ended' ? continuousWork(policy, history, event) : NOTHING;
      return { ...usual, minimumSeconds: base * 60, severity, alerts, offers };
    }
    // The maximum bounds extensions; it never cuts what the severity requires.
    minutes = Math.max(base, Math.min(minutes, policy.recoveryMaximumMinutes));
    const durationSeconds = minutes * 60;
    return {
      nextState: 'recovery',
      reason: 'hostile_call',
      startsAt,
      durationSeconds,
      until: new Date(startsAt.getTime() + durationSeconds * 1000),
      minimumSeconds: base * 60,
      severity,
      alerts,
      offers,
    };
  }

  if (event.kind !== 'call-ended') return NOTHING;
  return continuousWork(policy, history, event);
}

/** A micro-break at the end of a call after a long stretch of work or many calls in a row. */
function continuousWork(
  policy: WellbeingPolicy,
  history: AgentHistory,
  event: { endedAt: Date },
): PolicyDecision {
  const longStretch =
    history.workingSince !== null &&
    event.endedAt.getTime() - history.workingSince.getTime() >= policy.microBreakAfterMinutes * MIN;
  const manyCalls = history.callsSinceBreak >= policy.microBreakAfterCalls;
  if (!longStretch && !manyCalls) return NOTHING;
  const durationSeconds = policy.microBreakMinutes * 60;
  return {
    ...NOTHING,
    nextState: 'break',
    reason: 'micro_break',
    startsAt: event.endedAt,
    durationSeconds,
    until: new Date(event.endedAt.getTime() + durationSeconds * 1000),
  };
}

export type RecoveryChange =
  | { ok: true; until: Date; totalMinutes: number }
  | {
      ok: false;
      code: 'BELOW_RECOVERY_FLOOR' | 'ABOVE_RECOVERY_MAXIMUM' | 'NOT_SHORTER';
      limit: number;
    };

/**
 * A supervisor shortens a running recovery to `totalMinutes` from its start: never below the floor,
 * and only shorter. If that end has already passed, the recovery ends now.
 */
export function shortenRecovery(
  policy: WellbeingPolicy,
  startedAt: Date,
  until: Date,
  totalMinutes: number,
  now: Date,
): RecoveryChange {
  if (totalMinutes < policy.recoveryFloorMinutes)
    return { ok: false, code: 'BELOW_RECOVERY_FLOOR', limit: policy.recoveryFloorMinutes };
  const newUntil = new Date(startedAt.getTime() + totalMinutes * MIN);
  if (newUntil.getTime() >= until.getTime())
    return { ok: false, code: 'NOT_SHORTER', limit: (until.getTime() - startedAt.getTime()) / MIN };
  const effective = new Date(Math.max(newUntil.getTime(), now.getTime()));
  return {
    ok: true,
    until: effective,
    totalMinutes: (effective.getTime() - startedAt.getTime()) / MIN,
  };
}

/** The agent extends its running recovery by `minutes`, up to the maximum in total. */
export function extendRecovery(
  policy: WellbeingPolicy,
  startedAt: Date,
  until: Date,
  minutes: number,
): RecoveryChange {
  const newUntil = new Date(until.getTime() + minutes * MIN);
  const total = (newUntil.getTime() - startedAt.getTime()) / MIN;
  if (total > policy.recoveryMaximumMinutes)
    return { ok: false, code: 'ABOVE_RECOVERY_MAXIMUM', limit: policy.recoveryMaximumMinutes };
  return { ok: true, until: newUntil, totalMinutes: total };
}

/** How many agents of a team may be on self-booked breaks at once. */
export function teamBreakCap(policy: WellbeingPolicy, loggedInAgents: number): number {
  return Math.floor((loggedInAgents * policy.teamBreakCapPercent) / 100 + 1e-9);
}

/**
 * From presence history (oldest first, open interval last): when the current stretch of work began
 * and how many calls it holds. Breaks, recoveries, sessions and being offline end a stretch.
 * `currentCallCounted` says whether the call just ending already has its on_call interval in `intervals`.
 */
/** States that end a stretch of continuous work. */
export const RESTING_STATES = ['break', 'recovery', 'counseling', 'offline'];

export function workStretch(
  intervals: Array<{
    state: string;
    reason?: string | null;
    startedAt: Date;
    endedAt: Date | null;
  }>,
  currentCallCounted: boolean,
): { workingSince: Date | null; callsSinceBreak: number } {
  let workingSince: Date | null = intervals.length ? intervals[0].startedAt : null;
  let calls = 0;
  for (const i of intervals) {
    if (isRestInterval(i)) {
      workingSince = i.endedAt;
      calls = 0;
    } else if (i.state === 'on_call') calls += 1;
  }
  return { workingSince, callsSinceBreak: calls + (currentCallCounted ? 0 : 1) };
}
