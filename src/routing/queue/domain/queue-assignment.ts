import { callbackMayTakeAgent } from './callback-window';

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
  /** `callback`: a promised callback, bounded by its team's share of offers while inbound calls wait. */
  kind?: 'call' | 'callback';
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
  /** A callback in the last stretch of its window (it rose one priority level). */
  urgent?: boolean;
}

export interface FreeAgent {
  agentId: string;
  teamId?: string | null;
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
  /** The agent's team's offers in the last hour (loaded only when callbacks wait). */
  callbackShare?: CallbackShare;
}

/** A team's recent offers and how many were callbacks, against its callbackMaxShare. */
export interface CallbackShare {
  teamKey: string;
  offers: number;
  callbackOffers: number;
  maxShare: number;
  /** The team's service-level answer target: an inbound call waiting longer puts callbacks behind it. */
  answerSeconds?: number;
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
 * The agents who may take the call, best first (ties keep the given routing order): the order in
 * which a new call tries them when others may be holding the same agents. Its first is bestAgentFor's.
 */
export function agentsInPreference(call: WaitingCall, agents: FreeAgent[], now: Date): FreeAgent[] {
  return agents
    .filter((agent) => mayTake(call, agent, now))
    .map((agent, order) => ({ agent, order, key: preference(call, agent) }))
    .sort((x, y) => (lexLess(x.key, y.key) ? -1 : lexLess(y.key, x.key) ? 1 : x.order - y.order))
    .map(({ agent }) => agent);
}

/**
 * Offers for the free agents: calls in queue order, each to its best remaining agent. No call and
 * no agent appears twice; a call is passed over only when no remaining agent may take it.
 */
export function assign(calls: WaitingCall[], agents: FreeAgent[], now: Date): Assignment[] {
  const free = [...agents];
  const out: Assignment[] = [];
  const ordered = [...calls].sort(queueOrder);
  const assigned = new Set<string>();
  // Offers made in this pass count toward each team's callback share as they are made.
  const shares = new Map<string, { offers: number; callbackOffers: number }>();
  const shareOf = (s: CallbackShare) => {
    if (!shares.has(s.teamKey))
      shares.set(s.teamKey, { offers: s.offers, callbackOffers: s.callbackOffers });
    return shares.get(s.teamKey)!;
  };
  // A callback held back by its share gets a second look once the inbound calls are placed.
  const heldBack = ordered.filter((c) => c.kind === 'callback');
  for (const call of [...ordered, ...heldBack]) {
    if (free.length === 0) break;
    if (assigned.has(call.callId)) continue;
    const pool =
      call.kind === 'callback'
        ? free.filter((a) => {
            if (!a.callbackShare) return true;
            const s = shareOf(a.callbackShare);
            // Inbound calls this agent could take: any waiting, and any past the answer target
            // (queue order puts the oldest of a priority first, so the scan usually stops early).
            const target = (a.callbackShare.answerSeconds ?? 20) * 1000;
            const inbound = { waiting: false, pastAnswerTarget: false };
            for (const c of ordered) {
              if (c.kind === 'callback' || assigned.has(c.callId) || !mayTake(c, a, now)) continue;
              inbound.waiting = true;
              if (now.getTime() - c.enqueuedAt.getTime() > target) {
                inbound.pastAnswerTarget = true;
                break;
              }
            }
            return callbackMayTakeAgent(
              s.offers ? s.callbackOffers / s.offers : 0,
              a.callbackShare.maxShare,
              inbound,
              call.urgent,
            );
          })
        : free;
    const agent = bestAgentFor(call, pool, now);
    if (!agent) continue;
    out.push({ callId: call.callId, agentId: agent.agentId });
    assigned.add(call.callId);
    if (agent.callbackShare) {
      const s = shareOf(agent.callbackShare);
      s.offers++;
      if (call.kind === 'callback') s.callbackOffers++;
    }
    free.splice(free.indexOf(agent), 1);
  }
  return out;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
