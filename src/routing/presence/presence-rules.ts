/**
 * Agent presence: the states, who may cause which transition, and how timed states end.
 * Pure rules, no I/O: the service loads a snapshot, asks these functions, and stores the answer.
 */

export const PRESENCE_STATES = [
  'offline',
  'available',
  'reserved',
  'on_call',
  'wrap_up',
  'break',
  'recovery',
  'counseling',
  'not_ready',
] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** States that end by themselves at `until`. */
export const TIMED_STATES: readonly PresenceState[] = [
  'reserved',
  'wrap_up',
  'break',
  'recovery',
  'counseling',
];
/**
 * Enforced states: nobody makes the agent available before `until`, and a call answered in one is a
 * breach after which the state resumes (a micro-break or a booked break is a `break`).
 */
export const ENFORCED_STATES: readonly PresenceState[] = ['recovery', 'counseling', 'break'];
/**
 * Time away from the phones, for "since the last break" rules: a break, recovery, session or offline,
 * and the agent's own `not_ready`/`private`, which is what a session looks like to others (and what
 * it becomes on erasure), so that neither can be told apart by its effect on the figures.
 */
export function isRestInterval(i: { state: string; reason?: string | null }): boolean {
  return (
    i.state === 'break' ||
    i.state === 'recovery' ||
    i.state === 'counseling' ||
    i.state === 'offline' ||
    (i.state === 'not_ready' && i.reason === 'private')
  );
}

/** States a person or the router may ask for with PUT presence. */
export const REQUESTABLE_STATES = ['available', 'not_ready', 'offline'] as const;
export type RequestableState = (typeof REQUESTABLE_STATES)[number];
/** States in which an agent is busy with a call: scheduled breaks wait for them to end. */
export const BUSY_STATES: readonly PresenceState[] = ['reserved', 'on_call', 'wrap_up'];
/** A state the agent can come back to when a timed state ends. */
export type ReturnState = 'available' | 'not_ready' | 'offline';

export type Actor = 'agent' | 'router' | 'supervisor' | 'system';

/**
 * The transition table: from → to → who may cause it. `system` covers call events,
 * reservations, timers and policies. One row per allowed edge; anything else is refused.
 */
export const TRANSITIONS: Record<
  PresenceState,
  Partial<Record<PresenceState, readonly Actor[]>>
> = {
  offline: {
    available: ['agent', 'router', 'supervisor', 'system'],
    not_ready: ['agent', 'router', 'supervisor', 'system'],
    on_call: ['system'],
  },
  available: {
    not_ready: ['agent', 'router', 'supervisor', 'system'],
    offline: ['agent', 'router', 'supervisor', 'system'],
    reserved: ['system'],
    on_call: ['system'],
    break: ['system'],
    recovery: ['system'],
    counseling: ['system'],
  },
  not_ready: {
    available: ['agent', 'router', 'supervisor', 'system'],
    offline: ['agent', 'router', 'supervisor', 'system'],
    on_call: ['system'],
    break: ['system'],
    recovery: ['system'],
    counseling: ['system'],
  },
  reserved: {
    on_call: ['system'],
    available: ['system'],
    not_ready: ['system'],
    offline: ['router', 'supervisor', 'system'],
  },
  on_call: {
    wrap_up: ['system'],
    not_ready: ['system'],
    offline: ['system'],
  },
  wrap_up: {
    available: ['agent', 'router', 'system'],
    not_ready: ['agent', 'router', 'supervisor', 'system'],
    offline: ['agent', 'router', 'supervisor', 'system'],
    on_call: ['system'],
    break: ['system'],
    recovery: ['system'],
    counseling: ['system'],
  },
  break: {
    available: ['agent', 'router', 'system'],
    not_ready: ['agent', 'router', 'supervisor', 'system'],
    offline: ['agent', 'router', 'supervisor', 'system'],
    on_call: ['system'],
    recovery: ['system'],
    counseling: ['system'],
  },
  recovery: {
    available: ['system'],
    not_ready: ['system'],
    offline: ['system'],
    on_call: ['system'],
    break: ['system'],
    counseling: ['system'],
  },
  counseling: {
    available: ['system'],
    not_ready: ['system'],
    offline: ['system'],
    on_call: ['system'],
    break: ['system'],
    recovery: ['system'],
  },
};

export function mayTransition(from: PresenceState, to: PresenceState, actor: Actor): boolean {
  return TRANSITIONS[from]?.[to]?.includes(actor) ?? false;
}

export interface PresenceSnapshot {
  state: PresenceState;
  since: Date;
  until: Date | null;
  reason: string | null;
  /** Where a timed state returns to when it ends (what the agent asked for meanwhile). */
  returnState: ReturnState;
  /** Lapsed reservations in a row. */
  consecutiveLapses: number;
  /**
   * The agent set `not_ready` itself (now, or as the state to return to): only the agent's own
   * request ends it, and toward others a counselling session looks exactly like it.
   */
  heldByAgent?: boolean;
  /** The reason to come back to `not_ready` with. */
  returnReason?: string | null;
}

/** A break, recovery or counselling session waiting for (or holding) the agent. */
export interface ScheduledState {
  id: string;
  state: 'break' | 'recovery' | 'counseling';
  reason: string | null;
  /** Earliest start. */
  startsAt: Date;
  /** Fixed end (booked break, session), or null for a floating duration (recovery). */
  endsAt: Date | null;
  durationSeconds: number | null;
  status: 'pending' | 'active';
}

export interface SettledStep {
  state: PresenceState;
  reason: string | null;
  since: Date;
  until: Date | null;
}

export interface Settlement {
  /** Transitions that happened since the snapshot, in order (empty when nothing changed). */
  steps: SettledStep[];
  /** The state now. */
  current: PresenceSnapshot;
  /** Scheduled states that became active, with the end they got. */
  activated: Array<{ id: string; at: Date; endsAt: Date }>;
  /** Scheduled states that are over (ran out, or their window passed before the agent was free). */
  completed: string[];
  /** The reservation that ran out, if one did. */
  reservationLapsed: boolean;
  /**
   * Booked breaks whose start came while the agent was busy: they now wait for the agent with their
   * full length (no fixed end any more).
   */
  deferred?: Array<{ id: string; durationSeconds: number }>;
}

/** A break the agent booked (rest, meal), not a policy micro-break, still on its fixed window. */
export function isBookedBreakWindow(s: ScheduledState): boolean {
  return (
    s.state === 'break' &&
    s.reason !== MICRO_BREAK_REASON &&
    s.endsAt !== null &&
    s.status === 'pending'
  );
}

/** Recovery first (it protects), then counselling, then breaks; earlier start first. */
const PRIORITY: Record<ScheduledState['state'], number> = { recovery: 0, counseling: 1, break: 2 };

export const MISSED_CALLS_LIMIT = 3;
/** The reason the wellbeing policy gives its continuous-work micro-breaks. */
export const MICRO_BREAK_REASON = 'micro_break';

function dueAt(
  scheduled: ScheduledState[],
  at: Date,
  taken: Set<string>,
): ScheduledState | undefined {
  return scheduled
    .filter(
      (s) =>
        !taken.has(s.id) &&
        s.status === 'pending' &&
        s.startsAt.getTime() <= at.getTime() &&
        (s.endsAt === null || s.endsAt.getTime() > at.getTime()),
    )
    .sort(
      (a, b) =>
        PRIORITY[a.state] - PRIORITY[b.state] || a.startsAt.getTime() - b.startsAt.getTime(),
    )[0];
}

/**
 * Brings a snapshot up to `now`: ends timed states at their `until` (in order, so history is exact),
 * lapses an expired reservation (the third lapse in a row makes the agent not_ready/missed_calls),
 * and starts due scheduled states as soon as the agent is free (not reserved, on a call or in wrap-up).
 * Offline agents are not pulled into breaks.
 */
export function settle(
  snapshot: PresenceSnapshot,
  scheduled: ScheduledState[],
  now: Date,
): Settlement {
  const steps: SettledStep[] = [];
  const activated: Settlement['activated'] = [];
  const deferred: NonNullable<Settlement['deferred']> = [];
  const taken = new Set<string>();
  // Local copies: deferring a booked break changes its window.
  scheduled = scheduled.map((s) => ({ ...s }));
  const absorbed: string[] = [];
  let current = { ...snapshot };
  let reservationLapsed = false;

  const enter = (state: PresenceState, reason: string | null, since: Date, until: Date | null) => {
    current = { ...current, state, reason, since, until };
    steps.push({ state, reason, since, until });
  };

  // A booked break that comes due while the agent is busy keeps its full length for when it is free.
  const deferBookedBreaks = (upTo: Date) => {
    if (!BUSY_STATES.includes(current.state)) return;
    for (const s of scheduled) {
      if (!isBookedBreakWindow(s) || s.startsAt.getTime() > upTo.getTime()) continue;
      const seconds = Math.round((s.endsAt!.getTime() - s.startsAt.getTime()) / 1000);
      s.endsAt = null;
      s.durationSeconds = seconds;
      deferred.push({ id: s.id, durationSeconds: seconds });
    }
  };

  const startDue = (due: Date): boolean => {
    if (current.state !== 'available' && current.state !== 'not_ready') return false;
    const next = dueAt(scheduled, due, taken);
    if (!next) return false;
    // Read late (no sweep ran at its start), it started when both it was due and the agent free.
    const at = new Date(
      Math.min(due.getTime(), Math.max(next.startsAt.getTime(), current.since.getTime())),
    );
    taken.add(next.id);
    const endsAt = next.endsAt ?? new Date(at.getTime() + (next.durationSeconds ?? 0) * 1000);
    activated.push({ id: next.id, at, endsAt });
    // A recovery or a session is rest too: it stands in for a pending micro-break.
    if (next.state !== 'break') {
      for (const s of scheduled) {
        if (
          s.status === 'pending' &&
          s.state === 'break' &&
          s.reason === MICRO_BREAK_REASON &&
          !taken.has(s.id)
        ) {
          taken.add(s.id);
          absorbed.push(s.id);
        }
      }
    }
    // The agent returns where it was (or wherever it asks to go meanwhile).
    if (current.state === 'not_ready') {
      current.returnState = 'not_ready';
      current.returnReason = current.reason;
    }
    enter(next.state, next.reason, at, endsAt);
    return true;
  };

  for (let guard = 0; guard < 100; guard++) {
    deferBookedBreaks(
      current.until && current.until.getTime() < now.getTime() ? current.until : now,
    );
    if (
      TIMED_STATES.includes(current.state) &&
      current.until &&
      current.until.getTime() <= now.getTime()
    ) {
      const at = current.until;
      if (current.state === 'reserved') {
        reservationLapsed = true;
        current.consecutiveLapses += 1;
        if (current.consecutiveLapses >= MISSED_CALLS_LIMIT) {
          enter('not_ready', 'missed_calls', at, null);
          continue;
        }
        enter('available', null, at, null);
      } else {
        const back = current.returnState;
        const backReason = back === 'not_ready' ? (current.returnReason ?? null) : null;
        current.returnState = 'available';
        current.returnReason = null;
        enter(back, backReason, at, null);
      }
      startDue(at);
      continue;
    }
    if (!TIMED_STATES.includes(current.state) && startDue(now)) continue;
    break;
  }

  const activeIds = new Set(activated.map((a) => a.id));
  const completed = scheduled
    .filter((s) => {
      if (s.status === 'active') {
        // An active one is over once the agent has left its state.
        return !(
          current.state === s.state &&
          current.until &&
          current.until.getTime() > now.getTime()
        );
      }
      if (activeIds.has(s.id)) {
        const a = activated.find((x) => x.id === s.id)!;
        return a.endsAt.getTime() <= now.getTime();
      }
      // A fixed window that passed entirely while the agent was busy or offline.
      return s.endsAt !== null && s.endsAt.getTime() <= now.getTime();
    })
    .map((s) => s.id);

  return {
    steps,
    current,
    activated,
    completed: [...completed, ...absorbed],
    reservationLapsed,
    ...(deferred.length ? { deferred } : {}),
  };
}

/**
 * What others may see: a counselling session is confidential, so everyone but the agent
 * sees `not_ready` with reason `private`.
 */
export function presenceAsSeenBy<
  T extends { state: PresenceState; reason: string | null; until: Date | null },
>(presence: T, viewerIsTheAgent: boolean): T {
  if (presence.state !== 'counseling' || viewerIsTheAgent) return presence;
  return { ...presence, state: 'not_ready', reason: 'private', until: null };
}

export type RequestOutcome =
  | { kind: 'noop' }
  | { kind: 'change'; state: RequestableState; reason: string | null }
  /** The agent stays in its enforced state and goes to `returnState` when it ends. */
  | { kind: 'after'; returnState: ReturnState }
  /** The wrap-up ends at `until` (the agent's reporting window) instead of now. */
  | { kind: 'end-wrap-up-at'; until: Date }
  | { kind: 'refused'; code: 'BREAK_ENFORCED'; until: Date }
  /** The agent's own not_ready (or, as others see it, a counselling session): no `until`. */
  | { kind: 'refused'; code: 'AGENT_NOT_READY' }
  | { kind: 'refused'; code: 'INVALID_TRANSITION'; from: PresenceState };

/** The enforced state that starts when the current wrap-up ends, if one is due by then. */
export function enforcedAfterWrapUp(
  current: PresenceSnapshot,
  scheduled: ScheduledState[],
): { state: ScheduledState['state']; until: Date } | null {
  if (current.state !== 'wrap_up' || !current.until) return null;
  const next = dueAt(scheduled, current.until, new Set());
  if (!next) return null;
  const until =
    next.endsAt ?? new Date(current.until.getTime() + (next.durationSeconds ?? 0) * 1000);
  return { state: next.state, until };
}

export interface RequestContext {
  /** What `enforcedAfterWrapUp` answers for the agent now. */
  enforcedNext?: { state: ScheduledState['state']; until: Date } | null;
  /** End of the hostile-report window inside the current wrap-up (only the agent ends it sooner). */
  reportWindowEndsAt?: Date | null;
  now?: Date;
}

/**
 * What a request to become available / not_ready / offline does, given the (settled) current state.
 * Toward anyone but the agent, a counselling session answers exactly as the agent's own
 * `not_ready`/`private` does.
 */
export function requestTransition(
  current: PresenceSnapshot,
  to: RequestableState,
  actor: Actor,
  reason: string | null,
  context: RequestContext = {},
): RequestOutcome {
  const next = context.enforcedNext ?? null;
  if (actor !== 'agent') {
    const seen = presenceAsSeenBy(current, false);
    const agentsOwn =
      current.state === 'counseling' ||
      (current.state === 'not_ready' && current.heldByAgent === true) ||
      next?.state === 'counseling' ||
      (current.state === 'wrap_up' &&
        current.returnState === 'not_ready' &&
        current.heldByAgent === true);
    if (agentsOwn) {
      if (seen.state === to && (seen.reason ?? null) === (reason ?? null)) return { kind: 'noop' };
      return { kind: 'refused', code: 'AGENT_NOT_READY' };
    }
  }
  if (current.state === to && (current.reason ?? null) === (reason ?? null))
    return { kind: 'noop' };
  if (ENFORCED_STATES.includes(current.state) && current.until) {
    if (to === 'available')
      return { kind: 'refused', code: 'BREAK_ENFORCED', until: current.until };
    return { kind: 'after', returnState: to };
  }
  if (next && to === 'available')
    return { kind: 'refused', code: 'BREAK_ENFORCED', until: next.until };
  if (current.state === to) return { kind: 'change', state: to, reason };
  if (!mayTransition(current.state, to, actor))
    return { kind: 'refused', code: 'INVALID_TRANSITION', from: current.state };
  if (
    current.state === 'wrap_up' &&
    to === 'available' &&
    actor !== 'agent' &&
    context.reportWindowEndsAt &&
    context.now &&
    context.reportWindowEndsAt.getTime() > context.now.getTime()
  )
    return { kind: 'end-wrap-up-at', until: context.reportWindowEndsAt };
  return { kind: 'change', state: to, reason };
}
