import fc from 'fast-check';
import {
  abandonmentRate,
  averageSpeedOfAnswer,
  callbackFigures,
  CallbackOutcome,
  CallOutcome,
  gini,
  intervalFigures,
  occupancy,
  percentile,
  serviceLevel,
  timeInStates,
} from './metrics';

const call = (
  arrival: number,
  answered: number | null,
  abandoned: number | null = null,
  enqueued: number = arrival,
): CallOutcome => ({
  arrivalMs: arrival,
  enqueuedMs: enqueued,
  answeredMs: answered,
  abandonedMs: abandoned,
  agentIndex: answered === null ? null : 0,
  endedMs: answered === null ? null : answered + 60_000,
  hostileSeverity: null,
});

describe('call metrics', () => {
  const calls = [
    call(0, 5_000),
    call(0, 20_000),
    call(0, 30_000),
    call(0, null, 40_000),
    call(0, null),
  ];

  it('service level counts answered within the threshold over answered + abandoned', () => {
    expect(serviceLevel(calls, 20_000)).toBe(2 / 4);
    expect(serviceLevel([], 20_000)).toBeNull();
  });

  it('ASA averages answered calls only; abandonment over offered calls', () => {
    expect(averageSpeedOfAnswer(calls)).toBeCloseTo((5 + 20 + 30) / 3);
    expect(abandonmentRate(calls)).toBe(1 / 4);
    expect(averageSpeedOfAnswer([call(0, null, 1)])).toBeNull();
  });

  it('measures waits from the enqueue, as the service queue does, not from the arrival', () => {
    // Arrived at 0, handed to the queue at 2 s (the router's tick), answered at 22 s: 20 s.
    const late = [call(0, 22_000, null, 2_000), call(0, 23_000, null, 2_000)];
    expect(serviceLevel(late, 20_000)).toBe(1 / 2);
    expect(averageSpeedOfAnswer(late)).toBeCloseTo(20.5);
  });
});

describe('occupancy', () => {
  it('is on-call plus wrap-up over the time available for calls (breaks and recovery excluded)', () => {
    const spans = [
      { agentId: 'a', state: 'available', startMs: 0, endMs: 100 },
      { agentId: 'a', state: 'on_call', startMs: 100, endMs: 400 },
      { agentId: 'a', state: 'wrap_up', startMs: 400, endMs: 500 },
      { agentId: 'a', state: 'recovery', startMs: 500, endMs: 1000 },
      { agentId: 'b', state: 'reserved', startMs: 0, endMs: 100 },
    ];
    const time = timeInStates(spans, 0, 1000);
    expect(time.get('recovery')).toBe(500);
    expect(occupancy(time)).toBeCloseTo(400 / 600);
    expect(occupancy(timeInStates(spans, 2000, 3000))).toBeNull();
  });

  it('clips spans to the window', () => {
    const time = timeInStates(
      [{ agentId: 'a', state: 'on_call', startMs: -50, endMs: 150 }],
      0,
      100,
    );
    expect(time.get('on_call')).toBe(100);
  });
});

describe('fairness figures', () => {
  it('Gini is 0 when all are equal and (n-1)/n when one has everything', () => {
    expect(gini([3, 3, 3, 3])).toBeCloseTo(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });

  it('Gini stays in [0, 1) and ignores order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 60 }), (xs) => {
        const g = gini(xs);
        expect(g).toBeGreaterThanOrEqual(-1e-12);
        expect(g).toBeLessThan(1);
        expect(gini([...xs].reverse())).toBeCloseTo(g, 10);
      }),
    );
  });

  it('p90 is the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 90)).toBeNaN();
  });
});

describe('interval figures', () => {
  it('gives per-interval service level by arrival and average agents per state', () => {
    const calls2 = [call(0, 1_000), call(500, null, 10_000), call(60_000, 70_000)];
    const spans = [
      { agentId: 'a', state: 'available', startMs: 0, endMs: 30_000 },
      { agentId: 'a', state: 'on_call', startMs: 30_000, endMs: 120_000 },
      { agentId: 'b', state: 'counseling', startMs: 0, endMs: 120_000 },
    ];
    const out = intervalFigures(calls2, spans, 0, 120_000, 60_000, 20_000);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ offered: 2, answeredInTime: 1, serviceLevel: 0.5 });
    expect(out[0].agents).toMatchObject({ available: 0.5, on_call: 0.5, not_ready: 1 });
    expect(out[1]).toMatchObject({ offered: 1, answeredInTime: 1, serviceLevel: 1 });
    expect(out[1].agents.on_call).toBe(1);
  });
});

describe('callbackFigures', () => {
  const MIN = 60_000;
  const cb = (
    id: string,
    dialect: string,
    status: CallbackOutcome['status'],
    attempts: number,
    firstAttemptMin: number | null,
    reachedMin: number | null,
  ): CallbackOutcome => ({
    id,
    dialect,
    notBeforeMs: 0,
    notAfterMs: 60 * MIN,
    attempts,
    firstAttemptMs: firstAttemptMin === null ? null : firstAttemptMin * MIN,
    reachedMs: reachedMin === null ? null : reachedMin * MIN,
    status,
  });
  const callbacks = [
    cb('a', 'yue', 'reached', 1, 1, 1),
    cb('b', 'yue', 'reached', 3, 3, 33),
    cb('c', 'yue', 'missed', 4, 5, null),
    cb('d', 'cmn', 'reached', 1, 2, 2),
    cb('e', 'cmn', 'missed', 0, null, null),
  ];

  it('gives all callbacks first, then each dialect in name order, by the service’s definitions', () => {
    const [all, cmn, yue] = callbackFigures(callbacks, 120 * MIN);
    expect(all).toEqual({
      dialect: null,
      scheduled: 5,
      reachedInWindowShare: 0.6,
      medianSecondsToFirstAttempt: 150, // 1, 2, 3, 5 minutes
      attemptsPerCallback: 2.25, // (1 + 3 + 4 + 1) / 4 attempted
      missed: 2,
    });
    expect(cmn).toEqual({
      dialect: 'cmn',
      scheduled: 2,
      reachedInWindowShare: 0.5,
      medianSecondsToFirstAttempt: 120,
      attemptsPerCallback: 1,
      missed: 1,
    });
    expect(yue).toMatchObject({
      dialect: 'yue',
      scheduled: 3,
      missed: 1,
      attemptsPerCallback: 2.67,
    });
    expect(yue.reachedInWindowShare).toBeCloseTo(0.6667, 4);
  });

  it('does not count a callback still open inside its window as settled', () => {
    const [all] = callbackFigures([cb('a', 'yue', 'open', 1, 1, null)], 30 * MIN);
    expect(all.reachedInWindowShare).toBeNull();
    expect(all.scheduled).toBe(1);
  });

  it('with no callbacks gives an empty row for all', () => {
    expect(callbackFigures([], 0)).toEqual([
      {
        dialect: null,
        scheduled: 0,
        reachedInWindowShare: null,
        medianSecondsToFirstAttempt: null,
        attemptsPerCallback: null,
        missed: 0,
      },
    ]);
  });
});
