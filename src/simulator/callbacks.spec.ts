import { chooseCallback, DEFAULT_CALLBACK_MODEL, maxAttempts } from './callbacks';
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
