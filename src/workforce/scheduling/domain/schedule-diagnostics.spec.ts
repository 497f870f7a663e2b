import { DEFAULT_LABOUR_RULES } from '../labour-rules';
import {
  coarseBreaks,
  diagnoseBeforeSolving,
  reasonsAfterSolving,
  shortfallOf,
} from './schedule-diagnostics';
import type { PlanningAgent } from './planning-input';
import { buildGrid } from './planning-model';

const Z = 'Asia/Shanghai';
const RULES = DEFAULT_LABOUR_RULES; // 40 h a week, 8 h a day, a day off a week, 15 min rest per 2 h

/** A horizon from Monday 5 January 2026 (weeks from that Monday), as the planner builds it. */
const horizon = (days: number, intervalMinutes = 30) =>
  buildGrid('2026-01-05', days, Z, intervalMinutes);

/** One row per half hour, 08:00-22:00 every day of a horizon from Monday 5 January 2026. */
const daytime = (days: number, dialect: string | null, agents: number) =>
  Array.from({ length: days }, (_, d) =>
    Array.from({ length: 28 }, (_, k) => ({ interval: d * 48 + 16 + k, dialect, agents })),
  ).flat();

// Every agent also holds wuu at proficiency 2, which never counts.
const agent = (
  id: string,
  dialects: string[] = ['cmn'],
  extra: Partial<PlanningAgent> = {},
): PlanningAgent => ({
  agentId: id,
  dialects: [...dialects.map((tag) => ({ tag, proficiency: 4 })), { tag: 'wuu', proficiency: 2 }],
  ...extra,
});

describe('diagnostics before solving', () => {
  it('says a team of 12 (40 h a week, at most 36 h on the phones) is too small for 858 agent-hours', () => {
    const h = horizon(7);
    // 858 agent-hours: 1716 half-hour agent-intervals, spread over the week's daytime intervals.
    const requirements: Array<{ interval: number; dialect: string | null; agents: number }> = [];
    let left = 1716;
    for (let i = 0; left > 0; i++) {
      const day = Math.floor(i / 24);
      const interval = day * 48 + 16 + (i % 24);
      const agents = Math.min(left, 11);
      requirements.push({ interval, dialect: null, agents });
      left -= agents;
    }
    const agents = Array.from({ length: 12 }, (_, k) => agent(`a${k}`));
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements,
      agents,
      rules: RULES,
    });
    expect(d.demandAgentHours).toBe(858);
    // 40 paid hours hold at least 15 minutes' rest per 2 worked hours: 36 h on the phones at most.
    expect(d.capacityAgentHours).toBe(12 * 36);
    const reason = d.reasons.find((r) => r.code === 'TEAM_TOO_SMALL')!;
    expect(reason.message).toContain('858 agent-hours');
    expect(reason.message).toContain('on the phones at most 432');
  });

  it('counts part-time contracts and unavailability in the capacity', () => {
    const h = horizon(7);
    const agents = [
      agent('full'),
      agent('part', ['cmn'], { maxWeeklyMinutes: 20 * 60 }),
      agent('away', ['cmn'], { unavailable: [{ start: h.start, end: h.dayStarts[7] }] }),
    ];
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements: daytime(7, null, 1),
      agents,
      rules: RULES,
    });
    // 36 h of 40, 18 h of 20 (two 7¾-hour days and a 4½-hour one), nothing while away.
    expect(d.capacityAgentHours).toBe(36 + 18);
    // 98 agent-hours asked for (14 a day).
    expect(d.reasons.map((r) => r.details)).toEqual([
      { neededAgentHours: 98, availableAgentHours: 54, agents: 3 },
    ]);
  });

  it('names a dialect nobody speaks at ≥ 3, and a dialect with too few speakers', () => {
    const h = horizon(1);
    const agents = [agent('a', ['cmn']), agent('b', ['cmn', 'yue'])];
    const requirements = [
      { interval: 20, dialect: 'cmn-x-wuhan', agents: 1 },
      { interval: 21, dialect: 'wuu', agents: 1 },
      ...Array.from({ length: 20 }, (_, k) => ({ interval: 10 + k, dialect: 'yue', agents: 1 })),
      ...Array.from({ length: 20 }, (_, k) => ({ interval: 10 + k, dialect: 'yue', agents: 1 })),
    ];
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements,
      agents,
      rules: RULES,
    });
    const codes = d.reasons.map((r) => r.code);
    expect(codes).toContain('NO_QUALIFIED_AGENTS');
    expect(d.reasons.find((r) => r.code === 'NO_QUALIFIED_AGENTS')!.message).toContain(
      'cmn-x-wuhan',
    );
    // yue: 20 h asked, one speaker for one day (at most 8 h).
    expect(codes).toContain('DIALECT_TOO_FEW');
    // Everyone holds wuu at proficiency 2: that does not count.
    expect(
      d.reasons.some((r) => r.code === 'NO_QUALIFIED_AGENTS' && r.details?.dialect === 'wuu'),
    ).toBe(true);
  });

  it('names time off over a peak: more required than agents not off', () => {
    const h = horizon(1);
    const peak = h.start + 20 * 30 * 60_000; // 10:00 local
    const off = { start: peak - 3_600_000, end: peak + 3_600_000 };
    const agents = [agent('a'), agent('b', ['cmn'], { unavailable: [off] }), agent('c')];
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements: [
        { interval: 20, dialect: null, agents: 3 },
        { interval: 21, dialect: null, agents: 3 },
        { interval: 30, dialect: null, agents: 3 },
      ],
      agents,
      rules: RULES,
    });
    const reason = d.reasons.find((r) => r.code === 'TIME_OFF_OVER_PEAK')!;
    expect(reason).toBeDefined();
    expect(reason.details).toMatchObject({
      date: '2026-01-05',
      required: 3,
      available: 2,
      agentsOff: 1,
    });
    expect(reason.message).toContain('10:00-11:00');
  });

  it('a one-day horizon allows a full day per agent, not a seventh of the week', () => {
    const d = diagnoseBeforeSolving({
      horizon: horizon(1),
      timeZone: Z,
      requirements: daytime(1, null, 1),
      agents: [agent('a'), agent('b', ['cmn'], { maxWeeklyMinutes: 5 * 60 })],
      rules: RULES,
    });
    // 8 h less 4 rests, 5 h less 2.
    expect(d.capacityAgentHours).toBe(7 + 4.5);
  });

  it('holds a team with shift templates to their lengths and start times', () => {
    const withTemplates = (templates: Array<{ start: string; minutes: number }>) =>
      diagnoseBeforeSolving({
        horizon: horizon(1),
        timeZone: Z,
        requirements: daytime(1, null, 1),
        agents: [agent('a')],
        rules: RULES,
        templates,
      }).capacityAgentHours;
    // One 4-hour shift, two rests: 3.5 h, not the 7 h of an 8-hour day.
    expect(withTemplates([{ start: '09:00', minutes: 240 }])).toBe(3.5);
    // Calls are asked for 08:00-22:00: a 20:00 start spans two of its four hours.
    expect(withTemplates([{ start: '20:00', minutes: 240 }])).toBe(2);
  });

  it('names the calls no shift template reaches, the stretch asking most first', () => {
    const reasons = (templates: Array<{ start: string; minutes: number }>, days = 2) =>
      diagnoseBeforeSolving({
        horizon: horizon(days),
        timeZone: Z,
        requirements: daytime(days, null, 1),
        agents: [agent('a'), agent('b')],
        rules: RULES,
        templates,
      }).reasons.filter((r) => r.code === 'TEMPLATES_MISS_DEMAND');
    // Calls 08:00-22:00: an 08:00 six-hour template leaves 14:00-22:00, 8 agent-hours a day.
    const [late] = reasons([{ start: '08:00', minutes: 360 }]);
    expect(late.details).toEqual({
      unreachedAgentHours: 16,
      from: '14:00',
      to: '22:00',
      days: 2,
      stretches: 1,
    });
    expect(late.message).toContain('14:00-22:00 (2 days): 16 agent-hours');
    // 10:00-16:00 leaves two stretches: the evening's six hours are named, the morning's two counted.
    const [both] = reasons([{ start: '10:00', minutes: 360 }], 1);
    expect(both.details).toMatchObject({
      unreachedAgentHours: 8,
      from: '16:00',
      to: '22:00',
      days: 1,
      stretches: 2,
    });
    // Templates spanning the whole day between them: nothing to say.
    expect(
      reasons([
        { start: '08:00', minutes: 420 },
        { start: '15:00', minutes: 420 },
      ]),
    ).toEqual([]);
  });

  it('counts only the demand a shift can reach: a closed Sunday adds only Monday 08:00-09:00', () => {
    // Sunday 4 Jan 2026 to Saturday 10 Jan: Sunday closes week 0, Monday opens week 1.
    const h = buildGrid('2026-01-04', 7, Z, 30);
    // Monday to Saturday 08:00-22:00, one Wuhan speaker asked for: 84 agent-hours.
    const requirements = Array.from({ length: 6 }, (_, d) =>
      Array.from({ length: 28 }, (_, k) => ({
        interval: (d + 1) * 48 + 16 + k,
        dialect: 'cmn-x-wuhan',
        agents: 1,
      })),
    ).flat();
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements,
      agents: [agent('a', ['cmn-x-wuhan']), agent('b', ['cmn-x-wuhan'])],
      rules: RULES,
    });
    // A contract's hours would say 2 x (8 h on Sunday + 40 h) = 96 >= 84, and nothing short. On the
    // phones: 36 h a week, and a Sunday shift reaches Monday's first hour at most.
    expect(d.capacityAgentHours).toBe(2 * (36 + 1));
    expect(d.reasons.find((r) => r.code === 'DIALECT_TOO_FEW')?.details).toMatchObject({
      dialect: 'cmn-x-wuhan',
      neededAgentHours: 84,
      availableAgentHours: 74,
    });
  });

  it('says when an interval needs more agents than the team has at all', () => {
    const h = horizon(1);
    const d = diagnoseBeforeSolving({
      horizon: h,
      timeZone: Z,
      requirements: [{ interval: 20, dialect: null, agents: 5 }],
      agents: [agent('a'), agent('b')],
      rules: RULES,
    });
    // That half hour asks for 2.5 agent-hours; two agents can give it one.
    expect(d.reasons.map((r) => r.code)).toEqual(['TEAM_TOO_SMALL', 'HEADCOUNT_SHORT']);
  });
});

describe('diagnostics after solving', () => {
  const coverage = [
    { start: '2026-01-05T02:00:00.000Z', required: 3, scheduled: 1 },
    { start: '2026-01-05T02:00:00.000Z', dialect: 'yue', required: 1, scheduled: 0 },
    { start: '2026-01-06T02:00:00.000Z', required: 2, scheduled: 2 },
  ];

  it('reports shortfall per dialect and per local day', () => {
    const s = shortfallOf(coverage, Z);
    expect(s.total).toEqual({ requiredAgentIntervals: 6, shortAgentIntervals: 3, share: 0.5 });
    expect(s.byDialect).toEqual([
      { dialect: 'yue', requiredAgentIntervals: 1, shortAgentIntervals: 1, share: 1 },
    ]);
    expect(s.byDay).toEqual([
      { date: '2026-01-05', requiredAgentIntervals: 4, shortAgentIntervals: 3, share: 0.75 },
      { date: '2026-01-06', requiredAgentIntervals: 2, shortAgentIntervals: 0, share: 0 },
    ]);
  });

  it('ties short intervals to time off, else gives a plain shortfall line', () => {
    const off = {
      start: Date.parse('2026-01-05T00:00:00Z'),
      end: Date.parse('2026-01-05T04:00:00Z'),
    };
    const withOff = reasonsAfterSolving({
      coverage,
      intervalMinutes: 30,
      agents: [agent('a', ['cmn'], { unavailable: [off] }), agent('b')],
      timeZone: Z,
      known: [],
    });
    expect(withOff.map((r) => r.code)).toEqual(['TIME_OFF_OVER_PEAK']);
    expect(withOff[0].details).toMatchObject({ shortfallAgentIntervals: 2, agentsOff: 1 });
    const plain = reasonsAfterSolving({
      coverage,
      intervalMinutes: 30,
      agents: [agent('a'), agent('b')],
      timeZone: Z,
      known: [],
    });
    expect(plain.map((r) => r.code)).toEqual(['SHORTFALL']);
  });

  it("names breaks that take whole coarse intervals as the shortfall's cause", () => {
    // A 9-hour shift: a 60-min meal and four 15-min rests are 22 % of it. At 60-min intervals they
    // take 5 of its 9 intervals (counted in 44 %), at 30-min 6 of 18 (67 %); at 15-min exactly.
    expect(coarseBreaks(DEFAULT_LABOUR_RULES, 60)).toEqual({
      shiftHours: 9,
      countedShare: 0.444,
      breakShare: 0.222,
    });
    expect(coarseBreaks(DEFAULT_LABOUR_RULES, 30)?.countedShare).toBe(0.667);
    expect(coarseBreaks(DEFAULT_LABOUR_RULES, 15)).toBeNull();
    const at = (intervalMinutes: number) =>
      reasonsAfterSolving({
        coverage,
        intervalMinutes,
        agents: [agent('a'), agent('b')],
        timeZone: Z,
        known: [],
        rules: DEFAULT_LABOUR_RULES,
      });
    const hourly = at(60);
    expect(hourly.map((r) => r.code)).toEqual(['BREAKS_TAKE_WHOLE_INTERVALS']);
    expect(hourly[0].details).toMatchObject({ intervalMinutes: 60, countedShare: 0.444 });
    expect(hourly[0].message).toContain('44% of its intervals');
    const fine = at(15);
    expect(fine.map((r) => r.code)).toEqual(['SHORTFALL']);
  });
});
