import { exponential } from './distributions';
import type { Prng } from './prng';

/** Callers who hang up in the queue and call again later as a new inbound call. */
export interface RedialModel {
  /** Share of callers who, having hung up, call again (0: nobody). */
  share: number;
  /** Mean minutes (exponential) between hanging up and calling again. */
  meanDelayMinutes: number;
  /** A caller calls again at most this many times. */
  maxRedials: number;
}

export const NO_REDIAL: RedialModel = { share: 0, meanDelayMinutes: 10, maxRedials: 2 };

/**
 * Whether a caller who hung up at `abandonedAtMs` calls again, when, and with how much patience
 * (the same mean as a first call). Drawn from the caller's own stream, always the same count of
 * numbers, so who else hung up changes nothing. Pure.
 */
export function chooseRedial(
  rng: Prng,
  model: RedialModel,
  abandonedAtMs: number,
  redialsSoFar: number,
  patienceMeanSeconds: number,
): { atMs: number; patienceMs: number } | null {
  const again = rng.chance(model.share);
  const delayMs = Math.max(30_000, Math.round(exponential(rng, model.meanDelayMinutes) * 60_000));
  const patienceMs = Math.max(1_000, Math.round(exponential(rng, patienceMeanSeconds) * 1000));
  if (!again || redialsSoFar >= model.maxRedials) return null;
  return { atMs: abandonedAtMs + delayMs, patienceMs };
}

/** The id of a caller's n-th call again: `<first call>-r<n>`. */
export function redialId(callId: string): { baseId: string; redials: number } {
  const m = /^(.*)-r(\d+)$/.exec(callId);
  return m ? { baseId: m[1], redials: Number(m[2]) } : { baseId: callId, redials: 0 };
}
