import fc from 'fast-check';
import { drawDayConditions } from './day-conditions';
import { Prng } from './prng';

describe('day conditions', () => {
  it('keeps the forecast and everyone without error or absence', () => {
    expect(drawDayConditions(new Prng('x'), 50, 0, 0)).toEqual({
      demandFactor: 1,
      absentAgents: [],
    });
  });

  it('draws absence at its share, and a demand factor of mean 1 with the given spread', () => {
    const days = Array.from({ length: 400 }, (_, d) =>
      drawDayConditions(new Prng(`day-${d}`), 100, 0.08, 0.1),
    );
    const absent = days.reduce((s, d) => s + d.absentAgents.length, 0) / (400 * 100);
    expect(absent).toBeCloseTo(0.08, 2);
    const factors = days.map((d) => d.demandFactor);
    const mean = factors.reduce((s, x) => s + x, 0) / factors.length;
    const sd = Math.sqrt(factors.reduce((s, x) => s + (x - mean) ** 2, 0) / (factors.length - 1));
    expect(Math.abs(mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.1)).toBeLessThan(0.02);
  });

  it('a higher absence share only adds absent agents (each agent draws on its own stream)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const few = drawDayConditions(new Prng(seed), 30, low, 0).absentAgents;
          const more = new Set(drawDayConditions(new Prng(seed), 30, high, 0).absentAgents);
          expect(few.every((i) => more.has(i))).toBe(true);
        },
      ),
    );
  });
});
