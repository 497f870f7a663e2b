import { computeLoad, LoadCall, LoadInterval } from './call-load';

const T = (m: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + m * 60_000);
const iv = (state: string, from: number, to: number | null): LoadInterval => ({
  state,
  startedAt: T(from),
  endedAt: to === null ? null : T(to),
});
const call = (ans: number, end: number, hostile: number | null = null): LoadCall => ({
  answeredAt: T(ans),
  endedAt: T(end),
  durationSeconds: (end - ans) * 60,
  hostileSeverity: hostile,
});

describe('computeLoad', () => {
  // A scripted hour 09:00-10:00: 10 min idle, call 10-20 + 2 min wrap, idle to 30, hostile call 30-45 + wrap,
  // recovery 47-57, then available to 60.
  const intervals = [
    iv('available', 0, 10),
    iv('on_call', 10, 20),
    iv('wrap_up', 20, 22),
    iv('available', 22, 30),
    iv('on_call', 30, 45),
    iv('wrap_up', 45, 47),
    iv('recovery', 47, 57),
    iv('available', 57, null),
  ];
  const calls = [call(10, 20), call(30, 45, 2)];

  it('matches hand-computed figures', () => {
    const load = computeLoad(intervals, calls, T(60), 60);
    // busy = 10 + 2 + 15 + 2 = 29 min; staffed = 60 - 10 (recovery) = 50 min
    expect(load).toEqual({
      windowMinutes: 60,
      callsAnswered: 2,
      hostileCalls: 1,
      occupancy: 0.58,
      averageHandleSeconds: 750,
      consecutiveCallsSinceBreak: 0,
      busySeconds: 1740,
      staffedSeconds: 3000,
    });
  });

  it('clips intervals to the window', () => {
    const load = computeLoad(intervals, calls, T(60), 30);
    // 09:30-10:00: busy 15 + 2 = 17, staffed 30 - 10 = 20
    expect(load.occupancy).toBe(0.85);
    expect(load.callsAnswered).toBe(1);
  });

  it('counts consecutive calls since the last rest', () => {
    const load = computeLoad(intervals, calls, T(46), 60);
    expect(load.consecutiveCallsSinceBreak).toBe(2);
  });

  it('is zero with no history', () => {
    expect(computeLoad([], [], T(0), 60)).toMatchObject({
      occupancy: 0,
      callsAnswered: 0,
      averageHandleSeconds: null,
    });
  });
});
