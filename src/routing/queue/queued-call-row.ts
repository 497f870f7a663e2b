import type { Criteria, FallbackStep, WaitingCall } from './domain/queue-assignment';

/** The columns every queue read takes, aliased `q`. */
export const CALL_COLUMNS = `q.call_id, q.kind, q.status, q.priority, q.dialect, q.min_proficiency, q.skills, q.fallback,
  q.flagged_caller, q.enqueued_at, q.urgent_at, q.excluded_agent_ids, q.reservation_id, q.agent_id, q.team_id, q.offer_expires_at`;

export function toWaitingCall(r: any): WaitingCall {
  return {
    callId: r.call_id,
    kind: r.kind === 'callback' ? 'callback' : 'call',
    priority: Number(r.priority),
    enqueuedAt: new Date(r.enqueued_at),
    criteria: {
      dialect: r.dialect,
      minProficiency: r.min_proficiency === null ? null : Number(r.min_proficiency),
      skills: r.skills ?? [],
    },
    fallback: (r.fallback ?? []).map((f: any): FallbackStep => ({
      afterSeconds: Number(f.afterSeconds),
      dialect: f.dialect ?? null,
      minProficiency: f.minProficiency ?? null,
      skills: f.skills ?? [],
    })),
    excludedAgentIds: r.excluded_agent_ids ?? [],
    flaggedCaller: r.flagged_caller,
    // A callback's urgent_at is cleared when the sweep raises it for the last stretch of its window.
    urgent: r.kind === 'callback' && r.urgent_at === null,
  };
}

/** A call's criteria as the reservation's filter. */
export const asFilter = (c: Criteria) => ({
  dialect: c.dialect ?? undefined,
  minProficiency: c.minProficiency ?? undefined,
  skills: c.skills,
});
