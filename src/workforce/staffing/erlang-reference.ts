import type { QueueFigures } from './erlang';

/**
 * Reference Erlang A for tests only: the plain birth-death chain summed term by term and the
 * service level by uniformisation, one caller position at a time. Slow (quadratic and more) but
 * independent of the Beta/NegBin identity and the log-space windows of erlang.ts.
 */
export function referenceErlangAFigures(
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
