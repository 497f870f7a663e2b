import {
  chooseCallback,
  DEFAULT_CALLBACK_MODEL,
  isUrgent,
  maxAttempts,
  mayTryCallback,
  nextAttemptMs,
  queueOrder,
} from './callbacks';
import { Prng } from './prng';

const MIN = 60_000;

describe('callback choice', () => {
  const model = { ...DEFAULT_CALLBACK_MODEL, share: 0.3, windowMinutes: 60, retryMinutes: 15 };
  const callers = (seed: string, m = model) => {
    const rng = new Prng(seed).stream('callbacks/day-0');
    return Array.from({ length: 2000 }, (_, i) =>
      chooseCallback(rng.stream(`c${i}`), m, 1_000 * i),
    );
  };

  it('is deterministic: the same seed gives the same choices and answers', () => {
    expect(callers('s')).toEqual(callers('s'));
    expect(callers('s')).not.toEqual(callers('t'));
  });

  it('chooses a callback at about the share, its window from the hang-up for windowMinutes', () => {
    const chosen = callers('s').filter((c) => c !== null);
    expect(chosen.length / 2000).toBeGreaterThan(0.26);
    expect(chosen.length / 2000).toBeLessThan(0.34);
    const all = callers('s');
    all.forEach((c, i) => {
      if (!c) return;
      expect(c.notBeforeMs).toBe(1_000 * i);
      expect(c.notAfterMs - c.notBeforeMs).toBe(60 * MIN);
      expect(c.answers).toHaveLength(maxAttempts(model));
    });
    const answers = chosen.flatMap((c) => c.answers);
    const picked = answers.filter(Boolean).length / answers.length;
    expect(picked).toBeGreaterThan(0.76);
    expect(picked).toBeLessThan(0.84);
  });

  it('with share 0 never chooses one, and draws nothing', () => {
    const rng = new Prng('s');
    const before = new Prng('s').next();
    expect(chooseCallback(rng, { ...model, share: 0 }, 0)).toBeNull();
    expect(rng.next()).toBe(before);
    expect(callers('s', { ...model, share: 0 }).every((c) => c === null)).toBe(true);
  });

  it('holds one attempt at the start and one per retry delay', () => {
    expect(maxAttempts({ windowMinutes: 60, retryMinutes: 15 })).toBe(5);
    expect(maxAttempts({ windowMinutes: 10, retryMinutes: 15 })).toBe(1);
  });
});

describe('callback routing rules', () => {
  it('retries after the retry delay while the window lasts, else it is missed', () => {
    expect(nextAttemptMs(0, { retryMinutes: 15 }, 60 * MIN)).toBe(15 * MIN);
    expect(nextAttemptMs(50 * MIN, { retryMinutes: 15 }, 60 * MIN)).toBeNull();
  });

  it('is urgent in the last quarter of its window, at most its last 30 minutes', () => {
    const w = { notBeforeMs: 0, notAfterMs: 60 * MIN };
    expect(isUrgent(w, 44 * MIN)).toBe(false);
    expect(isUrgent(w, 45 * MIN)).toBe(true);
    const long = { notBeforeMs: 0, notAfterMs: 240 * MIN };
    expect(isUrgent(long, 200 * MIN)).toBe(false);
    expect(isUrgent(long, 210 * MIN)).toBe(true);
  });

  it('yields to inbound calls past the answer target unless urgent', () => {
    expect(mayTryCallback(false, false)).toBe(true);
    expect(mayTryCallback(false, true)).toBe(false);
    expect(mayTryCallback(true, true)).toBe(true);
  });

  it('orders urgent callbacks first, then by enqueuedAt, stable for ties', () => {
    const items = [
      { id: 'call@10', urgent: false, enqueuedAtMs: 10 },
      { id: 'cb@5', urgent: false, enqueuedAtMs: 5 },
      { id: 'call@20', urgent: false, enqueuedAtMs: 20 },
      { id: 'cb@1 urgent', urgent: true, enqueuedAtMs: 1 },
      { id: 'call@20b', urgent: false, enqueuedAtMs: 20 },
    ];
    expect(queueOrder(items, (x) => x).map((x) => x.id)).toEqual([
      'cb@1 urgent',
      'cb@5',
      'call@10',
      'call@20',
      'call@20b',
    ]);
  });
});
