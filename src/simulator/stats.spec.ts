import fc from 'fast-check';
import { excludesZero, meanInterval, pairedDifference, tQuantile975 } from './stats';

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
  minLength: 2,
  maxLength: 40,
});

describe('intervals over seeds', () => {
  it('uses Student t quantiles', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 2);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 2);
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });

  it('gives the textbook interval for 1..5', () => {
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    // sd 1.5811, se 0.7071, t(4) 2.776
    expect(i.halfWidth).toBeCloseTo(1.963, 3);
    expect(i.low).toBeCloseTo(1.037, 3);
  });

  it('has no spread with one seed', () => {
    expect(meanInterval([0.8])).toEqual({
      n: 1,
      mean: 0.8,
      halfWidth: null,
      low: null,
      high: null,
    });
  });

  it('holds the mean, moves with a shift, scales with a factor', () => {
    fc.assert(
      fc.property(values, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (xs, c) => {
        const i = meanInterval(xs);
        expect(i.low!).toBeLessThanOrEqual(i.mean + 1e-9);
        expect(i.high!).toBeGreaterThanOrEqual(i.mean - 1e-9);
        const shifted = meanInterval(xs.map((x) => x + c));
        expect(shifted.mean).toBeCloseTo(i.mean + c, 3);
        expect(shifted.halfWidth!).toBeCloseTo(i.halfWidth!, 3);
        const doubled = meanInterval(xs.map((x) => 2 * x));
        expect(doubled.halfWidth!).toBeCloseTo(2 * i.halfWidth!, 3);
      }),
    );
  });

  it('pairs a difference seed by seed: a constant gap has no spread however noisy the seeds', () => {
    fc.assert(
      fc.property(values, fc.double({ min: -100, max: 100, noNaN: true }), (xs, gap) => {
        const d = pairedDifference(
          xs,
          xs.map((x) => x + gap),
        );
        expect(d.mean).toBeCloseTo(gap, 3);
        expect(d.halfWidth!).toBeLessThan(1e-3);
      }),
    );
    const d = pairedDifference([0.8, 0.82, 0.78], [0.77, 0.8, 0.74]);
    expect(d.mean).toBeCloseTo(-0.03, 6);
    expect(excludesZero(d)).toBe(true);
    expect(excludesZero(pairedDifference([1, 2, 3], [2, 1, 3]))).toBe(false);
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
  });
});
