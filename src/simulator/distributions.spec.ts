import { exponential, lognormal } from './distributions';
import { Prng } from './prng';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('distributions', () => {
  it('exponential has the asked mean and is never negative', () => {
    const rng = new Prng('exp');
    const xs = Array.from({ length: 50_000 }, () => exponential(rng, 120));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(mean(xs) / 120).toBeCloseTo(1, 1);
  });

  it('lognormal handle times have the asked mean and spread, and are right-skewed', () => {
    const rng = new Prng('logn');
    const xs = Array.from({ length: 50_000 }, () => lognormal(rng, 240, 0.6));
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(mean(xs) / 240).toBeCloseTo(1, 1);
    expect(sd(xs) / mean(xs)).toBeCloseTo(0.6, 1);
    const median = [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(median).toBeLessThan(mean(xs));
  });
});
