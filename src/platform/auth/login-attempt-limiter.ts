/**
 * The lock-out rule for failed logins, pure and clock-driven so it is unit-tested without waiting.
 * Failures are counted per key in a sliding window; the store (PostgreSQL, shared by replicas) is
 * LoginAttemptsService's.
 */
export interface LimitRule {
  maxFailures: number;
  windowMs: number;
}

/** Per email: a guessed password; per client address: one address trying many emails. */
export const LOGIN_LIMITS = {
  email: { maxFailures: 5, windowMs: 15 * 60 * 1000 },
  address: { maxFailures: 20, windowMs: 15 * 60 * 1000 },
} as const satisfies Record<string, LimitRule>;

/**
 * Seconds until a key may try again (0: it may try now), given the times of its failures within
 * the window (oldest first is not required).
 */
export function retryAfterSeconds(
  failureTimesMs: number[],
  nowMs: number,
  rule: LimitRule,
): number {
  const recent = failureTimesMs.filter((t) => t > nowMs - rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return 0;
  // The key may try again once enough failures have left the window to bring it under the limit.
  const freeing = recent[recent.length - rule.maxFailures];
  return Math.max(1, Math.ceil((freeing + rule.windowMs - nowMs) / 1000));
}
