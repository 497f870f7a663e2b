/**
 * Intervals over seeds: each seed is one independent day, so a figure's mean over N seeds gets a
 * Student t interval (N - 1 degrees of freedom). Policies compared on one seed see the same calls,
 * so their difference is taken seed by seed (a paired interval), much narrower than the two
 * intervals side by side. Pure: no Nest, no database.
 */

/** t(0.975, df) for df = 1..30. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** The two-sided 95% quantile of Student's t with `df` degrees of freedom (beyond 30: within 0.001). */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom: ${df}`);
  if (df <= 30) return T975[df - 1];
  // 1.96 + c/df fits the table's tail (df 40: 2.021, 60: 2.000, 120: 1.980).
  return 1.96 + (0.082 * 30) / df;
}

export interface Interval {
  n: number;
  mean: number;
  /** Half the width of the 95% interval; null with fewer than two values (no spread to measure). */
  halfWidth: number | null;
  low: number | null;
  high: number | null;
}

/** The mean of the values and its 95% t interval. */
export function meanInterval(values: number[]): Interval {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, halfWidth: null, low: null, high: null };
  const mean = values.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { n, mean, halfWidth: null, low: null, high: null };
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

/** `b - a` seed by seed (the same index is the same seed), with its 95% interval. */
export function pairedDifference(a: number[], b: number[]): Interval {
  if (a.length !== b.length) throw new RangeError('paired values: one per seed on both sides');
  return meanInterval(a.map((x, i) => b[i] - x));
}

/** Whether the interval excludes zero (the difference is not down to the seeds' luck). */
export function excludesZero(i: Interval): boolean {
  return i.low !== null && i.high !== null && (i.low > 0 || i.high < 0);
}
