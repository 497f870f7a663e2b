/**
 * Staffing maths: Erlang C (M/M/n) and Erlang A (M/M/n+M, callers abandon after an exponential patience).
 * Pure, no factorials: Erlang B by its recursion B(0)=1, B(k)=A·B(k-1)/(k+A·B(k-1)), which stays in [0,1]
 * and is stable for thousands of agents; Erlang C from B. Erlang A from the birth-death chain of the
 * M/M/n+M queue (Palm's model), computed in log-free ratio form.
 */

export interface StaffingInput {
  callsPerInterval: number;
  intervalMinutes: number;
  ahtSeconds: number;
  /** 0..1, share of calls to answer within `targetAnswerSeconds`. */
  targetServiceLevel: number;
  targetAnswerSeconds: number;
  /** Base shrinkage 0..<1 (absence, training, meetings ...). */
  shrinkage?: number;
  /** 0..1; when given, rawAgents also satisfies occupancy ≤ maxOccupancy. */
  maxOccupancy?: number;
  /** Mean patience in seconds: when given, Erlang A is used instead of Erlang C. */
  patienceSeconds?: number;
  /** Enforced recovery after hostile calls, staffed for as an explicit shrinkage part. */
  wellbeing?: { hostileCallRate: number; recoveryMinutesPerHostileCall: number };
}

export interface ShrinkageBreakdown {
  base: number;
  /** Share of rostered time spent in enforced recovery. */
  wellbeing: number;
  /** base + wellbeing, at most MAX_TOTAL_SHRINKAGE. */
  total: number;
  /** Set when base + wellbeing went above MAX_TOTAL_SHRINKAGE and was cut to it: staffing is short. */
  capped?: true;
  /** base + wellbeing before the cap (only when capped). */
  uncappedTotal?: number;
}

export interface StaffingResult {
  rawAgents: number;
  agents: number;
  serviceLevel: number;
  probabilityOfWaiting: number;
  asaSeconds: number;
  occupancy: number;
  /** Erlang A only: share of callers who hang up before being answered. */
  abandonmentProbability?: number;
  model: 'erlang-c' | 'erlang-a';
  trafficErlangs: number;
  shrinkage: ShrinkageBreakdown;
}

/** Shrinkage is capped here so that grossing up never divides by ~0. */
export const MAX_TOTAL_SHRINKAGE = 0.95;

/** Offered load in Erlangs: calls × AHT ÷ interval length. */
export function trafficIntensity(calls: number, intervalMinutes: number, ahtSeconds: number) {
  return (calls * ahtSeconds) / (intervalMinutes * 60);
}

/** Erlang B blocking probability for n servers and A Erlangs, by the stable recursion. */
export function erlangB(n: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that a caller waits (1 when n ≤ A, the queue is unstable). */
export function erlangC(n: number, a: number): number {
  if (a <= 0) return 0;
  if (n <= a) return 1;
  const b = erlangB(n, a);
  return (n * b) / (n - a * (1 - b));
}

export interface QueueFigures {
  serviceLevel: number;
  probabilityOfWaiting: number;
  asaSeconds: number;
  occupancy: number;
  abandonmentProbability?: number;
}

function cFromB(n: number, a: number, b: number, aht: number, t: number): QueueFigures {
  const pw = (n * b) / (n - a * (1 - b));
  return {
    serviceLevel: Math.max(0, 1 - pw * Math.exp((-(n - a) * t) / aht)),
    probabilityOfWaiting: pw,
    asaSeconds: (pw * aht) / (n - a),
    occupancy: a / n,
  };
}

/** Erlang C figures for n agents. */
export function erlangCFigures(
  n: number,
  a: number,
  ahtSeconds: number,
  answerSeconds: number,
): QueueFigures {
  if (a <= 0) return { serviceLevel: 1, probabilityOfWaiting: 0, asaSeconds: 0, occupancy: 0 };
  if (n <= a)
    return { serviceLevel: 0, probabilityOfWaiting: 1, asaSeconds: Infinity, occupancy: 1 };
  return cFromB(n, a, erlangB(n, a), ahtSeconds, answerSeconds);
}

/**
 * Erlang A (M/M/n+M) for n agents: the stationary distribution of the birth-death chain with arrival rate
 * λ, service rate min(k,n)·μ and abandonment rate max(k−n,0)·θ (θ = 1/patience), truncated where the tail
 * is negligible. Service level = P(answered within t), abandoners count as missed; a caller who finds m
 * callers queued ahead is answered when those m+1 "stages" (rates nμ+iθ) finish before its own patience
 * (rate θ): the hypoexponential CDF is computed by uniformisation.
 */
export function erlangAFigures(
  n: number,
  a: number,
  ahtSeconds: number,
  answerSeconds: number,
  patienceSeconds: number,
): QueueFigures {
  if (a <= 0)
    return {
      serviceLevel: 1,
      probabilityOfWaiting: 0,
      asaSeconds: 0,
      occupancy: 0,
      abandonmentProbability: 0,
    };
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const lambda = a * mu;
  // Unnormalised π_k relative to π_n (= 1), going down for k < n and up for k > n.
  const below: number[] = new Array(n + 1).fill(0);
  below[n] = 1;
  let belowSum = 0;
  for (let k = n; k >= 1; k--) {
    // π_{k-1} = π_k · kμ / λ
    below[k - 1] = (below[k] * k * mu) / lambda;
    belowSum += below[k - 1];
    if (below[k - 1] < 1e-300) break;
  }
  const above: number[] = [1]; // above[m] = π_{n+m}
  let aboveSum = 1;
  for (let m = 1; m < 100000; m++) {
    const next = (above[m - 1] * lambda) / (n * mu + m * theta);
    above.push(next);
    aboveSum += next;
    if (next < 1e-14 * aboveSum && m * theta + n * mu > lambda) break;
  }
  const total = belowSum + aboveSum;
  let queueLength = 0;
  for (let m = 1; m < above.length; m++) queueLength += (above[m] / total) * m;
  const pWait = aboveSum / total; // arrivals see time averages (PASTA)
  const abandon = (theta * queueLength) / lambda;
  // Served within t: P(no wait) + Σ_m π_{n+m} · P(m+1 stages done before t and before own patience).
  let servedInTime = 1 - pWait;
  for (let m = 0; m < above.length; m++) {
    const p = above[m] / total;
    if (p < 1e-15) continue;
    servedInTime += p * servedWithin(m, n * mu, theta, answerSeconds);
  }
  const answered = 1 - abandon;
  return {
    serviceLevel: Math.min(1, Math.max(0, servedInTime)),
    probabilityOfWaiting: pWait,
    // Mean wait of all callers (Little: L_q / λ), the usual Erlang A ASA.
    asaSeconds: queueLength / lambda,
    occupancy: Math.min(1, (lambda * answered) / (n * mu)),
    abandonmentProbability: Math.max(0, abandon),
  };
}

/** P(a caller with m queued ahead reaches an agent within t, before abandoning). */
function servedWithin(m: number, serviceRate: number, theta: number, t: number): number {
  // States i = m..0 callers ahead; from i: advance with rate serviceRate + i·θ, abandon with θ.
  const maxRate = serviceRate + (m + 1) * theta;
  const lt = maxRate * t;
  let dist = new Float64Array(m + 2); // index i = callers ahead, last slot = served
  dist[m] = 1;
  let served = 0;
  let poisson = Math.exp(-lt);
  let cumulative = poisson;
  let result = 0;
  const maxJumps = Math.ceil(lt + 10 * Math.sqrt(lt + 1) + 10);
  for (let j = 0; j <= maxJumps; j++) {
    // served mass after j uniformised jumps, weighted by P(N(t) = j)
    result += poisson * served;
    const next = new Float64Array(m + 2);
    next[m + 1] = dist[m + 1]; // served is absorbing
    for (let i = 0; i <= m; i++) {
      const mass = dist[i];
      if (mass === 0) continue;
      const advance = (serviceRate + i * theta) / maxRate;
      const abandon = theta / maxRate;
      next[i] += mass * (1 - advance - abandon);
      if (i === 0) next[m + 1] += mass * advance;
      else next[i - 1] += mass * advance;
    }
    served = next[m + 1];
    dist = next;
    poisson = (poisson * lt) / (j + 1);
    cumulative += poisson;
    if (1 - cumulative < 1e-12 && j > lt) {
      result += (1 - cumulative) * served;
      break;
    }
  }
  return result;
}

/** Recovery workload in Erlangs: calls × hostileCallRate × recovery seconds ÷ interval = A × rate × recovery ÷ AHT. */
export function recoveryErlangs(
  trafficErlangs: number,
  ahtSeconds: number,
  wellbeing?: StaffingInput['wellbeing'],
): number {
  if (!wellbeing || ahtSeconds <= 0) return 0;
  return (
    (trafficErlangs * wellbeing.hostileCallRate * wellbeing.recoveryMinutesPerHostileCall * 60) /
    ahtSeconds
  );
}

/**
 * Wellbeing shrinkage: the share of ROSTERED time spent in enforced recovery. Rostered agents N must
 * leave rawAgents working after base shrinkage and the recovery load R (Erlangs):
 * N·(1 − base) = raw + R, so N = (raw + R) ÷ (1 − base) and the recovery share is R ÷ N. (Dividing R by
 * raw instead over-staffs: recovery time is spent by rostered agents, not only by the raw ones.)
 */
export function wellbeingShrinkage(
  trafficErlangs: number,
  ahtSeconds: number,
  rawAgents: number,
  wellbeing?: StaffingInput['wellbeing'],
  baseShrinkage = 0,
): number {
  const r = recoveryErlangs(trafficErlangs, ahtSeconds, wellbeing);
  if (r <= 0 || rawAgents <= 0) return 0;
  const rostered = (rawAgents + r) / (1 - baseShrinkage);
  return r / rostered;
}

/** Agents to roster for `raw` working agents at `shrinkage`: ceil(raw / (1 − shrinkage)). */
export function grossUp(raw: number, shrinkage: number): number {
  if (raw === 0) return 0;
  // The epsilon keeps 14 / 0.7 = 20.000000000000004 at 20.
  return Math.ceil(raw / (1 - shrinkage) - 1e-9);
}

function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The least whole number of agents meeting the service-level (and occupancy) target, and its figures. */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const a = trafficIntensity(input.callsPerInterval, input.intervalMinutes, input.ahtSeconds);
  const erlangA = input.patienceSeconds !== undefined && input.patienceSeconds > 0;
  const figures = (n: number) =>
    erlangA
      ? erlangAFigures(n, a, input.ahtSeconds, input.targetAnswerSeconds, input.patienceSeconds!)
      : erlangCFigures(n, a, input.ahtSeconds, input.targetAnswerSeconds);
  const meets = (n: number, f: QueueFigures) =>
    f.serviceLevel >= input.targetServiceLevel - 1e-12 &&
    (input.maxOccupancy === undefined || a / n <= input.maxOccupancy + 1e-12);
  let n: number;
  let f: QueueFigures;
  if (a <= 0) {
    n = 0;
    f = figures(0);
  } else {
    // Start where the queue is stable (Erlang C) or 1 (Erlang A), then walk up; SL is monotone in n.
    n = erlangA ? 1 : Math.floor(a) + 1;
    if (input.maxOccupancy !== undefined)
      n = Math.max(n, Math.ceil(a / input.maxOccupancy - 1e-12));
    if (erlangA) {
      f = figures(n);
      while (!meets(n, f)) f = figures(++n);
    } else {
      // Erlang B is carried forward one agent at a time: O(1) per step after the first n.
      let b = erlangB(n, a);
      f = cFromB(n, a, b, input.ahtSeconds, input.targetAnswerSeconds);
      while (!meets(n, f)) {
        n++;
        b = (a * b) / (n + a * b);
        f = cFromB(n, a, b, input.ahtSeconds, input.targetAnswerSeconds);
      }
    }
  }
  const base = input.shrinkage ?? 0;
  const wellbeing = wellbeingShrinkage(a, input.ahtSeconds, n, input.wellbeing, base);
  const uncapped = base + wellbeing;
  const total = Math.min(MAX_TOTAL_SHRINKAGE, uncapped);
  return {
    rawAgents: n,
    agents: grossUp(n, total),
    serviceLevel: round(f.serviceLevel),
    probabilityOfWaiting: round(f.probabilityOfWaiting),
    asaSeconds: round(f.asaSeconds, 2),
    occupancy: round(f.occupancy),
    ...(f.abandonmentProbability !== undefined
      ? { abandonmentProbability: round(f.abandonmentProbability) }
      : {}),
    model: erlangA ? 'erlang-a' : 'erlang-c',
    trafficErlangs: round(a),
    shrinkage: {
      base: round(base),
      wellbeing: round(wellbeing),
      total: round(total),
      ...(uncapped > MAX_TOTAL_SHRINKAGE + 1e-12
        ? { capped: true as const, uncappedTotal: round(uncapped) }
        : {}),
    },
  };
}
