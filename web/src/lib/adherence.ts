/** Adherence figures shared by the supervisor's wallboard and the scheduler's planner. Pure. */

export interface AdherenceTotals {
  agentId: string;
  scheduledMinutes: number;
  adherentMinutes: number;
  share: number | null;
}

/** Adherence intervals summed per agent, plus the team total (share of scheduled minutes). */
export function adherenceByAgent(
  items: readonly { agentId: string; scheduledMinutes: number; adherentMinutes: number }[],
): { agents: AdherenceTotals[]; team: AdherenceTotals } {
  const by = new Map<string, AdherenceTotals>();
  const team: AdherenceTotals = {
    agentId: '',
    scheduledMinutes: 0,
    adherentMinutes: 0,
    share: null,
  };
  for (const i of items) {
    const a = by.get(i.agentId) ?? {
      agentId: i.agentId,
      scheduledMinutes: 0,
      adherentMinutes: 0,
      share: null,
    };
    a.scheduledMinutes += i.scheduledMinutes;
    a.adherentMinutes += i.adherentMinutes;
    by.set(i.agentId, a);
    team.scheduledMinutes += i.scheduledMinutes;
    team.adherentMinutes += i.adherentMinutes;
  }
  const share = (t: AdherenceTotals) => ({
    ...t,
    share: t.scheduledMinutes > 0 ? t.adherentMinutes / t.scheduledMinutes : null,
  });
  return { agents: [...by.values()].map(share), team: share(team) };
}
