/** What the agent's state panel may offer, and which clock it shows. Pure. */
export type AgentState =
  | 'offline'
  | 'available'
  | 'reserved'
  | 'on_call'
  | 'wrap_up'
  | 'break'
  | 'recovery'
  | 'counseling'
  | 'not_ready';
export type RequestableState = 'available' | 'not_ready' | 'offline';

/** Enforced states run their time; no button ends them (the service would refuse anyway). */
export const ENFORCED_STATES: readonly string[] = ['recovery', 'break', 'counseling'];

/**
 * The buttons the rules allow in a state (the router drives reserved and on_call). A wrap-up that
 * leads into an enforced state (`next`: a hostile call's recovery, a booked break, a session)
 * offers no "take calls": the service would refuse it until that state is over.
 */
export function allowedRequests(
  state: string,
  next?: { state: string } | null,
): RequestableState[] {
  if (state === 'wrap_up' && next) return ['not_ready'];
  switch (state) {
    case 'offline':
      return ['available'];
    case 'available':
      return ['not_ready', 'offline'];
    case 'not_ready':
      return ['available', 'offline'];
    case 'wrap_up':
      return ['available', 'not_ready'];
    default:
      return [];
  }
}

/** A countdown to `until` for timed states, else the time spent in the state so far. */
export function stateClock(
  presence: { since: string; until?: string | null },
  nowMs: number,
): { mode: 'countdown' | 'elapsed'; seconds: number } {
  if (presence.until) {
    return {
      mode: 'countdown',
      seconds: Math.max(0, Math.ceil((Date.parse(presence.until) - nowMs) / 1000)),
    };
  }
  return {
    mode: 'elapsed',
    seconds: Math.max(0, Math.floor((nowMs - Date.parse(presence.since)) / 1000)),
  };
}
