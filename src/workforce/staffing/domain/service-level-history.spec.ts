import { overallServiceLevel, serviceLevelByInterval } from './service-level-history';

const from = new Date('2026-11-30T00:00:00Z');
const to = new Date('2026-11-30T01:00:00Z');
const at = (minute: number, second = 0) =>
  new Date(from.getTime() + minute * 60_000 + second * 1000);

describe('serviceLevelByInterval', () => {
  it('counts answered-in-time calls by the interval they arrived in', () => {
    const intervals = serviceLevelByInterval(
      [
        { enqueuedAt: at(1), connectedAt: at(1, 20) }, // exactly on target: in time
        { enqueuedAt: at(2), connectedAt: at(2, 21) }, // one second late
        { enqueuedAt: at(14, 50), connectedAt: at(15, 5) }, // arrived in the first interval
        { enqueuedAt: at(20), connectedAt: null }, // abandoned
      ],
      from,
      to,
      15,
      20,
    );
    expect(intervals.map((b) => b.start.toISOString())).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-11-30T00:15:00.000Z',
      '2026-11-30T00:30:00.000Z',
      '2026-11-30T00:45:00.000Z',
    ]);
    expect(intervals[0]).toMatchObject({
      offered: 3,
      answered: 3,
      answeredInTime: 2,
      abandoned: 0,
    });
    expect(intervals[0].serviceLevel).toBeCloseTo(2 / 3);
    expect(intervals[1]).toMatchObject({ offered: 1, abandoned: 1, serviceLevel: 0 });
    expect(intervals[2].serviceLevel).toBeNull(); // no calls: nothing to measure
    expect(overallServiceLevel(intervals)).toBe(0.5);
  });

  it('leaves out calls that arrived outside the day', () => {
    const intervals = serviceLevelByInterval(
      [
        { enqueuedAt: new Date(from.getTime() - 1), connectedAt: at(0, 5) },
        { enqueuedAt: to, connectedAt: at(60, 5) },
      ],
      from,
      to,
      15,
      20,
    );
    expect(intervals.reduce((n, b) => n + b.offered, 0)).toBe(0);
    expect(overallServiceLevel(intervals)).toBeNull();
  });
});
