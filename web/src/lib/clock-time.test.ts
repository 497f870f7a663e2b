import { clockTimeOf, isClockTime, parseClockTime } from './clock-time';

describe('parseClockTime', () => {
  it('reads the ways people type a time', () => {
    expect(parseClockTime('09:30')).toBe('09:30');
    expect(parseClockTime('9:30')).toBe('09:30');
    expect(parseClockTime(' 0930 ')).toBe('09:30');
    expect(parseClockTime('930')).toBe('09:30');
    expect(parseClockTime('9')).toBe('09:00');
    expect(parseClockTime('17.45')).toBe('17:45');
  });

  it('reads what a Chinese input method types', () => {
    expect(parseClockTime('9：30')).toBe('09:30');
    expect(parseClockTime('１７：００')).toBe('17:00');
  });

  it('refuses what is not a time of day', () => {
    for (const bad of ['', '24:01', '25:00', '9:60', '9:5', '12345', 'noon', '4:30 PM', '-1:00'])
      expect(parseClockTime(bad)).toBeNull();
  });

  it('takes 24:00 only as the end of a day', () => {
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('24:00', true)).toBe('24:00');
    expect(parseClockTime('2400', true)).toBe('24:00');
    expect(parseClockTime('24:30', true)).toBeNull();
  });
});

describe('isClockTime', () => {
  it('holds only for the canonical form the API takes', () => {
    expect(isClockTime('09:30')).toBe(true);
    expect(isClockTime('9:30')).toBe(false);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('24:00', true)).toBe(true);
  });
});

describe('clockTimeOf', () => {
  it('writes a minute of the day as HH:MM, past midnight from the start of the day again', () => {
    expect([0, 570, 1439, 1440, 1440 + 75].map(clockTimeOf)).toEqual([
      '00:00',
      '09:30',
      '23:59',
      '00:00',
      '01:15',
    ]);
  });
});
