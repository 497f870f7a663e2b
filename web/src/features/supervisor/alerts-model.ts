/** The supervisor's alerts, as the board shows them. Pure. */
import type { components } from '../../lib/api/schema';

export type AlertKind = components['schemas']['AlertDto']['kind'];

/** Every kind of alert the service raises: a kind added to the API fails to compile until listed. */
const KINDS: Record<AlertKind, true> = {
  escalation: true,
  hostile_calls_in_shift: true,
  occupancy_above_cap: true,
  routed_during_protected_time: true,
};

export const ALERT_KINDS = Object.keys(KINDS) as AlertKind[];

interface OpenAlert {
  id: string;
  agentId: string;
  kind: string;
  createdAt: string;
}

/**
 * One card per agent and kind: the newest alert (its count is the latest), with every open id
 * behind it, so acknowledging the card clears them all. A third hostile call in the hour raised a
 * third card saying 2, 3 and 4 about the same person.
 */
export function latestPerAgentAndKind<A extends OpenAlert>(
  alerts: readonly A[],
): Array<{ latest: A; ids: string[] }> {
  const groups = new Map<string, { latest: A; ids: string[] }>();
  for (const a of alerts) {
    const key = `${a.agentId}|${a.kind}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { latest: a, ids: [a.id] });
    else {
      g.ids.push(a.id);
      if (Date.parse(a.createdAt) > Date.parse(g.latest.createdAt)) g.latest = a;
    }
  }
  return [...groups.values()].sort(
    (x, y) => Date.parse(y.latest.createdAt) - Date.parse(x.latest.createdAt),
  );
}
