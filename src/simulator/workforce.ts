/** The default dialect mix of agents (and of calls): the centre. */
export const DEFAULT_DIALECT_MIX: ReadonlyArray<readonly [string, number]> = [
  ['cmn', 0.6],
  ['cmn-x-wuhan', 0.25],
  ['yue', 0.1],
  ['nan', 0.05],
];

export interface PlannedAgent {
  index: number;
  externalId: string;
  primaryDialect: string;
  dialects: Array<{ tag: string; proficiency: number }>;
  skills: Array<{ tag: string; proficiency: number }>;
  team: number;
}

/**
 * Whole agents per share by largest remainder (so the counts add up to `total` exactly).
 * Ties go to the earlier entry.
 */
export function apportion(total: number, shares: ReadonlyArray<number>): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (s / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/**
 * The workforce: agents per dialect by the mix, each also speaking Putonghua (at 3 when it is not
 * their first dialect), `elderCareShare` of each dialect group with the elder-care skill, spread over
 * teams of `teamSize`. Depends only on its inputs (no randomness), so a setup can be reused.
 */
export function planWorkforce(
  total: number,
  mix: ReadonlyArray<readonly [string, number]>,
  elderCareShare: number,
  teamSize: number,
): PlannedAgent[] {
  const counts = apportion(
    total,
    mix.map(([, share]) => share),
  );
  const agents: PlannedAgent[] = [];
  mix.forEach(([dialect], d) => {
    const elder = Math.round(counts[d] * elderCareShare);
    for (let k = 0; k < counts[d]; k++) {
      // Spread the skilled agents through the group rather than bunching them at its start.
      const skilled =
        elder > 0 &&
        Math.floor(((k + 1) * elder) / counts[d]) > Math.floor((k * elder) / counts[d]);
      agents.push(simAgent(agents.length, dialect, k, skilled, 0));
    }
  });
  const teams = Math.max(1, Math.ceil(total / teamSize));
  // Interleave dialect groups over the teams so each team has the same mix.
  agents.forEach((a, i) => (a.team = i % teams));
  return agents;
}

/**
 * Agents the extra-agent search may add (`--find-extra-agents`), after the workforce's `first`
 * agents, in a team of their own (`team`) so no schedule is generated for them. Agent j's dialect
 * is the one furthest behind its share among the first j + 1, so any first k of them follow the mix
 * and agent j never depends on how many are asked for; elder-care likewise.
 */
export function planExtraAgents(
  count: number,
  first: number,
  mix: ReadonlyArray<readonly [string, number]>,
  elderCareShare: number,
  team: number,
): PlannedAgent[] {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  const given = mix.map(() => 0);
  let elder = 0;
  const agents: PlannedAgent[] = [];
  for (let j = 0; j < count; j++) {
    let d = 0;
    let behind = -Infinity;
    mix.forEach(([, w], k) => {
      const deficit = ((j + 1) * w) / total - given[k];
      if (deficit > behind + 1e-9) {
        behind = deficit;
        d = k;
      }
    });
    given[d]++;
    const skilled = Math.floor((j + 1) * elderCareShare + 1e-9) > elder;
    if (skilled) elder++;
    agents.push(simAgent(first + j, mix[d][0], j, skilled, team));
  }
  return agents;
}

/**
 * One simulated agent: its dialect at 4 or 5 (alternating by `k` within its group), Putonghua at 3
 * beside any other dialect, elder-care at 4 when `skilled`.
 */
function simAgent(
  index: number,
  dialect: string,
  k: number,
  skilled: boolean,
  team: number,
): PlannedAgent {
  const dialects = [{ tag: dialect, proficiency: 4 + (k % 2) }];
  if (dialect !== 'cmn') dialects.push({ tag: 'cmn', proficiency: 3 });
  return {
    index,
    externalId: `sim-${String(index + 1).padStart(4, '0')}`,
    primaryDialect: dialect,
    dialects,
    skills: skilled ? [{ tag: 'elder-care', proficiency: 4 }] : [],
    team,
  };
}
