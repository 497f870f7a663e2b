import type { Prng } from './prng';

export interface HostileMix {
  /** Share of calls that are hostile (0..1). */
  rate: number;
  /** Weights of severity 1, 2, 3. */
  severityWeights: [number, number, number];
  /** Share of hostile calls the router's sentiment analysis flags; the agents report the rest. */
  sentimentShare: number;
}

export const DEFAULT_HOSTILE_MIX: HostileMix = {
  rate: 0.05,
  severityWeights: [0.6, 0.3, 0.1],
  sentimentShare: 0.7,
};

export interface HostileProfile {
  severity: 1 | 2 | 3;
  detectedBy: 'sentiment' | 'agent';
  /** sentiment: when in the call (0..1 of its length) the router flags it. */
  flagAt: number;
  /** agent: seconds after the call's end the agent reports it. */
  reportDelaySeconds: number;
}

/**
 * Whether a call is hostile and how it comes to light. Always draws the same count of numbers,
 * so changing the rate does not shift the other attributes of later calls.
 */
export function drawHostile(rng: Prng, mix: HostileMix): HostileProfile | null {
  const hostile = rng.next() < mix.rate;
  const severity = rng.weighted(
    mix.severityWeights.map((w, i) => [(i + 1) as 1 | 2 | 3, w] as const),
  );
  const bySentiment = rng.next() < mix.sentimentShare;
  const flagAt = 0.3 + 0.6 * rng.next();
  const reportDelaySeconds = 5 + Math.floor(rng.next() * 55);
  if (!hostile) return null;
  return { severity, detectedBy: bySentiment ? 'sentiment' : 'agent', flagAt, reportDelaySeconds };
}
