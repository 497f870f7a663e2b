import { isValidTimeZone } from './time-zone';

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+8'])(
    'accepts %s',
    (z) => expect(isValidTimeZone(z)).toBe(true),
  );
  it.each(['Mars/Olympus', '', 'Asia/Shanghai; DROP TABLE', 42, '../etc/passwd'])(
    'rejects %p',
    (z) => expect(isValidTimeZone(z)).toBe(false),
  );
});
