/**
 * The callers' callback choice and the simulated router's rules for callbacks. Pure (no Nest, no
 * database): the day driver asks these, and the service's own pure window rules
 * (`routing/queue/domain/callback-window.ts`) decide when a callback rises and when it is retried.
 */
import { callbackMayTakeAgent, retryAt, urgentAt } from '../routing/queue/domain/callback-window';
import type { Prng } from './prng';

export interface CallbackModel {
  /** Share (0..1) of callers who, having abandoned the queue, ask for a callback. 0: none. */
  share: number;
  /** The window starts when the caller hangs up and lasts this long. */
  windowMinutes: number;
  /** Chance that the caller picks up when an agent calls back (each attempt independently). */
  answerProbability: number;
  /** The team's `callbackRetryMinutes`: an unanswered attempt is tried again after this. */
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

/** When an unanswered attempt ending at `nowMs` is tried again, or null: the callback is missed. */
export function nextAttemptMs(
  nowMs: number,
  model: Pick<CallbackModel, 'retryMinutes'>,
  notAfterMs: number,
): number | null {
  const at = retryAt(new Date(nowMs), model.retryMinutes, new Date(notAfterMs));
  return at === null ? null : at.getTime();
}

/** Whether the callback is in the last stretch of its window at `nowMs` (it then goes first). */
export function isUrgent(plan: Pick<CallbackPlan, 'notBeforeMs' | 'notAfterMs'>, nowMs: number) {
  return nowMs >= urgentAt(new Date(plan.notBeforeMs), new Date(plan.notAfterMs)).getTime();
}

/**
 * Whether the simulated router tries to place a waiting callback now: not while an inbound call
 * has waited past the answer target, unless the callback is urgent (the service's rule, without
 * the team's share cap, which the simulated router does not track).
 */
export function mayTryCallback(urgent: boolean, inboundPastTarget: boolean): boolean {
  return callbackMayTakeAgent(
    0,
    1,
    { waiting: inboundPastTarget, pastAnswerTarget: inboundPastTarget },
    urgent,
  );
}

/**
 * The order in which the simulated router tries its waiting items: urgent callbacks first, then by
 * `enqueuedAt` (a call's arrival, a callback's notBefore, as the service queues it); stable otherwise.
 */
export function queueOrder<T>(
  items: T[],
  key: (item: T) => { urgent: boolean; enqueuedAtMs: number },
): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort(
      (a, b) =>
        Number(b.k.urgent) - Number(a.k.urgent) || a.k.enqueuedAtMs - b.k.enqueuedAtMs || a.i - b.i,
    )
    .map((x) => x.item);
}
