/** One trial of the search: this many extra agents gave this service level (mean over the seeds). */
export interface ExtraAgentsTrial {
  extraAgents: number;
  serviceLevel: number;
}

export interface ExtraAgentsSearch {
  /** The fewest extra agents that reach the target; null when even `maxExtra` does not. */
  extraAgents: number | null;
  /** The service level with them (or with `maxExtra` when none was enough). */
  serviceLevel: number;
  trials: ExtraAgentsTrial[];
}

/**
 * The fewest whole extra agents k in 0..maxExtra with `serviceLevelWith(k) >= target`, by
 * bisection: k = 0 first (no trial when its level is given), then maxExtra, then halving the
 * interval between the largest k known short and the smallest known enough. Each trial is a full
 * simulated day, so at most 2 + ceil(log2(maxExtra)) are played. Assumes more agents never answer
 * worse; on a noisy day that holds only roughly, so the answer is the boundary the trials found.
 */
export async function fewestExtraAgents(
  serviceLevelWith: (extraAgents: number) => Promise<number>,
  target: number,
  maxExtra: number,
  withoutExtra?: number,
): Promise<ExtraAgentsSearch> {
  const trials: ExtraAgentsTrial[] = [];
  const trial = async (k: number) => {
    const serviceLevel =
      k === 0 && withoutExtra !== undefined ? withoutExtra : await serviceLevelWith(k);
    trials.push({ extraAgents: k, serviceLevel });
    return serviceLevel;
  };
  const atZero = await trial(0);
  if (atZero >= target) return { extraAgents: 0, serviceLevel: atZero, trials };
  const atMax = maxExtra > 0 ? await trial(maxExtra) : atZero;
  if (atMax < target) return { extraAgents: null, serviceLevel: atMax, trials };
  let short = 0;
  let enough = maxExtra;
  let level = atMax;
  while (enough - short > 1) {
    const mid = Math.floor((short + enough) / 2);
    const sl = await trial(mid);
    if (sl >= target) {
      enough = mid;
      level = sl;
    } else short = mid;
  }
  return { extraAgents: enough, serviceLevel: level, trials };
}
