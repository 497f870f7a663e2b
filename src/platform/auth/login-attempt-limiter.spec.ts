import { LoginAttemptLimiter } from './login-attempt-limiter';

describe('LoginAttemptLimiter', () => {
  it('locks a key out after the fifth failure until the oldest failure leaves the window', () => {
    const limiter = new LoginAttemptLimiter(5, 60_000);
    for (let i = 0; i < 4; i++) limiter.recordFailure('a', i * 1000);
    expect(limiter.retryAfterSeconds('a', 4000)).toBe(0);
    limiter.recordFailure('a', 4000);
    expect(limiter.retryAfterSeconds('a', 5000)).toBe(55);
    expect(limiter.retryAfterSeconds('b', 5000)).toBe(0);
    expect(limiter.retryAfterSeconds('a', 60_001)).toBe(0);
  });

  it('forgets failures after a success', () => {
    const limiter = new LoginAttemptLimiter(2, 60_000);
    limiter.recordFailure('a', 0);
    limiter.recordFailure('a', 1);
    expect(limiter.retryAfterSeconds('a', 2)).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfterSeconds('a', 2)).toBe(0);
  });
});
