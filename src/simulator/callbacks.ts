/**
 * The callers' callback choice. Pure (no Nest, no database). The service schedules, queues,
 * retries and misses the callbacks (`POST /v1/routing/callbacks` and its outcomes); the simulator
 * only decides who asks for one and whether each attempt is picked up.
 */
import type { Prng } from './prng';

export interface CallbackModel {
  /** Share (0..1) of callers who, having abandoned the queue, ask for a callback. 0: none. */
  share: number;
  /** The window starts when the caller hangs up and lasts this long. */
  windowMinutes: number;
  /** Chance that the caller picks up when an agent calls back (each attempt independently). */
  answerProbability: number;
  /** The team's `callbackRetryMinutes` (the service's default): how many attempts a window can hold. */
  retryMinutes: number;
  /** How long an agent lets an unanswered callback ring before giving up. */
  ringSeconds: number;
}

export const DEFAULT_CALLBACK_MODEL: CallbackModel = {
  share: 0.3,
  windowMinutes: 60,
  answerProbability: 0.8,
  retryMinutes: 15,
  ringSeconds: 20,
};

/** A caller's callback, as drawn when they hang up: its window and whether each attempt is answered. */
export interface CallbackPlan {
  notBeforeMs: number;
  notAfterMs: number;
  /** Attempt n (from 0) is answered when answers[n]; more attempts than fit in the window are never needed. */
  answers: boolean[];
}

/** The most attempts a window can hold: one at its start, then one per retry delay. */
export function maxAttempts(model: Pick<CallbackModel, 'windowMinutes' | 'retryMinutes'>): number {
  return Math.max(1, Math.floor(model.windowMinutes / Math.max(1e-9, model.retryMinutes)) + 1);
}

/**
 * Whether the caller who hung up at `abandonedMs` asks for a callback, and if so its window and
 * answers. `rng` is the caller's own stream, so the choice does not depend on who else hung up.
 * With `share` 0 no callback is ever chosen.
 */
export function chooseCallback(
  rng: Prng,
  model: CallbackModel,
  abandonedMs: number,
): CallbackPlan | null {
  if (model.share <= 0 || !rng.chance(model.share)) return null;
  const answers = Array.from({ length: maxAttempts(model) }, () =>
    rng.chance(model.answerProbability),
  );
  return {
    notBeforeMs: abandonedMs,
    notAfterMs: abandonedMs + Math.round(model.windowMinutes * 60_000),
    answers,
  };
}
