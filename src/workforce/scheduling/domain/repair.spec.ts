import { withDefaults } from '../labour-rules';
import { pickAgentForGap } from './repair';

const t = (iso: string) => Date.parse(iso);
const Z = 'Asia/Shanghai';
const rules = withDefaults({ maxShiftMinutes: 360, restBreakPerWorkedMinutes: 480 });
// Tuesday 6 Jan 2026, 08:00-12:00 local.
const gap = {
  start: t('2026-01-06T00:00:00Z'),
  end: t('2026-01-06T04:00:00Z'),
  breaks: [],
  requiredDialects: ['yue'],
};
const shiftOn = (agentId: string, fromIso: string, hours: number) => ({
  agentId,
  start: t(fromIso),
  end: t(fromIso) + hours * 3_600_000,
  breaks: [],
});

describe('greedy repair', () => {
  it('gives the gap to the qualified agent with the least work that week', () => {
    const pick = pickAgentForGap(
      gap,
      [
        {
          agentId: 'busy',
          dialects: ['yue'],
          shifts: [shiftOn('busy', '2026-01-07T00:00:00Z', 6)],
        },
        { agentId: 'idle', dialects: ['yue'], shifts: [] },
        { agentId: 'mono', dialects: ['cmn'], shifts: [] },
      ],
      { rules, timeZone: Z },
    );
    expect(pick).toEqual({ agentId: 'idle' });
  });

  it('skips agents for whom a rule would break (rest, time off, contract)', () => {
    const ctx = {
      rules,
      timeZone: Z,
      blocked: new Map([['off', [{ start: gap.start, end: gap.end, reason: 'time_off' }]]]),
      contractMaxWeeklyMinutes: new Map([['part', 120]]),
    };
    const pick = pickAgentForGap(
      gap,
      [
        { agentId: 'off', dialects: ['yue'], shifts: [] },
        { agentId: 'part', dialects: ['yue'], shifts: [] },
        // Ends 22:00 local the evening before: 10 h rest < 11 h.
        {
          agentId: 'late',
          dialects: ['yue'],
          shifts: [shiftOn('late', '2026-01-05T10:00:00Z', 4)],
        },
      ],
      ctx,
    );
    expect(pick).toMatchObject({ agentId: null, reason: 'RULES' });
    const withFree = pickAgentForGap(
      gap,
      [{ agentId: 'free', dialects: ['yue'], shifts: [] }],
      ctx,
    );
    expect(withFree).toEqual({ agentId: 'free' });
  });

  it('says when nobody holds the needed dialects', () => {
    expect(
      pickAgentForGap(gap, [{ agentId: 'a', dialects: ['cmn'], shifts: [] }], {
        rules,
        timeZone: Z,
      }),
    ).toEqual({
      agentId: null,
      reason: 'NO_QUALIFIED_AGENT',
    });
  });
});
