/**
 * A fairness floor under the lower bound. The objective charges w · Σ_a |x_a − E/n| for evening (and
 * weekend) shifts, x_a an agent's count and E the roster's total. Two facts bound it from below:
 * 1. Whole shifts cannot be split: n agents sharing E shifts spread them at least 2r(n−r)/n, r = E mod n
 *    (r agents above the mean by 1 − r/n, the others below it by r/n; `spreadFloor`). Some agents also
 *    pay for each such shift past a few: an evening for one whose start window no evening shift starts
 *    in, a weekend shift past those on days not among their preferred days off (`costFloor`).
 * 2. E is not free: the relaxation with its evening count fixed to E, LP(E), is convex in E and costs
 *    more the further E moves from what coverage needs (300 × 7: 396 a shift below 369, 4 above).
 * So every roster costs at least min over integer E of LP(E) + costFloor(E). LP(E) is known only
 * where it was solved; between those points convexity bounds it from below (each chord, extended past
 * its two ends), and the global LP optimum bounds it everywhere. The minimum of that envelope plus the
 * floor is a valid bound at any moment, so the search for it may stop whenever time runs out; it
 * solves LP(E) where the envelope's minimum lies until that point is a solved one (Kelley's method in
 * one dimension). Evenings and weekends are different parts of the objective, so their floors add up
 * where both counts are taken together (`jointMinimum`).
 */

/** HiGHS's optima carry a small tolerance: a bound stays on the low side of it. */
const low = (v: number) => v - 1e-6 * Math.max(1, Math.abs(v));

/** The least Σ |x_a − count/agents| over whole counts x_a ≥ 0 of `agents` agents summing to `count`. */
export function spreadFloor(count: number, agents: number): number {
  if (agents <= 0) return 0;
  const r = count - Math.floor(count / agents) * agents;
  return (2 * r * (agents - r)) / agents;
}

/** Agents alike for a floor: each of their shifts of the kind past the `free`-th costs `extra` more. */
export interface CostClass {
  agents: number;
  free: number;
  extra: number;
}

/**
 * The least Σ_a weight · |x_a − count/n| + extra_a · max(0, x_a − free_a) over whole counts
 * 0 ≤ x_a ≤ maxEach summing to `count` (n agents in all); Infinity when the count cannot be worked.
 * Each agent's cost is convex in x_a, so handing the count out one shift at a time, each to the agent
 * whose next shift costs least, is exact.
 */
export function costFloor(
  count: number,
  classes: CostClass[],
  weight: number,
  maxEach: number,
): number {
  const n = classes.reduce((s, c) => s + c.agents, 0);
  if (count > n * maxEach) return Infinity;
  if (n === 0) return 0;
  const mean = count / n;
  // Every agent at 0 first, then the count's cheapest next shifts.
  let cost = weight * mean * n;
  const steps: Array<[number, number]> = [];
  for (const c of classes)
    for (let k = 0; k < maxEach; k++)
      steps.push([
        weight * (Math.abs(k + 1 - mean) - Math.abs(k - mean)) + (k >= c.free ? c.extra : 0),
        c.agents,
      ]);
  steps.sort((x, y) => x[0] - y[0]);
  let left = count;
  for (const [price, agents] of steps) {
    if (left <= 0) break;
    const take = Math.min(left, agents);
    cost += take * price;
    left -= take;
  }
  return cost;
}

/**
 * A lower bound on a convex function at x from its values at some integer points: the chord of two
 * neighbouring points bounds the function outside the two (convexity), `floor` bounds it everywhere.
 */
export function convexEnvelope(points: Map<number, number>, floor: number, x: number): number {
  const known = points.get(x);
  if (known !== undefined) return Math.max(known, floor);
  const xs = [...points.keys()].sort((a, b) => a - b);
  let best = floor;
  for (let i = 0; i + 1 < xs.length; i++) {
    const [a, b] = [xs[i], xs[i + 1]];
    if (a < x && x < b) continue;
    const slope = (points.get(b)! - points.get(a)!) / (b - a);
    best = Math.max(best, points.get(a)! + slope * (x - a));
  }
  return best;
}

export interface FloorSearch {
  /** The relaxation's optimum (the coverage bound). */
  optimum: number;
  /** The relaxation's own count of such shifts (fractional); the search starts around it. */
  start: number;
  /** Counts from 0 to this are possible (agents × days). */
  maxCount: number;
  /** The least fairness (and preference) cost of the kind's shifts at a count (`costFloor`). */
  cost: (count: number) => number;
  /** LP(count); null when it was not solved to optimality (infeasible, out of time). */
  solve: (count: number) => Promise<number | null>;
  /** Stop starting solves: the bound found so far is returned. */
  stop: () => boolean;
  maxSolves: number;
  /** Where LP(count) goes as it is solved (the caller may read a stopped search's progress). */
  points?: Map<number, number>;
}

export interface FloorResult {
  /** min over counts of the envelope plus the weighted floor: a valid bound on the objective. */
  bound: number;
  /** The count where it lies, and whether LP was solved there (the bound is then exact). */
  at: number;
  exact: boolean;
  solves: number;
  /** LP(count) where it was solved: the envelope the joint minimum reads. */
  points: Map<number, number>;
  /** For the joint minimum: the weekend count where it lies (`at` is the evening count). */
  atOther?: number;
}

/** The envelope's minimum plus the weighted floor, over every count. */
export function envelopeMinimum(
  points: Map<number, number>,
  optimum: number,
  maxCount: number,
  cost: (count: number) => number,
): { at: number; value: number } {
  let at = 0;
  let value = Infinity;
  for (let x = 0; x <= maxCount; x++) {
    const v = convexEnvelope(points, optimum, x) + cost(x);
    if (v < value - 1e-9) [at, value] = [x, v];
  }
  return { at, value };
}

/** The bound the solved points give now (the search's result, had it stopped here). */
export function floorFrom(
  points: Map<number, number>,
  optimum: number,
  maxCount: number,
  cost: (count: number) => number,
): Omit<FloorResult, 'solves'> {
  const min = envelopeMinimum(points, optimum, maxCount, cost);
  return { bound: low(min.value), at: min.at, exact: points.has(min.at), points };
}

export async function fairnessFloor(search: FloorSearch): Promise<FloorResult> {
  const points = search.points ?? new Map<number, number>();
  const tried = new Set<number>();
  let solves = 0;
  const solveAt = async (x: number) => {
    if (tried.has(x) || x < 0 || x > search.maxCount) return;
    tried.add(x);
    solves++;
    const v = await search.solve(x);
    if (v !== null) points.set(x, v);
  };
  const around = Math.round(search.start);
  for (const x of [around - 1, around, around + 1]) {
    if (search.stop() || solves >= search.maxSolves) break;
    await solveAt(x);
  }
  for (;;) {
    const now = floorFrom(points, search.optimum, search.maxCount, search.cost);
    const { at, exact } = now;
    // Where an LP failed (out of time), one halfway to the nearest solved count lifts the envelope
    // there too.
    let target = at;
    while (tried.has(target) && !points.has(target) && points.size > 0) {
      const nearest = [...points.keys()].reduce((b, x) =>
        Math.abs(x - target) < Math.abs(b - target) ? x : b,
      );
      const halfway = Math.round((target + nearest) / 2);
      if (halfway === target || halfway === nearest) break;
      target = halfway;
    }
    if (exact || tried.has(target) || search.stop() || solves >= search.maxSolves)
      return { ...now, solves };
    await solveAt(target);
  }
}

/** One kind's side of the joint minimum: its LP(count) where solved, and its cost at a count. */
export interface KindFloor {
  points: Map<number, number>;
  maxCount: number;
  cost: (count: number) => number;
}

/**
 * min over counts (x, y) of max(envelope_a(x), envelope_b(y)) + cost_a(x) + cost_b(y): a bound on every
 * roster, since LP(x, y) is at least LP(x) and at least LP(y), and the two costs are different parts
 * of the objective. Each pair is counted where its larger envelope is: for each x, the cheapest y
 * whose envelope is no higher (a prefix minimum over y sorted by envelope), and the other way round.
 */
export function jointMinimum(
  optimum: number,
  a: KindFloor,
  b: KindFloor,
): { value: number; at: [number, number] } {
  const side = (k: KindFloor) => {
    const env = new Float64Array(k.maxCount + 1);
    const cost = new Float64Array(k.maxCount + 1);
    for (let x = 0; x <= k.maxCount; x++) {
      env[x] = convexEnvelope(k.points, optimum, x);
      cost[x] = k.cost(x);
    }
    return { env, cost };
  };
  const [sa, sb] = [side(a), side(b)];
  let value = Infinity;
  let at: [number, number] = [0, 0];
  const half = (p: typeof sa, q: typeof sa, flip: boolean) => {
    const order = Array.from(q.env.keys()).sort((i, j) => q.env[i] - q.env[j]);
    const prefix = new Float64Array(order.length);
    const argmin = new Int32Array(order.length);
    order.forEach((y, i) => {
      const better = i === 0 || q.cost[y] < prefix[i - 1];
      prefix[i] = better ? q.cost[y] : prefix[i - 1];
      argmin[i] = better ? y : argmin[i - 1];
    });
    for (let x = 0; x < p.env.length; x++) {
      if (!Number.isFinite(p.cost[x])) continue;
      // The last y in order whose envelope is at most p's here.
      let [lo, hi] = [0, order.length - 1];
      if (q.env[order[0]] > p.env[x]) continue;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (q.env[order[mid]] <= p.env[x]) lo = mid;
        else hi = mid - 1;
      }
      const v = p.env[x] + p.cost[x] + prefix[lo];
      if (v < value) {
        value = v;
        at = flip ? [argmin[lo], x] : [x, argmin[lo]];
      }
    }
  };
  half(sa, sb, false);
  half(sb, sa, true);
  return { value: low(value), at };
}
