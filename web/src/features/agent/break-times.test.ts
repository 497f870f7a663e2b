import { breakStartOptions, breakStartsInWindows } from './break-times';

const SHANGHAI = 'Asia/Shanghai';

describe('break start options', () => {
  it('starts at the quarter hour at least 20 minutes ahead, in the site’s zone, 24-hour', () => {
    // 16:07 in Shanghai: 16:27 ahead, so 16:30 first.
    const options = breakStartOptions(new Date('2026-01-05T08:07:00Z'), SHANGHAI);
    expect(options[0]).toEqual({
      value: '16:30',
      tomorrow: false,
      startsAt: new Date('2026-01-05T08:30:00Z'),
    });
    expect(options[1]).toMatchObject({ value: '16:45', tomorrow: false });
    expect(options.find((o) => o.value === '00:00')).toEqual({
      value: '00:00',
      tomorrow: true,
      startsAt: new Date('2026-01-05T16:00:00Z'),
    });
    expect(options.at(-1)).toEqual({
      value: '16:15',
      tomorrow: true,
      startsAt: new Date('2026-01-06T08:15:00Z'),
    });
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
    expect(options[0]).toEqual({
      value: '00:15',
      tomorrow: true,
      startsAt: new Date('2026-01-05T16:15:00Z'),
    });
    expect(options.every((o) => o.tomorrow)).toBe(true);
  });

  it('a time exactly on the quarter 20 minutes ahead is offered first', () => {
    // 16:10 in Shanghai: 16:30 ahead exactly.
    expect(breakStartOptions(new Date('2026-01-05T08:10:00Z'), SHANGHAI)[0].value).toBe('16:30');
  });
});

describe('break start options in the service’s windows', () => {
  // 10:00 in Shanghai on Monday 2026-01-05.
  const now = new Date('2026-01-05T02:00:00Z');
  const options = breakStartOptions(now, SHANGHAI);
  // Monday's shift 09:00-17:00 Shanghai; Tuesday not scheduled yet (its whole day, no end).
  const monday = {
    startsFrom: '2026-01-05T01:00:00Z',
    startsBefore: '2026-01-05T09:00:00Z',
    endsBy: '2026-01-05T09:00:00Z',
  };
  const tuesday = {
    startsFrom: '2026-01-05T16:00:00Z',
    startsBefore: '2026-01-06T16:00:00Z',
    endsBy: null,
  };

  it('keeps the starts inside a window whose break ends by the window’s end', () => {
    const values = breakStartsInWindows(options, 15, [monday, tuesday]).map((o) => o.value);
    // Today: from 10:30 (20 minutes ahead) to 16:45, the last that ends by 17:00.
    expect(values[0]).toBe('10:30');
    expect(values).toContain('16:45');
    expect(values).not.toContain('17:00');
    // Tomorrow has no end: its times up to 10:15 all stand.
    expect(values).toContain('00:00');
    expect(values.at(-1)).toBe('10:15');
    expect(values).toHaveLength(26 + 42);
  });

  it('the longer the break, the earlier its last start', () => {
    const values = breakStartsInWindows(options, 30, [monday]).map((o) => o.value);
    expect(values[0]).toBe('10:30');
    expect(values.at(-1)).toBe('16:30');
  });

  it('a break without an end may run past its day', () => {
    // 23:00 on Monday: the times run from 23:30 Monday to 23:15 Tuesday. Monday evening has no
    // window; all of Tuesday's stand, 23:15 too, though its hour runs past midnight.
    const evening = breakStartOptions(new Date('2026-01-05T15:00:00Z'), SHANGHAI);
    const values = breakStartsInWindows(evening, 60, [tuesday]).map((o) => o.value);
    expect(values[0]).toBe('00:00');
    expect(values.at(-1)).toBe('23:15');
    expect(values).toHaveLength(96 - 2);
  });

  it('none when no window holds a break', () => {
    expect(breakStartsInWindows(options, 15, [])).toEqual([]);
    const shortWindow = {
      startsFrom: '2026-01-05T03:00:00Z',
      startsBefore: '2026-01-05T03:10:00Z',
      endsBy: '2026-01-05T03:10:00Z',
    };
    expect(breakStartsInWindows(options, 15, [shortWindow])).toEqual([]);
  });
});
