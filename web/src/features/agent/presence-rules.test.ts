import { allowedRequests, ENFORCED_STATES, stateClock } from './presence-rules';

describe('presence rules', () => {
  it('offers no button that could end an enforced state', () => {
    for (const s of ENFORCED_STATES) expect(allowedRequests(s)).toEqual([]);
    expect(allowedRequests('on_call')).toEqual([]);
    expect(allowedRequests('offline')).toEqual(['available']);
    expect(allowedRequests('available')).not.toContain('available');
  });

  it('offers no "take calls" in a wrap-up that leads into an enforced state', () => {
    expect(allowedRequests('wrap_up')).toEqual(['available', 'not_ready']);
    for (const state of ['recovery', 'break', 'counseling'])
      expect(allowedRequests('wrap_up', { state })).toEqual(['not_ready']);
    // `next` only ever describes a wrap-up's end; elsewhere the state's own rules stand.
    expect(allowedRequests('not_ready', { state: 'recovery' })).toEqual(['available', 'offline']);
  });

  it('counts down to until, else up from since', () => {
    const now = Date.parse('2026-01-05T08:00:00Z');
    expect(
      stateClock({ since: '2026-01-05T07:58:00Z', until: '2026-01-05T08:03:00Z' }, now),
    ).toEqual({
      mode: 'countdown',
      seconds: 180,
    });
    expect(stateClock({ since: '2026-01-05T07:58:00Z' }, now)).toEqual({
      mode: 'elapsed',
      seconds: 120,
    });
    expect(
      stateClock({ since: '2026-01-05T07:00:00Z', until: '2026-01-05T07:30:00Z' }, now).seconds,
    ).toBe(0);
  });
});
