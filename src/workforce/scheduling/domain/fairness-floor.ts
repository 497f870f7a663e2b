/**
 * A fairness floor under the lower bound. The objective charges w · Σ_a |x_a − E/n| for evening (and
 * weekend) shifts, x_a an agent's count and E the roster's total. Two facts bound it from below:
 * 1. Whole shifts cannot be split: n agents sharing E shifts spread them at least 2r(n−r)/n, r = E mod n
 *    (r agents above the mean by 1 − r/n, the others below it by r/n; `spreadFloor`).
 * 2. E is not free: the relaxation with its evening count fixed to E, LP(E), is convex in E and costs
 *    more the further E moves from what coverage needs (300 × 7: 396 a shift below 369, 4 above).
 * So every roster costs at least min over integer E of LP(E) + w · spreadFloor(E). LP(E) is known only
 * where it was solved; between those points convexity bounds it from below (each chord, extended past
 * its two ends), and the global LP optimum bounds it everywhere. The minimum of that envelope plus the
 * floor is a valid bound at any moment, so the search for it may stop whenever time runs out; it
 * solves LP(E) where the envelope's minimum lies until that point is a solved one (Kelley's method in
 * one dimension).
 */

/** The least Σ |x_a − count/agents| over whole counts x_a ≥ 0 of `agents` agents summing to `count`. */
export function spreadFloor(count: number, agents: number): number {
  if (agents <= 0) return 0;
  const r = count - Math.floor(count / agents) * agents;
  return (2 * r * (agents - r)) / agents;
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
  agents: number;
  weight: number;
  /** LP(count); null when it was not solved to optimality (infeasible, out of time). */
  solve: (count: number) => Promise<number | null>;
  /** Stop starting solves: the bound found so far is returned. */
  stop: () => boolean;
  maxSolves: number;
}

export interface FloorResult {
  /** min over counts of the envelope plus the weighted floor: a valid bound on the objective. */
  bound: number;
  /** The count where it lies, and whether LP was solved there (the bound is then exact). */
  at: number;
  exact: boolean;
  solves: number;
}

/** The envelope's minimum plus the weighted floor, over every count. */
export function envelopeMinimum(
  points: Map<number, number>,
  optimum: number,
  maxCount: number,
  agents: number,
  weight: number,
): { at: number; value: number } {
  let at = 0;
  let value = Infinity;
  for (let x = 0; x <= maxCount; x++) {
    const v = convexEnvelope(points, optimum, x) + weight * spreadFloor(x, agents);
    if (v < value - 1e-9) [at, value] = [x, v];
  }
  return { at, value };
}

export async function fairnessFloor(search: FloorSearch): Promise<FloorResult> {
  const points = new Map<number, number>();
  const tried = new Set<number>();
  let solves = 0;
  const solveAt = async (x: number) => {
    if (tried.has(x) || x < 0 || x > search.maxCount) return;
    tried.add(x);
    solves++;
    const v = await search.solve(x);
    if (v !== null) points.set(x, v);
  };
  // HiGHS's optima carry a small tolerance: the bound stays on the low side of it.
  const low = (v: number) => v - 1e-6 * Math.max(1, Math.abs(v));
  const around = Math.round(search.start);
  for (const x of [around - 1, around, around + 1]) {
    if (search.stop() || solves >= search.maxSolves) break;
    await solveAt(x);
  }
  for (;;) {
    const min = envelopeMinimum(
      points,
      search.optimum,
      search.maxCount,
      search.agents,
      search.weight,
    );
    const exact = points.has(min.at);
    if (exact || tried.has(min.at) || search.stop() || solves >= search.maxSolves)
      return { bound: low(min.value), at: min.at, exact, solves };
    await solveAt(min.at);
  }
}
