import { DEFAULT_HOSTILE_MIX, drawHostile } from './hostile';
import { Prng } from './prng';

describe('hostile mix', () => {
  it('is hostile at the set rate, with the severity mix and the sentiment share', () => {
    const rng = new Prng('hostile');
    const drawn = Array.from({ length: 100_000 }, () => drawHostile(rng, DEFAULT_HOSTILE_MIX));
    const hostile = drawn.filter((h) => h !== null);
    expect(hostile.length / drawn.length).toBeCloseTo(0.05, 2);
    const bySeverity = [1, 2, 3].map(
      (s) => hostile.filter((h) => h!.severity === s).length / hostile.length,
    );
    expect(bySeverity[0]).toBeCloseTo(0.6, 1);
    expect(bySeverity[1]).toBeCloseTo(0.3, 1);
    expect(bySeverity[2]).toBeCloseTo(0.1, 1);
    expect(
      hostile.filter((h) => h!.detectedBy === 'sentiment').length / hostile.length,
    ).toBeCloseTo(0.7, 1);
    for (const h of hostile) {
      expect(h!.flagAt).toBeGreaterThanOrEqual(0.3);
      expect(h!.flagAt).toBeLessThan(0.9);
      expect(h!.reportDelaySeconds).toBeGreaterThanOrEqual(5);
      expect(h!.reportDelaySeconds).toBeLessThan(60);
    }
  });

  it('never makes a call hostile at rate 0, always at rate 1', () => {
    const rng = new Prng('edge');
    for (let i = 0; i < 1000; i++) {
      expect(drawHostile(rng, { ...DEFAULT_HOSTILE_MIX, rate: 0 })).toBeNull();
      expect(drawHostile(rng, { ...DEFAULT_HOSTILE_MIX, rate: 1 })).not.toBeNull();
    }
  });

  it('draws the same amount of randomness whether or not a call is hostile', () => {
    const a = new Prng('n');
    const b = new Prng('n');
    drawHostile(a, { ...DEFAULT_HOSTILE_MIX, rate: 0 });
    drawHostile(b, { ...DEFAULT_HOSTILE_MIX, rate: 1 });
    expect(a.next()).toBe(b.next());
  });
});
