import { Prng } from './prng';

describe('Prng', () => {
  const draws = (rng: Prng, n: number) => Array.from({ length: n }, () => rng.next());

  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(new Prng('42'), 20)).toEqual(draws(new Prng('42'), 20));
    expect(draws(new Prng('42'), 20)).not.toEqual(draws(new Prng('43'), 20));
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draws(new Prng(7), 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const deciles = new Array(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]++;
    for (const d of deciles) expect(Math.abs(d - 2000)).toBeLessThan(200);
  });

  it('keeps named streams independent of how much another stream draws', () => {
    const a = new Prng('s');
    const b = new Prng('s');
    draws(a.stream('agents'), 5);
    draws(b.stream('agents'), 500);
    expect(draws(a.stream('calls'), 10)).toEqual(draws(b.stream('calls'), 10));
    expect(draws(a.stream('calls'), 10)).not.toEqual(draws(a.stream('agents'), 10));
  });

  it('picks by weight and draws integers within bounds', () => {
    const rng = new Prng('w');
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
    }
  });
});
