import {
  ENFORCED_STATES,
  enforcedAfterWrapUp,
  PresenceSnapshot,
  ScheduledState,
  Settlement,
} from '../presence/presence-rules';

/** One agent's presence as the ingest walks a batch's events in order (pure; written once at the end). */
export interface AgentProgress {
  snapshot: PresenceSnapshot;
  settlement: Settlement;
  scheduled: ScheduledState[];
  currentCallId?: string | null;
  lastEventAt?: Date;
}

export type ProtectedTime =
  | { kind: 'running'; state: PresenceSnapshot['state']; until: Date }
  | { kind: 'due' }
  | { kind: 'agents-own' };

/** Whether an agent in `cur` is in protected time at `at`, and which sort (never told outside). */
export function protectedTimeAt(
  cur: PresenceSnapshot,
  scheduled: ScheduledState[],
  at: Date,
): ProtectedTime | null {
  if (ENFORCED_STATES.includes(cur.state) && cur.until && cur.until.getTime() > at.getTime())
    return { kind: 'running', state: cur.state, until: cur.until };
  if (cur.state === 'not_ready' && cur.heldByAgent) return { kind: 'agents-own' };
  if (cur.state === 'wrap_up') {
    if (cur.returnState === 'not_ready' && cur.heldByAgent) return { kind: 'agents-own' };
    if (enforcedAfterWrapUp(cur, scheduled)) return { kind: 'due' };
  }
  return null;
}

export function step(p: AgentProgress, next: PresenceSnapshot): void {
  p.settlement = {
    ...p.settlement,
    steps: [
      ...p.settlement.steps,
      { state: next.state, reason: next.reason, since: next.since, until: next.until },
    ],
    current: next,
  };
}

export function merge(p: AgentProgress, s: Settlement): void {
  p.settlement = {
    steps: [...p.settlement.steps, ...s.steps],
    current: s.current,
    activated: [...p.settlement.activated, ...s.activated],
    completed: [...p.settlement.completed, ...s.completed],
    reservationLapsed: p.settlement.reservationLapsed || s.reservationLapsed,
    deferred: [...(p.settlement.deferred ?? []), ...(s.deferred ?? [])],
  };
  for (const d of s.deferred ?? []) {
    const item = p.scheduled.find((x) => x.id === d.id);
    if (item) Object.assign(item, { endsAt: null, durationSeconds: d.durationSeconds });
  }
  for (const a of s.activated) {
    const item = p.scheduled.find((x) => x.id === a.id);
    if (item) Object.assign(item, { status: 'active', endsAt: a.endsAt });
  }
  p.scheduled = p.scheduled.filter((x) => !s.completed.includes(x.id));
}
