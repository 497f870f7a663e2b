import { localDate, shownCounsellor, shownDay, slotsByDay, uniqueSlots } from './counselling-slots';

const at = (iso: string, minutes = 50) => ({
  startsAt: iso,
  endsAt: new Date(Date.parse(iso) + minutes * 60_000).toISOString(),
});

describe('counselling free times', () => {
  it("groups by the site's local day, not UTC's, and keeps every time of a day", () => {
    // 23:30 UTC on the 3rd is 07:30 on the 4th in Shanghai.
    const late = at('2026-12-03T23:30:00Z');
    const day = Array.from({ length: 30 }, (_, i) =>
      at(new Date(Date.parse('2026-12-03T01:00:00Z') + i * 15 * 60_000).toISOString()),
    );
    const days = slotsByDay([late, ...day], 'Asia/Shanghai');
    expect(days.map((d) => d.date)).toEqual(['2026-12-03', '2026-12-04']);
    expect(days[0].times).toHaveLength(30);
    expect(days[0].times[29].startsAt).toBe('2026-12-03T08:15:00.000Z');
    expect(days[1].times).toEqual([late]);
    expect(localDate('2026-12-03T23:30:00Z', 'UTC')).toBe('2026-12-03');
  });

  it('puts times in order whatever order they came in', () => {
    const days = slotsByDay([at('2026-12-03T05:00:00Z'), at('2026-12-03T02:00:00Z')], 'UTC');
    expect(days[0].times.map((s) => s.startsAt)).toEqual([
      '2026-12-03T02:00:00Z',
      '2026-12-03T05:00:00Z',
    ]);
  });

  it('shows the picked day while it has free times, else the first day that has', () => {
    const days = slotsByDay([at('2026-12-03T02:00:00Z'), at('2026-12-05T02:00:00Z')], 'UTC');
    expect(shownDay(days, '2026-12-05')?.date).toBe('2026-12-05');
    expect(shownDay(days, '2026-12-04')?.date).toBe('2026-12-03');
    expect(shownDay(days, null)?.date).toBe('2026-12-03');
    expect(shownDay([], '2026-12-03')).toBeNull();
  });

  it('lists each suggested time once, whichever offers suggested it', () => {
    const a = { ...at('2026-12-03T02:00:00Z'), counselorId: 'chen' };
    const b = { ...at('2026-12-03T01:00:00Z'), counselorId: 'chen' };
    const other = { ...at('2026-12-03T02:00:00Z'), counselorId: 'wu' };
    expect(uniqueSlots([a, b, { ...a }, other, { ...b }])).toEqual([b, a, other]);
  });
});

describe('whose times are shown', () => {
  it('the one picked; with a single counsellor, theirs without asking; else none yet', () => {
    expect(shownCounsellor('b', [{ id: 'a' }, { id: 'b' }])).toBe('b');
    expect(shownCounsellor('', [{ id: 'a' }])).toBe('a');
    expect(shownCounsellor('', [{ id: 'a' }, { id: 'b' }])).toBe('');
    expect(shownCounsellor('', [])).toBe('');
  });
});
