import type { Prng } from './prng';

export interface HostileMix {
  /** Share of calls that are hostile (0..1). */
  rate: number;
  /** Weights of severity 1, 2, 3. */
  severityWeights: [number, number, number];
  /** Share of hostile calls the router's sentiment analysis flags; the agents report the rest. */
  sentimentShare: number;
  /**
   * How waiting makes callers hostile: each minute a caller waited adds this share of the base
   * rate (0.5: a caller who waited 2 minutes is hostile at twice the rate). 0: waiting changes nothing.
   */
  waitSlopePerMinute: number;
}

export const DEFAULT_HOSTILE_MIX: HostileMix = {
  rate: 0.05,
  severityWeights: [0.6, 0.3, 0.1],
  sentimentShare: 0.7,
  waitSlopePerMinute: 0,
};

export interface HostileProfile {
  severity: 1 | 2 | 3;
  detectedBy: 'sentiment' | 'agent';
  /** sentiment: when in the call (0..1 of its length) the router flags it. */
  flagAt: number;
  /** agent: seconds after the call's end the agent reports it. */
  reportDelaySeconds: number;
}

/** A call's hostility drawn up front: its uniform draw, and how it would come to light. */
export interface HostileDraw {
  u: number;
  profile: HostileProfile;
}

/**
 * The chance a caller is hostile after waiting `waitMs` (queue time until an agent took the call):
 * the base rate, raised linearly by each minute waited, at most 1.
 */
export function hostileProbability(mix: HostileMix, waitMs: number): number {
  const minutes = Math.max(0, waitMs) / 60_000;
  return Math.min(1, mix.rate * (1 + mix.waitSlopePerMinute * minutes));
}

/**
 * Draws a call's hostility up front. Always draws the same count of numbers, so changing the rate
 * does not shift the other attributes of later calls; whether it is hostile is decided when its
 * wait is known (`hostileAfterWait`), on the same draw for every policy.
 */
export function drawHostileDraw(rng: Prng, mix: HostileMix): HostileDraw {
  const u = rng.next();
  const severity = rng.weighted(
    mix.severityWeights.map((w, i) => [(i + 1) as 1 | 2 | 3, w] as const),
  );
  const bySentiment = rng.next() < mix.sentimentShare;
  const flagAt = 0.3 + 0.6 * rng.next();
  const reportDelaySeconds = 5 + Math.floor(rng.next() * 55);
  return {
    u,
    profile: {
      severity,
      detectedBy: bySentiment ? 'sentiment' : 'agent',
      flagAt,
      reportDelaySeconds,
    },
  };
}

/** Whether the call is hostile once its caller waited `waitMs`, and how it comes to light. */
export function hostileAfterWait(
  draw: HostileDraw,
  mix: HostileMix,
  waitMs: number,
): HostileProfile | null {
  return draw.u < hostileProbability(mix, waitMs) ? draw.profile : null;
}

/** Whether a call answered at once is hostile and how it comes to light (the base rate). */
export function drawHostile(rng: Prng, mix: HostileMix): HostileProfile | null {
  return hostileAfterWait(drawHostileDraw(rng, mix), mix, 0);
}
