/**
 * The figures a manager decides a policy on, from the simulator's call log and the service's
 * presence history: how much paid time goes to recovery, how hostile calls pile up on agents and
 * hours, how soon a hostile call is followed by its recovery (and how many calls come first), and
 * whether that recovery was full. Pure: no Nest, no database.
 */
import { occupancy, percentile, StateSpan, timeInStates } from './metrics';

export interface LoggedCall {
  /** When the agent took it (the router accepted); null when nobody did. */
  answeredMs: number | null;
  /** When it ended; null when nobody took it. */
  endedMs: number | null;
  agentIndex: number | null;
  hostileSeverity: number | null;
}

export interface ExposureAgent {
  index: number;
  agentId: string;
  /** The group exposure is reported by (the agent's first dialect). */
  group: string;
}

export interface GroupExposure {
  group: string;
  agents: number;
  hostileCalls: number;
  hostilePerAgent: number;
  /** Hostile calls per paid hour of the group's agents; null without paid time. */
  hostilePerAgentHour: number | null;
}

export interface ExposureFigures {
  paidHours: number;
  /** Share of paid time (any state but offline) spent in recovery. */
  recoveryShareOfPaidTime: number | null;
  hostilePerAgentHour: number | null;
  /** The clock hour (from the day's start) with the most hostile calls per paid agent-hour. */
  worstHour: { startMs: number; hostilePerAgentHour: number } | null;
  /** Agents who took more than two hostile calls within one clock hour of the day. */
  agentsAboveTwoInAnHour: number;
  /** From a hostile call's end to the start of the agent's next recovery: median and p90. */
  secondsToRecoveryMedian: number | null;
  secondsToRecoveryP90: number | null;
  /** Hostile calls after which the agent had no recovery at all that day. */
  hostileWithoutRecovery: number;
  /** Calls the agent took between a hostile call and its recovery: mean, and calls with any. */
  callsBeforeRecoveryMean: number | null;
  hostileWithCallsBeforeRecovery: number;
  /**
   * Hostile calls followed by a recovery that began before the agent's next call and lasted at
   * least the policy's minutes for the severity (presence history, not the grants table).
   */
  fullRecoveryShare: number | null;
  /** Agents whose occupancy (recovery and breaks excluded) was above 85%. */
  agentsAbove85Occupancy: number;
  byGroup: GroupExposure[];
}

const HOUR_MS = 3_600_000;
const OCCUPANCY_LIMIT = 0.85;

/** Contiguous recovery spans of one agent, merged into spells [start, end). */
export function recoverySpells(spans: StateSpan[]): Array<[number, number]> {
  const sorted = spans
    .filter((s) => s.state === 'recovery' && s.endMs > s.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const spells: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = spells[spells.length - 1];
    if (last && s.startMs <= last[1]) last[1] = Math.max(last[1], s.endMs);
    else spells.push([s.startMs, s.endMs]);
  }
  return spells;
}

const paidMs = (spans: StateSpan[], fromMs: number, toMs: number) => {
  let ms = 0;
  for (const [state, t] of timeInStates(spans, fromMs, toMs)) if (state !== 'offline') ms += t;
  return ms;
};

/**
 * Pure: the exposure figures over the given days. `requiredRecoveryMs(severity)` is the policy's
 * recovery length for a severity (what "full" means).
 */
export function exposureFigures(
  calls: LoggedCall[],
  spans: StateSpan[],
  agents: ExposureAgent[],
  days: Array<{ startMs: number; endMs: number }>,
  requiredRecoveryMs: (severity: number) => number,
): ExposureFigures {
  const spansOf = new Map<string, StateSpan[]>(agents.map((a) => [a.agentId, []]));
  for (const s of spans) spansOf.get(s.agentId)?.push(s);
  const callsOf = new Map<number, LoggedCall[]>(agents.map((a) => [a.index, []]));
  for (const c of calls)
    if (c.agentIndex !== null && c.answeredMs !== null) callsOf.get(c.agentIndex)?.push(c);
  for (const list of callsOf.values()) list.sort((a, b) => a.answeredMs! - b.answeredMs!);
  const hostile = calls.filter(
    (c) => c.hostileSeverity !== null && c.agentIndex !== null && c.endedMs !== null,
  );

  // Paid time and recovery, per agent and for all.
  let paid = 0;
  let recovery = 0;
  const paidOf = new Map<string, number>();
  let above85 = 0;
  for (const a of agents) {
    const own = spansOf.get(a.agentId)!;
    let p = 0;
    const time = new Map<string, number>();
    for (const d of days) {
      p += paidMs(own, d.startMs, d.endMs);
      for (const [state, t] of timeInStates(own, d.startMs, d.endMs))
        time.set(state, (time.get(state) ?? 0) + t);
    }
    paidOf.set(a.agentId, p);
    paid += p;
    recovery += time.get('recovery') ?? 0;
    if ((occupancy(time) ?? 0) > OCCUPANCY_LIMIT) above85++;
  }

  // Hostile calls per paid agent-hour, by clock hour of each day; agents above two in an hour.
  let worstHour: ExposureFigures['worstHour'] = null;
  const aboveTwo = new Set<number>();
  for (const d of days) {
    for (let h = d.startMs; h < d.endMs; h += HOUR_MS) {
      const end = Math.min(d.endMs, h + HOUR_MS);
      const inHour = hostile.filter((c) => c.answeredMs! >= h && c.answeredMs! < end);
      const perAgent = new Map<number, number>();
      for (const c of inHour) perAgent.set(c.agentIndex!, (perAgent.get(c.agentIndex!) ?? 0) + 1);
      for (const [agent, n] of perAgent) if (n > 2) aboveTwo.add(agent);
      const hours = paidMs(spans, h, end) / HOUR_MS;
      if (hours > 0) {
        const rate = inHour.length / hours;
        if (!worstHour || rate > worstHour.hostilePerAgentHour)
          worstHour = { startMs: h, hostilePerAgentHour: rate };
      }
    }
  }

  // From each hostile call to the agent's next recovery.
  const byIndex = new Map(agents.map((a) => [a.index, a]));
  const waits: number[] = [];
  const between: number[] = [];
  let withoutRecovery = 0;
  let full = 0;
  const spellsOf = new Map<string, Array<[number, number]>>();
  for (const c of hostile) {
    const agent = byIndex.get(c.agentIndex!);
    if (!agent) continue;
    let spells = spellsOf.get(agent.agentId);
    if (!spells)
      spellsOf.set(agent.agentId, (spells = recoverySpells(spansOf.get(agent.agentId)!)));
    const ended = c.endedMs!;
    const spell = spells.find(([, e]) => e > ended);
    const own = callsOf.get(agent.index) ?? [];
    const next = own.find((x) => x.answeredMs! >= ended && x !== c);
    if (!spell) {
      withoutRecovery++;
      continue;
    }
    const start = Math.max(spell[0], ended);
    waits.push((start - ended) / 1000);
    between.push(
      own.filter((x) => x.answeredMs! >= ended && x.answeredMs! < start && x !== c).length,
    );
    const beforeNext = !next || start <= next.answeredMs!;
    if (beforeNext && spell[1] - start >= requiredRecoveryMs(c.hostileSeverity!)) full++;
  }

  // Exposure by group.
  const groups = [...new Set(agents.map((a) => a.group))].sort();
  const hostileOf = new Map<number, number>();
  for (const c of hostile) hostileOf.set(c.agentIndex!, (hostileOf.get(c.agentIndex!) ?? 0) + 1);
  const byGroup = groups.map((group) => {
    const members = agents.filter((a) => a.group === group);
    const n = members.reduce((s, a) => s + (hostileOf.get(a.index) ?? 0), 0);
    const hours = members.reduce((s, a) => s + paidOf.get(a.agentId)!, 0) / HOUR_MS;
    return {
      group,
      agents: members.length,
      hostileCalls: n,
      hostilePerAgent: members.length ? n / members.length : 0,
      hostilePerAgentHour: hours > 0 ? n / hours : null,
    };
  });

  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  return {
    paidHours: paid / HOUR_MS,
    recoveryShareOfPaidTime: paid > 0 ? recovery / paid : null,
    hostilePerAgentHour: paid > 0 ? hostile.length / (paid / HOUR_MS) : null,
    worstHour,
    agentsAboveTwoInAnHour: aboveTwo.size,
    secondsToRecoveryMedian: waits.length ? percentile(waits, 50) : null,
    secondsToRecoveryP90: waits.length ? percentile(waits, 90) : null,
    hostileWithoutRecovery: withoutRecovery,
    callsBeforeRecoveryMean: mean(between),
    hostileWithCallsBeforeRecovery: between.filter((n) => n > 0).length,
    fullRecoveryShare: hostile.length ? full / hostile.length : null,
    agentsAbove85Occupancy: above85,
    byGroup,
  };
}
