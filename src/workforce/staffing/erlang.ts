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
  /**
   * The wellbeing policy's continuous-work micro-break (after `afterMinutes` without a rest,
   * `minutes` off). A recovery is a rest, so it takes the place of some of these: the recovery load
   * is staffed net of the micro-breaks it saves.
   */
  continuousWorkBreak?: ContinuousWorkBreak;
}

export interface ContinuousWorkBreak {
  afterMinutes: number;
  minutes: number;
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

/** ln Γ(x) for x > 0 (Lanczos, g = 7): only the starts of the summation windows below use it. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  x -= 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised incomplete beta I_z(a, b) by its continued fraction (Numerical Recipes' betacf). */
export function incompleteBeta(z: number, a: number, b: number): number {
  if (z <= 0) return 0;
  if (z >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(z) + b * Math.log1p(-z),
  );
  if (z > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - z, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * z) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * z) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * z) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return (front * h) / a;
}

/** Stationary terms below this share of the largest one are left out: far below double precision. */
const NEGLIGIBLE = 1e-18;

/**
 * A unimodal sequence of positive terms walked outward from its mode, each from its neighbour by
 * the given ratios, until the terms are negligible. Returns [first index, terms relative to the mode].
 */
function aroundMode(
  mode: number,
  lowest: number,
  highest: number,
  down: (i: number) => number, // term(i-1)/term(i)
  up: (i: number) => number, // term(i+1)/term(i)
): [number, number[]] {
  const lower: number[] = [];
  let t = 1;
  for (let i = mode; i > lowest; i--) {
    t *= down(i);
    if (t < NEGLIGIBLE) break;
    lower.push(t);
  }
  const terms = lower.reverse();
  const first = mode - terms.length;
  terms.push(1);
  t = 1;
  for (let i = mode; i < highest; i++) {
    t *= up(i);
    if (t < NEGLIGIBLE) break;
    terms.push(t);
  }
  return [first, terms];
}

/**
 * Erlang A (M/M/n+M, Palm's model) for n agents: arrival rate λ, service rate μ per agent, patience
 * rate θ = 1/patience. Exact, and the work is bounded by the spread of the distribution, never by
 * its range: the stationary probabilities are summed outward from their modes (placed relative to
 * each other with ln Γ) only while they matter, about 2·9·√(λ/θ) queue states and 2·9·√A busy
 * states, so 36,000 s of patience or a million calls cost a few hundred thousand multiplications.
 *
 * Service level = P(answered within t); abandoners count as missed. A caller who finds m callers
 * queued ahead reaches an agent after stages of rates nμ + iθ (i = m..0) while its own patience
 * runs at rate θ. With s = nμ/θ, e^(−θ·wait) ~ Beta(s, m+1), which gives
 * P(answered within t | m ahead) = s/(s+m+1) · P(K ≥ m+1), K ~ NegBin(s+1, e^(−θt)).
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
  if (n <= 0)
    return {
      serviceLevel: 0,
      probabilityOfWaiting: 1,
      asaSeconds: patienceSeconds,
      occupancy: 0,
      abandonmentProbability: 1,
    };
  const lambda = a / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const s = (n * patienceSeconds) / ahtSeconds; // nμ/θ
  const L = (a * patienceSeconds) / ahtSeconds; // λ/θ

  // Busy states j = 0..n-1 (nobody waits): π_j/π_n = n!/j! · A^(j−n), a Poisson(A) shape.
  const busyMode = Math.min(n - 1, Math.floor(a));
  const busyLogMode = logGamma(n + 1) - logGamma(busyMode + 1) - (n - busyMode) * Math.log(a);
  const [, busy] = aroundMode(
    busyMode,
    0,
    n - 1,
    (j) => j / a,
    (j) => a / (j + 1),
  );
  // Queue states n+m: π_{n+m}/π_n = L^m · Γ(s+1)/Γ(s+m+1).
  const queueMode = Math.max(0, Math.floor(L - s));
  const queueLogMode = queueMode * Math.log(L) - (logGamma(s + queueMode + 1) - logGamma(s + 1));
  const [mFrom, queue] = aroundMode(
    queueMode,
    0,
    Infinity,
    (m) => (s + m) / L,
    (m) => L / (s + m + 1),
  );

  const top = Math.max(busyLogMode, queueLogMode);
  const busyScale = Math.exp(busyLogMode - top);
  const queueScale = Math.exp(queueLogMode - top);
  let busyMass = 0;
  for (const b of busy) busyMass += b;
  busyMass *= busyScale;
  let waitingMass = 0;
  let queued = 0;
  for (let i = 0; i < queue.length; i++) {
    waitingMass += queue[i];
    queued += (mFrom + i) * queue[i];
  }
  waitingMass *= queueScale;
  queued *= queueScale;
  const total = busyMass + waitingMass;
  const pWait = waitingMass / total; // arrivals see time averages (PASTA)
  const queueLength = queued / total;
  const abandon = (theta * queueLength) / lambda;

  // Answered within t after waiting: Σ_m π_{n+m} · s/(s+m+1) · P(K ≥ m+1), K ~ NegBin(s+1, x).
  let servedAfterWait = 0;
  if (answerSeconds > 0) {
    const r = s + 1;
    const logX = -theta * answerSeconds;
    const x = Math.exp(logX);
    const oneMinusX = -Math.expm1(logX);
    const logPmfAt = (k: number) =>
      logGamma(r + k) - logGamma(r) - logGamma(k + 1) + r * logX + k * Math.log(oneMinusX);
    // P(K ≥ k) = I_{1−x}(k, r) at the window's start, then less P(K = k) for each next k; P(K = k)
    // matters only within 10 standard deviations of its mode, computed by its ratio from there.
    const kFirst = mFrom + 1;
    const kLast = mFrom + queue.length;
    let tail = incompleteBeta(oneMinusX, kFirst, r);
    const kMode = x > 0 ? ((r - 1) * oneMinusX) / x : Infinity;
    const kSpread = x > 0 ? Math.sqrt(r * oneMinusX) / x : Infinity;
    const kStart = Math.max(kFirst, Math.floor(kMode - 10 * kSpread - 10));
    let pmf = kStart <= kLast ? Math.exp(logPmfAt(kStart)) : 0;
    let k = kFirst;
    for (let i = 0; i < queue.length; i++, k++) {
      servedAfterWait += queue[i] * (s / (s + k)) * Math.max(0, tail);
      if (k >= kStart && pmf > 0) {
        tail -= pmf;
        pmf *= ((r + k) / (k + 1)) * oneMinusX; // P(K = k+1) / P(K = k)
      }
    }
    servedAfterWait *= queueScale / total;
  }
  const answered = 1 - abandon;
  return {
    serviceLevel: Math.min(1, Math.max(0, 1 - pWait + servedAfterWait)),
    probabilityOfWaiting: pWait,
    // Mean wait of all callers (Little: L_q / λ), the usual Erlang A ASA.
    asaSeconds: queueLength / lambda,
    occupancy: Math.min(1, (lambda * answered * ahtSeconds) / n),
    abandonmentProbability: Math.max(0, abandon),
  };
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
  continuousWorkBreak?: ContinuousWorkBreak,
): number {
  const r = netRecoveryErlangs(
    trafficErlangs,
    ahtSeconds,
    rawAgents,
    wellbeing,
    continuousWorkBreak,
  );
  if (r <= 0 || rawAgents <= 0) return 0;
  const rostered = (rawAgents + r) / (1 - baseShrinkage);
  return r / rostered;
}

/**
 * Micro-break time (Erlangs) that recoveries save `loggedIn` agents: without recovery an agent
 * takes `minutes` off after every `afterMinutes` of work (a share minutes / (after + minutes) of its
 * time); a recovery resets that clock, so with recoveries arriving at `hostilePerAgentHour` (Poisson)
 * a micro-break is still due only when `afterMinutes` pass without one: exp(−rate · after).
 */
export function savedMicroBreakErlangs(
  loggedIn: number,
  hostilePerAgentHour: number,
  rule: ContinuousWorkBreak,
): number {
  if (loggedIn <= 0 || hostilePerAgentHour <= 0 || rule.minutes <= 0) return 0;
  const share = rule.minutes / (rule.afterMinutes + rule.minutes);
  return loggedIn * share * (1 - Math.exp(-(hostilePerAgentHour * rule.afterMinutes) / 60));
}

/**
 * The recovery load staffing carries: R (`recoveryErlangs`) less the micro-breaks recoveries save
 * (checked against the simulator: a 20 %-hostility day on 40 agents needed +9 to +10 agents to hold
 * the no-enforcement day's service level, where R alone asked for +13). The agents logged in, which
 * set how often each one has a hostile call, depend on the answer: two rounds settle it.
 */
export function netRecoveryErlangs(
  trafficErlangs: number,
  ahtSeconds: number,
  rawAgents: number,
  wellbeing?: StaffingInput['wellbeing'],
  continuousWorkBreak?: ContinuousWorkBreak,
): number {
  const r = recoveryErlangs(trafficErlangs, ahtSeconds, wellbeing);
  if (r <= 0 || !continuousWorkBreak || !wellbeing) return r;
  const hostilePerHour = ((trafficErlangs * 3600) / ahtSeconds) * wellbeing.hostileCallRate;
  let net = r;
  for (let round = 0; round < 2; round++) {
    const loggedIn = rawAgents + net;
    const saved = savedMicroBreakErlangs(loggedIn, hostilePerHour / loggedIn, continuousWorkBreak);
    net = Math.max(0, r - saved);
  }
  return net;
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

/**
 * The least n ≥ lowest that meets the target (monotone in n): bracket it between a failing and a
 * meeting n (steps of `firstStep` doubling away from the guess), then narrow the bracket
 * by interpolating the service level (bisecting whenever that narrows too slowly): about ten figure
 * evaluations instead of one per agent.
 */
function leastMeeting(
  lowest: number,
  guess: number,
  firstStep: number,
  target: number,
  figures: (n: number) => QueueFigures,
  meets: (n: number, f: QueueFigures) => boolean,
): [number, QueueFigures] {
  let ok: { n: number; f: QueueFigures };
  let fail: { n: number; sl: number };
  const start = Math.max(lowest, guess);
  const atStart = figures(start);
  if (meets(start, atStart)) {
    ok = { n: start, f: atStart };
    for (let step = firstStep; ; step *= 2) {
      if (ok.n === lowest) return [ok.n, ok.f];
      const n = Math.max(lowest, ok.n - step);
      const f = figures(n);
      if (!meets(n, f)) {
        fail = { n, sl: f.serviceLevel };
        break;
      }
      ok = { n, f };
    }
  } else {
    fail = { n: start, sl: atStart.serviceLevel };
    for (let step = firstStep; ; step *= 2) {
      const n = fail.n + step;
      const f = figures(n);
      if (meets(n, f)) {
        ok = { n, f };
        break;
      }
      fail = { n, sl: f.serviceLevel };
    }
  }
  let bisect = false;
  while (ok.n - fail.n > 1) {
    const width = ok.n - fail.n;
    const slope = ok.f.serviceLevel - fail.sl;
    let n =
      bisect || !(slope > 0)
        ? fail.n + Math.floor(width / 2)
        : fail.n + Math.round(((target - fail.sl) / slope) * width);
    n = Math.min(ok.n - 1, Math.max(fail.n + 1, n));
    const f = figures(n);
    if (meets(n, f)) ok = { n, f };
    else fail = { n, sl: f.serviceLevel };
    // Interpolation can creep along one side of a curved service level: then halve.
    bisect = !bisect && ok.n - fail.n > width / 2;
  }
  return [ok.n, ok.f];
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
      // At most n/A of the callers can be answered at all, so fewer agents cannot meet the target.
      n = Math.max(n, Math.floor(a * input.targetServiceLevel));
      // The fluid model's answer when agents are short (callers wait ln(A/n)/θ; answered within t
      // once n ≥ A·e^(−θt)), A itself when they are not: the search starts there.
      const fluid = a * Math.exp(-input.targetAnswerSeconds / input.patienceSeconds!);
      [n, f] = leastMeeting(
        n,
        Math.round(fluid),
        Math.max(1, Math.round(Math.sqrt(a))),
        input.targetServiceLevel,
        figures,
        meets,
      );
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
  const wellbeing = wellbeingShrinkage(
    a,
    input.ahtSeconds,
    n,
    input.wellbeing,
    base,
    input.continuousWorkBreak,
  );
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
