import { figuresOverSeeds, formatInterval, renderSeedsTable } from './summary-seeds';
import type { RunSummary } from './summary';

const run = (policy: string, serviceLevel: number, fullRecoveryShare: number | null) =>
  ({
    policy,
    serviceLevel,
    abandonment: 0.05,
    asaSeconds: 8,
    occupancy: 0.8,
    hostileCalls: 10,
    hostileGini: 0.2,
    fullRecoveryShare,
    recoveryMinutes: 100,
    counsellingOffers: 3,
  }) as RunSummary;

describe('figures over seeds', () => {
  const bySeed = [
    [run('on', 0.8, 1), run('off', 0.83, 0)],
    [run('on', 0.82, null), run('off', 0.84, 0)],
    [run('on', 0.78, 0.9), run('off', 0.82, 0)],
  ];

  it('gives each policy its interval and the paired difference to the first', () => {
    const figures = figuresOverSeeds(bySeed);
    const sl = figures.find((f) => f.key === 'serviceLevel')!;
    expect(sl.perPolicy.map((i) => i.n)).toEqual([3, 3]);
    expect(sl.perPolicy[0].mean).toBeCloseTo(0.8, 9);
    expect(sl.differences).toHaveLength(1);
    expect(sl.differences[0].mean).toBeCloseTo(0.03, 9);
    // Paired: the gaps 3, 2, 4 points vary less than the seeds themselves.
    expect(sl.differences[0].halfWidth!).toBeLessThan(sl.perPolicy[0].halfWidth!);
    // A seed without the figure is left out of it and of its difference.
    const full = figures.find((f) => f.key === 'fullRecoveryShare')!;
    expect(full.perPolicy.map((i) => i.n)).toEqual([2, 3]);
    expect(full.differences[0].n).toBe(2);
  });

  it('prints shares in percent and differences in signed points', () => {
    const [sl] = figuresOverSeeds(bySeed);
    expect(formatInterval(sl.perPolicy[0], 'share')).toBe('80.0% ± 5.0');
    expect(formatInterval(sl.differences[0], 'share', true)).toBe('+3.0 pt ± 2.5');
    expect(formatInterval({ n: 1, mean: 12, halfWidth: null, low: null, high: null }, 0)).toBe(
      '12',
    );
    const table = renderSeedsTable(figuresOverSeeds(bySeed), ['on', 'off'], 3);
    expect(table).toContain('mean over 3 seeds');
    expect(table.split('\n')[1]).toMatch(/on\s+off\s+off − on$/);
  });
});
