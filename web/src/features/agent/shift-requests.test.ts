import { describe, expect, it } from 'vitest';
import type { components } from '../../lib/api/schema';
import {
  colleagueShiftsByDay,
  mySwapsByShift,
  pickupsFor,
  shiftRefusalKey,
  timeOffSpan,
} from './shift-requests';

type OpenShift = components['schemas']['OpenShiftDto'];
type Swap = components['schemas']['SwapDto'];

const ME = 'me';
const now = new Date('2026-12-04T00:00:00Z');
const open = (id: string, startsAt: string, status: OpenShift['status'] = 'open'): OpenShift => ({
  id,
  scheduleId: 's',
  teamId: 't',
  startsAt,
  endsAt: startsAt.replace('T01', 'T09'),
  breaks: [],
  requiredDialects: ['cmn-x-wuhan'],
  origin: 'time_off' as const,
  status,
  takenBy: null,
});
const swap = (over: Partial<Swap>): Swap => ({
  id: 'w',
  shiftId: 'sh',
  offeredBy: 'colleague',
  acceptedBy: null,
  status: 'open' as const,
  startsAt: '2026-12-05T01:00:00Z',
  endsAt: '2026-12-05T09:00:00Z',
  requiredDialects: [],
  ...over,
});

describe('pickupsFor', () => {
  it("lists open shifts, colleagues' give-aways and trades put to me, soonest first", () => {
    const list = pickupsFor(
      ME,
      [open('o1', '2026-12-07T01:00:00Z'), open('o2', '2026-12-06T01:00:00Z', 'taken')],
      [
        swap({ id: 'give', startsAt: '2026-12-06T01:00:00Z' }),
        swap({
          id: 'trade',
          status: 'proposed',
          counterShiftId: 'mine',
          counterAgentId: ME,
          counterStartsAt: '2026-12-08T01:00:00Z',
          counterEndsAt: '2026-12-08T09:00:00Z',
        }),
      ],
      now,
    );
    expect(list.map((p) => [p.kind, p.id])).toEqual([
      ['trade', 'trade'],
      ['offer', 'give'],
      ['open', 'o1'],
    ]);
    expect(list[0]).toMatchObject({ mineStartsAt: '2026-12-08T01:00:00Z' });
    expect(list[1]).toMatchObject({ shiftId: 'sh' });
  });

  it('leaves out my own offers, started shifts, closed swaps and trades put to others', () => {
    const list = pickupsFor(
      ME,
      [open('past', '2026-12-03T01:00:00Z')],
      [
        swap({ id: 'mine', offeredBy: ME }),
        swap({ id: 'started', startsAt: '2026-12-03T23:00:00Z' }),
        swap({ id: 'done', status: 'completed' }),
        swap({
          id: 'other',
          status: 'proposed',
          counterShiftId: 'x',
          counterAgentId: 'someone',
          counterStartsAt: '2026-12-08T01:00:00Z',
          counterEndsAt: '2026-12-08T09:00:00Z',
        }),
        // A trade proposal is never a give-away, even while open.
        swap({ id: 'openTrade', counterShiftId: 'x', counterAgentId: 'someone' }),
      ],
      now,
    );
    expect(list).toEqual([]);
  });
});

describe('mySwapsByShift', () => {
  it('maps my live swaps by the shift they give away', () => {
    const map = mySwapsByShift(ME, [
      swap({ id: 'a', shiftId: 's1', offeredBy: ME }),
      swap({ id: 'b', shiftId: 's2', offeredBy: ME, status: 'accepted' }),
      swap({ id: 'c', shiftId: 's3', offeredBy: ME, status: 'cancelled' }),
      swap({ id: 'd', shiftId: 's4' }),
    ]);
    expect([...map.entries()]).toEqual([
      ['s1', { swapId: 'a', status: 'open' }],
      ['s2', { swapId: 'b', status: 'accepted' }],
    ]);
  });
});

describe('timeOffSpan', () => {
  it('reads days and times in the site zone; 24:00 ends the day', () => {
    expect(
      timeOffSpan(
        { day: '2026-12-07', time: '00:00' },
        { day: '2026-12-08', time: '24:00' },
        'Asia/Shanghai',
      ),
    ).toEqual({ startsAt: '2026-12-06T16:00:00.000Z', endsAt: '2026-12-08T16:00:00.000Z' });
    expect(
      timeOffSpan(
        { day: '2026-12-07', time: '14:30' },
        { day: '2026-12-07', time: '17:00' },
        'Asia/Shanghai',
      ),
    ).toEqual({ startsAt: '2026-12-07T06:30:00.000Z', endsAt: '2026-12-07T09:00:00.000Z' });
  });

  it('keeps wall-clock times on a daylight-saving day', () => {
    // Berlin moved its clocks forward at 02:00 on 2026-03-29: 09:00 there is 07:00 UTC.
    expect(
      timeOffSpan(
        { day: '2026-03-29', time: '09:00' },
        { day: '2026-03-29', time: '24:00' },
        'Europe/Berlin',
      ),
    ).toEqual({ startsAt: '2026-03-29T07:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z' });
  });

  it('refuses a missing part or an end not after the start', () => {
    const zone = 'Asia/Shanghai';
    expect(
      timeOffSpan({ day: '', time: '00:00' }, { day: '2026-12-07', time: '24:00' }, zone),
    ).toBe(null);
    expect(
      timeOffSpan({ day: '2026-12-07', time: '' }, { day: '2026-12-07', time: '24:00' }, zone),
    ).toBe(null);
    expect(
      timeOffSpan({ day: '2026-12-07', time: '10:00' }, { day: '2026-12-07', time: '10:00' }, zone),
    ).toBe(null);
    expect(
      timeOffSpan({ day: '2026-12-08', time: '00:00' }, { day: '2026-12-07', time: '24:00' }, zone),
    ).toBe(null);
  });
});

describe('shiftRefusalKey', () => {
  it('names the labour rule of a RULE_VIOLATION, else the code', () => {
    expect(shiftRefusalKey('RULE_VIOLATION', { rule: 'WEEKLY_HOURS' })).toBe(
      'shiftRequests.rules.WEEKLY_HOURS',
    );
    expect(shiftRefusalKey('OPEN_SHIFT_TAKEN', undefined)).toBe(
      'shiftRequests.errors.OPEN_SHIFT_TAKEN',
    );
  });
});

describe('colleagueShiftsByDay', () => {
  const shift = (shiftId: string, agentId: string, startsAt: string) => ({
    shiftId,
    agentId,
    displayName: agentId,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 8 * 3_600_000).toISOString(),
  });

  it("groups colleagues' coming shifts by the site's day, without mine or started ones, and marks those I asked for", () => {
    const byDay = colleagueShiftsByDay(
      ME,
      [
        // 17:00Z on the 5th is the 6th in Shanghai.
        shift('late', 'wang', '2026-12-05T17:00:00Z'),
        shift('early', 'zhou', '2026-12-05T01:00:00Z'),
        shift('mine', ME, '2026-12-05T01:00:00Z'),
        shift('started', 'wang', '2026-12-03T23:00:00Z'),
        shift('second', 'wu', '2026-12-05T00:30:00Z'),
      ],
      [
        swap({ id: 't1', offeredBy: ME, status: 'proposed', counterShiftId: 'early' }),
        swap({ id: 't2', offeredBy: ME, status: 'rejected', counterShiftId: 'second' }),
      ],
      now,
      'Asia/Shanghai',
    );
    expect([...byDay.keys()]).toEqual(['2026-12-05', '2026-12-06']);
    expect(byDay.get('2026-12-05')!.map((s) => [s.shiftId, s.asked])).toEqual([
      ['second', false],
      ['early', true],
    ]);
    expect(byDay.get('2026-12-06')!.map((s) => s.shiftId)).toEqual(['late']);
  });
});
