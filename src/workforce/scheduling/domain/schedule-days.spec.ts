import { scheduleSpan, startsWithinSchedule } from './schedule-days';

describe('schedule days', () => {
  it("spans the schedule's days from local midnight to the midnight after the last", () => {
    const span = scheduleSpan('2026-01-05', 7, 'Asia/Shanghai');
    expect(new Date(span.from).toISOString()).toBe('2026-01-04T16:00:00.000Z');
    expect(new Date(span.to).toISOString()).toBe('2026-01-11T16:00:00.000Z');
  });

  it('follows a daylight-saving change: the week holding it is an hour short', () => {
    const span = scheduleSpan('2026-03-23', 7, 'Europe/Berlin');
    expect((span.to - span.from) / 3_600_000).toBe(7 * 24 - 1);
  });

  it('takes a shift starting on a day of the schedule, even one running past its last midnight', () => {
    const span = scheduleSpan('2026-01-05', 7, 'Asia/Shanghai');
    expect(startsWithinSchedule(span, Date.parse('2026-01-04T16:00:00Z'))).toBe(true);
    expect(startsWithinSchedule(span, Date.parse('2026-01-11T14:00:00Z'))).toBe(true);
  });

  it('refuses one starting before its first day or on the day after its last', () => {
    const span = scheduleSpan('2026-01-05', 7, 'Asia/Shanghai');
    expect(startsWithinSchedule(span, Date.parse('2026-01-04T15:59:59Z'))).toBe(false);
    expect(startsWithinSchedule(span, Date.parse('2026-01-11T16:00:00Z'))).toBe(false);
  });
});
