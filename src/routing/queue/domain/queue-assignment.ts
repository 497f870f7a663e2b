/**
 * Which waiting call goes to which free agent. Pure: the dispatcher loads the waiting calls and the
 * free agents, asks `assign`, and writes the offers under its lock.
 */
export interface Criteria {
  dialect: string | null;
  minProficiency: number | null;
  skills: string[];
}

export interface FallbackStep extends Criteria {
  afterSeconds: number;
}

export interface WaitingCall {
  callId: string;
  /** 0..9, 9 first. */
  priority: number;
  /** Its place in the queue (kept when an offer lapses or is rejected). */
  enqueuedAt: Date;
  criteria: Criteria;
  fallback: FallbackStep[];
  /** Agents who let an offer of this call lapse or rejected it. */
  excludedAgentIds: string[];
  /** The caller was in a hostile call in the last 30 days. */
  flaggedCaller: boolean;
}

export interface FreeAgent {
  agentId: string;
  /** tag → proficiency, dialects and skills alike. */
  tags: Map<string, number>;
  /** How many dialects the agent speaks: those with more are kept for the rarer ones. */
  dialectCount: number;
  /** A hostile call in the last 60 minutes. */
  hostileLastHour: boolean;
  /** Calls from flagged callers taken (or offered) in the last hour. */
  flaggedCallsLastHour: number;
  /** The team's maxHostilePerHour. */
  maxFlaggedPerHour: number;
  /** Over the team's occupancy cap. */
  overOccupancyCap: boolean;
}

export interface Assignment {
  callId: string;
  agentId: string;
}

/** Highest priority first, then longest wait (then callId, so every replica agrees). */
export function queueOrder(a: WaitingCall, b: WaitingCall): number {
  return (
    b.priority - a.priority ||
    a.enqueuedAt.getTime() - b.enqueuedAt.getTime() ||
    (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0)
  );
}

/** The criteria a call accepts now: its own, and each fallback once its afterSeconds have passed. */
export function activeCriteria(call: WaitingCall, now: Date): Criteria[] {
  const waited = (now.getTime() - call.enqueuedAt.getTime()) / 1000;
  return [call.criteria, ...call.fallback.filter((f) => f.afterSeconds <= waited)];
}

/** When the next fallback of this call starts to count, or null when none is left. */
export function nextFallbackAt(call: WaitingCall, now: Date): Date | null {
  const due = call.fallback
    .map((f) => call.enqueuedAt.getTime() + f.afterSeconds * 1000)
    .filter((t) => t > now.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}

export function matches(agent: Pick<FreeAgent, 'tags'>, criteria: Criteria): boolean {
  if (criteria.dialect !== null) {
    const proficiency = agent.tags.get(criteria.dialect);
    if (proficiency === undefined || proficiency < (criteria.minProficiency ?? 1)) return false;
  }
  return criteria.skills.every((s) => agent.tags.has(s));
}

/** Whether the agent may be offered the call at all (matching, not excluded, under the cap). */
export function mayTake(call: WaitingCall, agent: FreeAgent, now: Date): boolean {
  if (call.excludedAgentIds.includes(agent.agentId)) return false;
  if (call.flaggedCaller && agent.flaggedCallsLastHour >= agent.maxFlaggedPerHour) return false;
  return activeCriteria(call, now).some((c) => matches(agent, c));
}

/**
 * Among agents who may take the call, lower is better, compared in order:
 * 1. a flagged caller goes to an agent without a hostile call in the last hour while there is one;
 * 2. agents over their occupancy cap last;
 * 3. fewer dialects first, so multi-dialect agents stay free for their rarer dialects;
 * then the agents' own routing order (the order they were given in: wellbeing rank, longest idle).
 */
export function preference(call: WaitingCall, agent: FreeAgent): number[] {
  return [
    call.flaggedCaller && agent.hostileLastHour ? 1 : 0,
    agent.overOccupancyCap ? 1 : 0,
    agent.dialectCount,
  ];
}

/** The best agent for one call among `agents` (in routing order), or undefined. */
export function bestAgentFor(
  call: WaitingCall,
  agents: FreeAgent[],
  now: Date,
): FreeAgent | undefined {
  let best: FreeAgent | undefined;
  let bestKey: number[] = [];
  for (const agent of agents) {
    if (!mayTake(call, agent, now)) continue;
    const key = preference(call, agent);
    if (!best || lexLess(key, bestKey)) {
      best = agent;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Offers for the free agents: calls in queue order, each to its best remaining agent. No call and
 * no agent appears twice; a call is passed over only when no remaining agent may take it.
 */
export function assign(calls: WaitingCall[], agents: FreeAgent[], now: Date): Assignment[] {
  const free = [...agents];
  const out: Assignment[] = [];
  for (const call of [...calls].sort(queueOrder)) {
    if (free.length === 0) break;
    const agent = bestAgentFor(call, free, now);
    if (!agent) continue;
    out.push({ callId: call.callId, agentId: agent.agentId });
    free.splice(free.indexOf(agent), 1);
  }
  return out;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
