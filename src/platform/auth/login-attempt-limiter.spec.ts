import fc from 'fast-check';
import { retryAfterSeconds } from './login-attempt-limiter';

describe('retryAfterSeconds', () => {
  const rule = { maxFailures: 5, windowMs: 60_000 };

  it('locks a key out at the fifth failure until the oldest failure leaves the window', () => {
    const four = [0, 1000, 2000, 3000];
    expect(retryAfterSeconds(four, 4000, rule)).toBe(0);
    expect(retryAfterSeconds([...four, 4000], 5000, rule)).toBe(55);
    expect(retryAfterSeconds([...four, 4000], 60_001, rule)).toBe(0);
  });

  it('never locks fewer failures than the limit out, and always locks as many', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 59_999 }), { maxLength: 12 }), (times) => {
        const wait = retryAfterSeconds(times, 60_000, rule);
        const inWindow = times.filter((t) => t > 0).length;
        if (inWindow < rule.maxFailures) expect(wait).toBe(0);
        else expect(wait).toBeGreaterThan(0);
      }),
    );
  });
});
