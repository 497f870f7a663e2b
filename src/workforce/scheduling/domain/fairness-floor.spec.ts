import fc from 'fast-check';
import {
  convexEnvelope,
  CostClass,
  costFloor,
  envelopeMinimum,
  fairnessFloor,
  jointMinimum,
  spreadFloor,
} from './fairness-floor';

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

/** The least weighted spread plus past-free extras over every way to share `count` (enumerated). */
function leastCost(count: number, classes: CostClass[], weight: number, maxEach: number): number {
  const agents = classes.flatMap((c) => Array.from({ length: c.agents }, () => c));
  if (agents.length === 0) return count === 0 ? 0 : Infinity;
  const mean = count / agents.length;
  let best = Infinity;
  const visit = (a: number, left: number, cost: number) => {
    if (a === agents.length) {
      if (left === 0) best = Math.min(best, cost);
      return;
    }
    const c = agents[a];
    for (let x = 0; x <= Math.min(left, maxEach); x++)
      visit(
        a + 1,
        left - x,
        cost + weight * Math.abs(x - mean) + c.extra * Math.max(0, x - c.free),
      );
  };
  visit(0, count, 0);
  return best;
}

const costClasses = fc.array(
  fc.record({
    agents: fc.integer({ min: 1, max: 2 }),
    free: fc.integer({ min: 0, max: 3 }),
    extra: fc.constantFrom(0, 0.5, 1, 3),
  }),
  { minLength: 1, maxLength: 3 },
);

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

  it('costFloor is the least spread plus extras, found by enumeration', () => {
    fc.assert(
      fc.property(
        costClasses,
        fc.constantFrom(0.25, 1, 4),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 12 }),
        (classes, weight, maxEach, count) => {
          const truth = leastCost(count, classes, weight, maxEach);
          const found = costFloor(count, classes, weight, maxEach);
          if (Number.isFinite(truth)) expect(found).toBeCloseTo(truth, 9);
          else expect(found).toBe(Infinity);
        },
      ),
      { numRuns: 200 },
    );
    // Nobody paying extras: the spread floor itself.
    for (let count = 0; count <= 12; count++)
      expect(costFloor(count, [{ agents: 4, free: 3, extra: 0 }], 1, 3)).toBeCloseTo(
        spreadFloor(count, 4),
        9,
      );
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
            cost: (x) => 2 * spreadFloor(x, agents),
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
      cost: (x) => 0.25 * spreadFloor(x, 300),
      solve: async (x) => lp(x),
      stop: () => false,
      maxSolves: 8,
    });
    expect(found.exact).toBe(true);
    expect(found.at).toBe(369);
    expect(found.bound).toBeCloseTo(3729 + 0.25 * spreadFloor(369, 300), 2);
    expect(envelopeMinimum(new Map(), 3729, 2100, () => 0).value).toBe(3729);
  });

  it('an LP that fails (out of time) leaves the search valid, and a count halfway is tried instead', async () => {
    await fc.assert(
      fc.asyncProperty(
        convexFunctions,
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }),
        async (f, agents, start, failing) => {
          const least = Math.min(...Array.from({ length: 61 }, (_, x) => f(x)));
          const cost = (x: number) => 2 * spreadFloor(x, agents);
          const truth = Math.min(...Array.from({ length: 61 }, (_, x) => f(x) + cost(x)));
          const asked: number[] = [];
          const found = await fairnessFloor({
            optimum: least,
            start,
            maxCount: 60,
            cost,
            solve: async (x) => (asked.push(x), failing.includes(x) ? null : f(x)),
            stop: () => false,
            maxSolves: 12,
          });
          expect(found.bound).toBeLessThanOrEqual(truth + 1e-6);
          expect(new Set(asked).size).toBe(asked.length);
        },
      ),
    );
    // The LP at 1 fails; halfway to 306 it does not, and the chord lifts the envelope at 1 too.
    const flat = (x: number) => 3729 + Math.max(0, 400 * (290 - x));
    const asked: number[] = [];
    const found = await fairnessFloor({
      optimum: 3729,
      start: 306,
      maxCount: 600,
      cost: (x) => (x < 100 ? 0 : 20),
      solve: async (x) => (asked.push(x), x === 0 ? null : flat(x)),
      stop: () => false,
      maxSolves: 12,
    });
    expect(asked).toContain(0);
    expect(asked.some((x) => x > 0 && x < 290)).toBe(true);
    expect(found.bound).toBeGreaterThan(3729 + 19);
  });

  it('the joint minimum is the least of max(envelopes) + both costs, and never above the joint truth', () => {
    fc.assert(
      fc.property(
        convexFunctions,
        convexFunctions,
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 2, max: 7 }),
        (f, g, atA, atB, agentsA, agentsB) => {
          const least = Math.min(...Array.from({ length: 31 }, (_, x) => Math.min(f(x), g(x))));
          const a = {
            points: new Map(atA.map((x) => [x, f(x)])),
            maxCount: 30,
            cost: (x: number) => spreadFloor(x, agentsA),
          };
          const b = {
            points: new Map(atB.map((y) => [y, g(y)])),
            maxCount: 30,
            cost: (y: number) => 0.5 * spreadFloor(y, agentsB),
          };
          let brute = Infinity;
          let truth = Infinity;
          for (let x = 0; x <= 30; x++)
            for (let y = 0; y <= 30; y++) {
              const envelopes = Math.max(
                convexEnvelope(a.points, least, x),
                convexEnvelope(b.points, least, y),
              );
              brute = Math.min(brute, envelopes + a.cost(x) + b.cost(y));
              // Any LP(x, y) at least LP(x) and LP(y): the smallest such, max(f, g).
              truth = Math.min(truth, Math.max(f(x), g(y)) + a.cost(x) + b.cost(y));
            }
          const joint = jointMinimum(least, a, b);
          expect(joint.value).toBeCloseTo(brute, 2); // less HiGHS's tolerance
          expect(joint.value).toBeLessThanOrEqual(truth + 1e-6);
          const [x, y] = joint.at;
          expect(
            Math.max(convexEnvelope(a.points, least, x), convexEnvelope(b.points, least, y)) +
              a.cost(x) +
              b.cost(y),
          ).toBeCloseTo(brute, 4);
        },
      ),
      { numRuns: 150 },
    );
  });
});
