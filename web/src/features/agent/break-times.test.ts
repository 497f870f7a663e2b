import { breakStartOptions, breakStartsTheServiceTakes } from './break-times';

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

describe('break start options the service takes', () => {
  // 10:00 in Shanghai on Monday 2026-01-05.
  const now = new Date('2026-01-05T02:00:00Z');
  const options = breakStartOptions(now, SHANGHAI);
  const shift = (from: string, to: string) => ({ startsAt: from, endsAt: to });
  // Monday 09:00-17:00 Shanghai.
  const monday = shift('2026-01-05T01:00:00Z', '2026-01-05T09:00:00Z');

  it('with no published shift at all, any time will do', () => {
    expect(breakStartsTheServiceTakes(options, 15, [], SHANGHAI)).toEqual(options);
  });

  it("on a day I work, only a break wholly inside my shift; a day I don't, any time", () => {
    const values = breakStartsTheServiceTakes(options, 15, [monday], SHANGHAI).map((o) => o.value);
    // Today: from 10:30 (20 minutes ahead) to 16:45, the last that ends by 17:00.
    expect(values[0]).toBe('10:30');
    expect(values).toContain('16:45');
    expect(values).not.toContain('17:00');
    // Tomorrow has no shift (not scheduled yet): its times up to 10:15 stand, as the service allows.
    expect(values).toContain('00:00');
    expect(values.at(-1)).toBe('10:15');
    expect(values).toHaveLength(26 + 42);
  });

  it('the longer the break, the earlier its last start', () => {
    const values = breakStartsTheServiceTakes(options, 30, [monday, tuesdayNight()], SHANGHAI).map(
      (o) => o.value,
    );
    expect(values.at(-1)).toBe('16:30');
    expect(values[0]).toBe('10:30');
  });

  it('a shift that ended earlier today still binds today: none of the evening is offered', () => {
    // 18:00 in Shanghai; the 09:00-17:00 shift is over, and tomorrow is 09:00-17:00 again.
    const evening = breakStartOptions(new Date('2026-01-05T10:00:00Z'), SHANGHAI);
    const tuesday = shift('2026-01-06T01:00:00Z', '2026-01-06T09:00:00Z');
    const taken = breakStartsTheServiceTakes(evening, 15, [monday, tuesday], SHANGHAI);
    expect(taken.every((o) => o.tomorrow)).toBe(true);
    expect(taken[0].value).toBe('09:00');
    expect(taken.at(-1)!.value).toBe('16:45');
  });

  it('none left when my shift ends before a break could', () => {
    // 16:30 in Shanghai: 20 minutes ahead is 16:50, so the first start is 17:00, when the shift
    // ends; tomorrow's starts at 17:00, past the day of times offered.
    const late = breakStartOptions(new Date('2026-01-05T08:30:00Z'), SHANGHAI);
    const tuesday = shift('2026-01-06T09:00:00Z', '2026-01-06T17:00:00Z');
    expect(breakStartsTheServiceTakes(late, 15, [monday, tuesday], SHANGHAI)).toEqual([]);
  });

  // Tuesday 20:00-22:00 Shanghai: Tuesday is a working day, so its morning times are refused.
  function tuesdayNight() {
    return shift('2026-01-06T12:00:00Z', '2026-01-06T14:00:00Z');
  }
});
