import { breakStartOptions } from './break-times';

const SHANGHAI = 'Asia/Shanghai';

describe('break start options', () => {
  it('starts at the quarter hour at least 20 minutes ahead, in the site’s zone, 24-hour', () => {
    // 16:07 in Shanghai: 16:27 ahead, so 16:30 first.
    const options = breakStartOptions(new Date('2026-01-05T08:07:00Z'), SHANGHAI);
    expect(options[0]).toEqual({ value: '16:30', tomorrow: false });
    expect(options[1]).toEqual({ value: '16:45', tomorrow: false });
    expect(options.find((o) => o.value === '00:00')).toEqual({ value: '00:00', tomorrow: true });
    expect(options.at(-1)).toEqual({ value: '16:15', tomorrow: true });
  });

  it('offers each time of day exactly once', () => {
    const values = breakStartOptions(new Date('2026-01-05T08:07:00Z'), SHANGHAI).map(
      (o) => o.value,
    );
    expect(values).toHaveLength(96);
    expect(new Set(values).size).toBe(96);
    expect(values).toContain('09:00');
  });

  it('late in the evening, the first times are already tomorrow', () => {
    // 23:50 in Shanghai: 00:10 ahead, so 00:15 tomorrow.
    const options = breakStartOptions(new Date('2026-01-05T15:50:00Z'), SHANGHAI);
    expect(options[0]).toEqual({ value: '00:15', tomorrow: true });
    expect(options.every((o) => o.tomorrow)).toBe(true);
  });

  it('a time exactly on the quarter 20 minutes ahead is offered first', () => {
    // 16:10 in Shanghai: 16:30 ahead exactly.
    expect(breakStartOptions(new Date('2026-01-05T08:10:00Z'), SHANGHAI)[0].value).toBe('16:30');
  });
});
