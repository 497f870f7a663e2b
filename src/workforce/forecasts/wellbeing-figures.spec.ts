import { wellbeingFigures } from './wellbeing-figures';

const settings = { hostileCallRate: 0.05, recoveryMinutesPerHostileCall: 7 };
const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-29T00:00:00.000Z', weeks: 4 };

describe('wellbeing figures', () => {
  it('takes the hostile share and the severity-weighted policy minutes from history', () => {
    const f = wellbeingFigures(
      { answered: 200, hostile: 10, bySeverity: [6, 3, 1] },
      [5, 10, 15],
      settings,
      window,
    );
    // (10 + 100 × 0.05) / (200 + 100): the history agrees with the setting here.
    expect(f.hostileCallRate).toEqual({
      value: 0.05,
      source: 'history',
      answeredCalls: 200,
      hostileCalls: 10,
      observedRate: 0.05,
      settingWeightCalls: 100,
    });
    // (6·5 + 3·10 + 1·15) / 10 = 7.5
    expect(f.recoveryMinutesPerHostileCall).toMatchObject({ value: 7.5, source: 'history' });
  });

  it('falls back to the stored settings without history', () => {
    const none = wellbeingFigures(
      { answered: 0, hostile: 0, bySeverity: [0, 0, 0] },
      [5, 10, 15],
      settings,
      window,
    );
    expect(none.hostileCallRate).toMatchObject({ value: 0.05, source: 'setting' });
    expect(none.recoveryMinutesPerHostileCall).toEqual({ value: 7, source: 'setting' });
    // Calls but no hostile one: the rate leans toward 0 from the setting, the minutes cannot be observed.
    const calm = wellbeingFigures(
      { answered: 50, hostile: 0, bySeverity: [0, 0, 0] },
      [5, 10, 15],
      settings,
      window,
    );
    // (0 + 100 × 0.05) / (50 + 100)
    expect(calm.hostileCallRate).toMatchObject({
      value: 0.033333,
      source: 'history',
      observedRate: 0,
    });
    expect(calm.recoveryMinutesPerHostileCall.source).toBe('setting');
  });

  it("weighs a new team's few calls against its setting, and lets a long history decide", () => {
    const rate = (answered: number, hostile: number) =>
      wellbeingFigures(
        { answered, hostile, bySeverity: [hostile, 0, 0] },
        [5, 10, 15],
        settings,
        window,
      ).hostileCallRate.value;
    // One hostile call out of one answered: not 100% hostility, (1 + 5) / 101.
    expect(rate(1, 1)).toBeCloseTo(0.059406, 6);
    // A team that really meets 20% hostility: 40 of 200 calls, (40 + 5) / 300 = 15%; of 5,000, 19.7%.
    expect(rate(200, 40)).toBe(0.15);
    expect(rate(5000, 1000)).toBeCloseTo(0.197059, 6);
    // More hostile calls never lower the figure, more calm calls never raise it.
    expect(rate(200, 41)).toBeGreaterThan(rate(200, 40));
    expect(rate(201, 40)).toBeLessThan(rate(200, 40));
  });

  it('takes the minutes the policy actually granted, escalations included, when there were grants', () => {
    const f = wellbeingFigures(
      { answered: 2000, hostile: 319, bySeverity: [150, 120, 49] },
      [5, 10, 15],
      settings,
      window,
      // 145 of 319 recoveries escalated to 15 minutes (as observed at 20% hostility).
      { grants: 319, escalated: 145, meanMinutes: 10.4 },
    );
    expect(f.recoveryMinutesPerHostileCall).toMatchObject({
      value: 10.4,
      source: 'history',
      basis: 'grants',
      grants: 319,
      escalatedGrants: 145,
    });
  });
});
