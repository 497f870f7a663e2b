import {
  formatClock,
  formatTime,
  instantAtLocalTime,
  minutesSinceLocalMidnight,
  zoneOffsetMinutes,
} from './format';

describe('format', () => {
  it('shows times in the site zone, not the browser zone', () => {
    expect(formatTime('2026-01-05T01:00:00Z', 'en-GB', 'Asia/Shanghai')).toBe('09:00');
    expect(formatTime('2026-01-05T01:00:00Z', 'zh-CN', 'UTC')).toBe('01:00');
  });

  it('finds the instant of a local wall-clock time, across DST too', () => {
    const day = new Date('2026-01-05T12:00:00Z');
    expect(instantAtLocalTime(day, '09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-01-05T01:30:00.000Z',
    );
    expect(
      instantAtLocalTime(new Date('2026-07-01T12:00:00Z'), '09:00', 'Europe/London').toISOString(),
    ).toBe('2026-07-01T08:00:00.000Z');
    expect(zoneOffsetMinutes(day, 'Asia/Shanghai')).toBe(480);
  });

  it('counts minutes since local midnight and formats timers', () => {
    expect(minutesSinceLocalMidnight(new Date('2026-01-05T01:30:00Z'), 'Asia/Shanghai')).toBe(570);
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00');
  });
});
