/**
 * Who sees which event on the live stream. An event names its audiences:
 * - `agent`: the agent it is about (its own state, its offers);
 * - `team`: the supervisors of its team, and admins;
 * - `router`: router API keys, and admins.
 * A counselling session is written twice (the agent's own row, and a `not_ready`/`private` row for
 * everyone else), so scoping never needs to look inside the payload.
 */
export type Audience = 'agent' | 'team' | 'router';

export interface StreamViewer {
  roles: readonly string[];
  /** Set for a person who is an agent. */
  agentId: string | null;
  /** A supervisor's own team. */
  teamId: string | null;
}

export interface ScopedEvent {
  teamId: string | null;
  agentId: string | null;
  audience: readonly string[];
}

/** Whether this viewer may receive this event. */
export function maySee(viewer: StreamViewer, event: ScopedEvent): boolean {
  const has = (role: string) => viewer.roles.includes(role);
  const to = (audience: Audience) => event.audience.includes(audience);
  if (has('admin') && (to('team') || to('router'))) return true;
  if (has('router') && to('router')) return true;
  if (has('supervisor') && viewer.teamId !== null && event.teamId === viewer.teamId && to('team'))
    return true;
  return viewer.agentId !== null && event.agentId === viewer.agentId && to('agent');
}
