import type { Prng } from './prng';

/** People changing a running recovery: the agent asks for more, a supervisor cuts it to the floor. */
export interface RecoveryTouchModel {
  /** Share of recoveries the agent extends, a minute into it. */
  extendShare: number;
  /** Minutes the agent adds. */
  extendMinutes: number;
  /** Share of recoveries a supervisor shortens to the policy's floor, two minutes into it. */
  shortenShare: number;
}

export const NO_TOUCHES: RecoveryTouchModel = { extendShare: 0, extendMinutes: 5, shortenShare: 0 };

/**
 * What happens to one hostile call's recovery, drawn from that call's own stream (always two
 * numbers, so the shares change nothing else). Pure.
 */
export function drawTouches(
  rng: Prng,
  model: RecoveryTouchModel,
): { extendMinutes: number | null; shorten: boolean } {
  const extend = rng.chance(model.extendShare);
  const shorten = rng.chance(model.shortenShare);
  return { extendMinutes: extend ? model.extendMinutes : null, shorten };
}
