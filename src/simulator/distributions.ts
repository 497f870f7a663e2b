import type { Prng } from './prng';

/** Exponential with the given mean (inverse transform). */
export function exponential(rng: Prng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Standard normal (Box–Muller). */
export function standardNormal(rng: Prng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Lognormal with the given mean and coefficient of variation (sd / mean), the usual shape of
 * call handle times: mu and sigma follow from mean = e^(mu + sigma²/2), cv² = e^(sigma²) - 1.
 */
export function lognormal(rng: Prng, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(rng));
}
