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
    expect(f.hostileCallRate).toEqual({
      value: 0.05,
      source: 'history',
      answeredCalls: 200,
      hostileCalls: 10,
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
    // Calls but no hostile one: the rate is observed (0), the minutes cannot be.
    const calm = wellbeingFigures(
      { answered: 50, hostile: 0, bySeverity: [0, 0, 0] },
      [5, 10, 15],
      settings,
      window,
    );
    expect(calm.hostileCallRate).toMatchObject({ value: 0, source: 'history' });
    expect(calm.recoveryMinutesPerHostileCall.source).toBe('setting');
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
