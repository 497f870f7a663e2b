import { describe, expect, it } from 'vitest';
import { formatLeave, timeOffRange } from './leave-range';

describe('timeOffRange', () => {
  const zone = 'Asia/Shanghai';
  it('reads midnight to midnight as whole days, first to last', () => {
    expect(timeOffRange('2026-12-06T16:00:00Z', '2026-12-08T16:00:00Z', zone)).toEqual({
      kind: 'days',
      firstDay: '2026-12-06T16:00:00.000Z',
      lastDay: '2026-12-07T16:00:00.000Z',
    });
  });
  it('tells hours within one day from a span across days', () => {
    expect(timeOffRange('2026-12-07T06:30:00Z', '2026-12-07T09:00:00Z', zone)).toEqual({
      kind: 'withinDay',
    });
    expect(timeOffRange('2026-12-07T06:30:00Z', '2026-12-08T09:00:00Z', zone)).toEqual({
      kind: 'span',
    });
  });
});

describe('formatLeave', () => {
  const zone = 'Asia/Shanghai';
  it('writes whole days as days, hours within a day as one day and two times', () => {
    expect(formatLeave('2026-01-11T16:00:00Z', '2026-01-13T16:00:00Z', 'en-US', zone)).toBe(
      'Mon, Jan 12 – Tue, Jan 13',
    );
    expect(formatLeave('2026-01-11T16:00:00Z', '2026-01-12T16:00:00Z', 'zh-CN', zone)).toBe(
      '1月12日周一',
    );
    expect(formatLeave('2026-01-20T05:00:00Z', '2026-01-20T10:00:00Z', 'en-US', zone)).toBe(
      'Tue, Jan 20, 13:00–18:00',
    );
  });
});
