import fc from 'fast-check';
import {
  DEFAULT_HOSTILE_MIX,
  drawHostile,
  drawHostileDraw,
  hostileAfterWait,
  hostileProbability,
} from './hostile';
import { Prng } from './prng';

describe('hostile mix', () => {
  it('is hostile at the set rate, with the severity mix and the sentiment share', () => {
    const rng = new Prng('hostile');
    const drawn = Array.from({ length: 100_000 }, () => drawHostile(rng, DEFAULT_HOSTILE_MIX));
    const hostile = drawn.filter((h) => h !== null);
    expect(hostile.length / drawn.length).toBeCloseTo(0.05, 2);
    const bySeverity = [1, 2, 3].map(
      (s) => hostile.filter((h) => h!.severity === s).length / hostile.length,
    );
    expect(bySeverity[0]).toBeCloseTo(0.6, 1);
    expect(bySeverity[1]).toBeCloseTo(0.3, 1);
    expect(bySeverity[2]).toBeCloseTo(0.1, 1);
    expect(
      hostile.filter((h) => h!.detectedBy === 'sentiment').length / hostile.length,
    ).toBeCloseTo(0.7, 1);
    for (const h of hostile) {
      expect(h!.flagAt).toBeGreaterThanOrEqual(0.3);
      expect(h!.flagAt).toBeLessThan(0.9);
      expect(h!.reportDelaySeconds).toBeGreaterThanOrEqual(5);
      expect(h!.reportDelaySeconds).toBeLessThan(60);
    }
  });

  it('never makes a call hostile at rate 0, always at rate 1', () => {
    const rng = new Prng('edge');
    for (let i = 0; i < 1000; i++) {
      expect(drawHostile(rng, { ...DEFAULT_HOSTILE_MIX, rate: 0 })).toBeNull();
      expect(drawHostile(rng, { ...DEFAULT_HOSTILE_MIX, rate: 1 })).not.toBeNull();
    }
  });

  it('draws the same amount of randomness whether or not a call is hostile', () => {
    const a = new Prng('n');
    const b = new Prng('n');
    drawHostile(a, { ...DEFAULT_HOSTILE_MIX, rate: 0 });
    drawHostile(b, { ...DEFAULT_HOSTILE_MIX, rate: 1 });
    expect(a.next()).toBe(b.next());
  });

  it('rises with the wait by the slope, from the base rate, never above 1', () => {
    const mix = { ...DEFAULT_HOSTILE_MIX, waitSlopePerMinute: 0.5 };
    expect(hostileProbability(mix, 0)).toBe(0.05);
    expect(hostileProbability(mix, 120_000)).toBeCloseTo(0.1, 12);
    expect(hostileProbability(DEFAULT_HOSTILE_MIX, 600_000)).toBe(0.05);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (rate, slope, w1, w2) => {
          const m = { ...DEFAULT_HOSTILE_MIX, rate, waitSlopePerMinute: slope };
          const [short, long] = w1 <= w2 ? [w1, w2] : [w2, w1];
          expect(hostileProbability(m, short)).toBeLessThanOrEqual(hostileProbability(m, long));
          expect(hostileProbability(m, long)).toBeLessThanOrEqual(1);
          expect(hostileProbability(m, 0)).toBeCloseTo(rate, 12);
        },
      ),
    );
  });

  it('decides on the same draw for every wait: a call hostile after a short wait stays hostile after a longer one', () => {
    const mix = { ...DEFAULT_HOSTILE_MIX, waitSlopePerMinute: 1 };
    const rng = new Prng('waits');
    const draws = Array.from({ length: 20_000 }, () => drawHostileDraw(rng, mix));
    const at = (w: number) => draws.filter((d) => hostileAfterWait(d, mix, w) !== null).length;
    expect(at(0) / draws.length).toBeCloseTo(0.05, 2);
    expect(Math.abs(at(180_000) / draws.length - 0.2)).toBeLessThan(0.01);
    for (const d of draws)
      if (hostileAfterWait(d, mix, 30_000))
        expect(hostileAfterWait(d, mix, 90_000)).toBe(d.profile);
  });
});
