import fc from 'fast-check';
import {
  abandonmentRate,
  averageSpeedOfAnswer,
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
): CallOutcome => ({
  arrivalMs: arrival,
  answeredMs: answered,
  abandonedMs: abandoned,
  agentIndex: answered === null ? null : 0,
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
