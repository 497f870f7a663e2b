import type { components } from '../../lib/api/schema';

/** What `GET /v1/breaks/capacity` says of a break the agent is about to book. */
export type BreakCapacity = components['schemas']['BreakCapacityDto'];

/**
 * Why a break does not fit, so the agent is told what would help: another time (the team is
 * full then), a shorter break (today's allowance), or nothing they can choose (too few of the team
 * are logged in for the cap to allow anyone: 15% of six is no one).
 */
export type BreakRefusal = 'overAllowance' | 'tooFewLoggedIn' | 'full';

export function breakRefusal(c: BreakCapacity, minutes: number): BreakRefusal | null {
  if (c.fits) return null;
  if (c.usedMinutes + minutes > c.allowanceMinutes) return 'overAllowance';
  return c.cap === 0 ? 'tooFewLoggedIn' : 'full';
}

/** The translation key for a refused booking's error code (a cap of zero has its own words). */
export function breakErrorKey(code: string, details: unknown): string {
  const cap = (details as { cap?: unknown } | undefined)?.cap;
  if (code === 'BREAK_CAPACITY' && cap === 0) return 'breaks.tooFewLoggedIn';
  return `breaks.errors.${code}`;
}
