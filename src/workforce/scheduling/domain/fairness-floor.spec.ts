import fc from 'fast-check';
import { convexEnvelope, envelopeMinimum, fairnessFloor, spreadFloor } from './fairness-floor';

/** The least Σ |x_a − count/agents| over every way to share `count` whole shifts (enumerated). */
function leastSpread(count: number, agents: number): number {
  const mean = count / agents;
  let best = Infinity;
  const visit = (a: number, left: number, cost: number) => {
    if (a === agents - 1) {
      best = Math.min(best, cost + Math.abs(left - mean));
      return;
    }
    for (let x = 0; x <= left; x++) visit(a + 1, left - x, cost + Math.abs(x - mean));
  };
  visit(0, count, 0);
  return best;
}

/** A convex function on the integers: a max of lines. */
const convexFunctions = fc
  .array(
    fc.record({ slope: fc.integer({ min: -50, max: 50 }), at: fc.integer({ min: 0, max: 60 }) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((lines) => (x: number) => Math.max(...lines.map((l) => 1000 + l.slope * (x - l.at))));

describe('fairness floor', () => {
  it('spreadFloor is the least spread of whole shifts, found by enumeration', () => {
    for (let agents = 1; agents <= 4; agents++)
      for (let count = 0; count <= 9; count++)
        expect(spreadFloor(count, agents)).toBeCloseTo(leastSpread(count, agents), 9);
  });

  it('the convex envelope never lies above the function, and meets it where it was solved', () => {
    fc.assert(
      fc.property(
        convexFunctions,
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
        (f, at) => {
          const points = new Map(at.map((x) => [x, f(x)]));
          const least = Math.min(...Array.from({ length: 61 }, (_, x) => f(x)));
          for (let x = 0; x <= 60; x++) {
            const v = convexEnvelope(points, least, x);
            expect(v).toBeLessThanOrEqual(f(x) + 1e-9);
            if (points.has(x)) expect(v).toBeCloseTo(f(x), 9);
          }
        },
      ),
    );
  });

  it('the search ends at the true least LP(count) + floor, or below it when stopped early', async () => {
    await fc.assert(
      fc.asyncProperty(
        convexFunctions,
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        async (f, agents, start, maxSolves) => {
          const least = Math.min(...Array.from({ length: 61 }, (_, x) => f(x)));
          const truth = Math.min(
            ...Array.from({ length: 61 }, (_, x) => f(x) + 2 * spreadFloor(x, agents)),
          );
          const found = await fairnessFloor({
            optimum: least,
            start,
            maxCount: 60,
            agents,
            weight: 2,
            solve: async (x) => f(x),
            stop: () => false,
            maxSolves,
          });
          expect(found.bound).toBeLessThanOrEqual(truth + 1e-6);
          if (found.exact) expect(found.bound).toBeCloseTo(truth, 2);
        },
      ),
    );
  });

  it('with solves enough it finds the exact minimum of a kinked LP (the 300 × 7 evening shape)', async () => {
    // 396 a shift below 369 evenings, 4 above: the minimum sits at the kink, floor and all.
    const lp = (x: number) => 3729 + Math.max(396 * (369 - x), 4 * (x - 369));
    const found = await fairnessFloor({
      optimum: 3729,
      start: 369.4,
      maxCount: 2100,
      agents: 300,
      weight: 0.25,
      solve: async (x) => lp(x),
      stop: () => false,
      maxSolves: 8,
    });
    expect(found.exact).toBe(true);
    expect(found.at).toBe(369);
    expect(found.bound).toBeCloseTo(3729 + 0.25 * spreadFloor(369, 300), 2);
    expect(envelopeMinimum(new Map(), 3729, 2100, 300, 0.25).value).toBe(3729);
  });
});
