import { DateTime } from 'luxon';
import { independentCheck } from '../../../../test/scheduling/independent-checker';
import { solveInWorker } from '../highs-runner';
import { DEFAULT_LABOUR_RULES } from '../labour-rules';
import { diagnoseSchedule } from './diagnostics';
import type { PlanningAgent, PlanningInput, PlanningResult } from './planning-input';
import { LpSolver, planSchedule } from './plan-schedule';

const zone = 'Asia/Shanghai';
const highs: LpSolver = (lp, o) => solveInWorker(lp, o);

/** A day curve 08:00-20:00 (peak 10:00-12:00), a total row and a Cantonese row, over `days` days. */
function team(
  agents: PlanningAgent[],
  days: number,
  peak: number,
  over: Partial<PlanningInput> = {},
): PlanningInput {
  const first = DateTime.fromISO('2026-01-05', { zone });
  const requirements: PlanningInput['requirements'] = [];
  for (let d = 0; d < days; d++)
    for (let m = 8 * 60; m < 20 * 60; m += 30) {
      const start = first.plus({ days: d, minutes: m }).toMillis();
      const agentsNeeded = m >= 10 * 60 && m < 12 * 60 ? peak : Math.ceil(peak / 2);
      requirements.push({ start, dialect: null, agents: agentsNeeded });
      requirements.push({ start, dialect: 'yue', agents: 1 });
    }
  return {
    startDate: '2026-01-05',
    days,
    intervalMinutes: 30,
    timeZone: zone,
    agents,
    requirements,
    rules: { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: 300 },
    ...over,
  };
}

const agent = (k: number, extra: Partial<PlanningAgent> = {}): PlanningAgent => ({
  agentId: `agent-${String(k).padStart(2, '0')}`,
  dialects: [
    { tag: 'cmn', proficiency: 3 + (k % 3) },
    ...(k % 3 === 0
      ? [{ tag: 'yue', proficiency: 3 }]
      : k % 3 === 1
        ? [{ tag: 'yue', proficiency: 2 }]
        : []),
  ],
  minWeeklyMinutes: k % 4 === 0 ? 16 * 60 : 24 * 60,
  maxWeeklyMinutes: k % 4 === 0 ? 24 * 60 : 40 * 60,
  ...extra,
});

function expectSound(input: PlanningInput, result: PlanningResult) {
  expect(result.status).toBe('solved');
  expect(result.violations).toEqual([]);
  expect(independentCheck(input, result)).toEqual([]);
  expect(result.lowerBound).not.toBeNull();
  expect(result.objective!).toBeGreaterThanOrEqual(result.lowerBound! - 1e-6);
  const gap =
    result.objective! > 0 ? (result.objective! - result.lowerBound!) / result.objective! : 0;
  expect(result.gap).toBeCloseTo(gap, 3);
}

describe('planSchedule (HiGHS)', () => {
  it('schedules a mixed-dialect team with contracts, preferences and time off, checked independently', async () => {
    const agents = Array.from({ length: 24 }, (_, k) =>
      agent(k, {
        ...(k % 5 === 0 ? { preferredStartWindow: { earliest: '08:00', latest: '09:00' } } : {}),
        ...(k % 6 === 1 ? { preferredDaysOff: [6, 7] } : {}),
        ...(k === 3
          ? {
              unavailable: [
                {
                  start: Date.parse('2026-01-06T00:00:00+08:00'),
                  end: Date.parse('2026-01-07T00:00:00+08:00'),
                },
              ],
            }
          : {}),
      }),
    );
    const input = team(agents, 7, 8, { team: { consistentStartTimes: true } });
    const progress: number[] = [];
    const result = await planSchedule(input, { solve: highs, onProgress: (p) => progress.push(p) });
    expectSound(input, result);
    expect(
      result.shifts
        .filter((s) => s.agentId === 'agent-03')
        .every(
          (s) =>
            s.end <= Date.parse('2026-01-06T00:00:00+08:00') ||
            s.start >= Date.parse('2026-01-07T00:00:00+08:00'),
        ),
    ).toBe(true);
    // Progress only grows, within 0..1, and ends at 1.
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]))).toBe(
      true,
    );
    expect(progress[progress.length - 1]).toBe(1);
    // Cantonese counts only agents at proficiency >= 3 (k % 3 === 0).
    const yueRows = result.coverage.filter((c) => c.dialect === 'yue');
    expect(yueRows.length).toBeGreaterThan(0);
    expect(result.diagnostics.shortfall.byDialect.map((d) => d.dialect)).toEqual(['yue']);
    expect(result.preferences.eveningSpread).toBeGreaterThanOrEqual(0);
  }, 300_000);

  it("uses only the team's shift templates", async () => {
    const agents = Array.from({ length: 10 }, (_, k) => agent(k));
    const input = team(agents, 3, 4, {
      team: {
        shiftTemplates: [
          { start: '08:00', minutes: 480 },
          { start: '12:00', minutes: 480 },
        ],
      },
    });
    const result = await planSchedule(input, { solve: highs });
    expectSound(input, result);
    for (const s of result.shifts) {
      const local = DateTime.fromMillis(s.start, { zone });
      expect(['08:00', '12:00']).toContain(local.toFormat('HH:mm'));
      expect(s.end - s.start).toBe(480 * 60_000);
    }
  }, 300_000);

  it('keeps the best schedule when a later stage fails: a failed MIP never replaces the first schedule', async () => {
    const agents = Array.from({ length: 12 }, (_, k) => agent(k));
    const input = team(agents, 4, 5);
    const incumbents: number[] = [];
    const failingMip: LpSolver = (lp, o) =>
      lp.includes('General') ? Promise.reject(new Error('solver crashed')) : highs(lp, o);
    const result = await planSchedule(input, {
      solve: failingMip,
      onIncumbent: (r) => incumbents.push(r.objective!),
    });
    expectSound(input, result);
    expect(incumbents.length).toBeGreaterThanOrEqual(1);
    expect(result.objective!).toBeLessThanOrEqual(incumbents[0] + 1e-6);
    expect(String(result.stats.mipStatus)).toContain('solver crashed');
    // A MIP answer worse than the first schedule (no shifts at all) is not taken either.
    const emptyMip: LpSolver = async (lp, o) =>
      lp.includes('General')
        ? { status: 'Time limit reached', objective: 1e9, values: {} }
        : highs(lp, o);
    const second = await planSchedule(input, { solve: emptyMip });
    expect(second.shifts.length).toBeGreaterThan(0);
    expect(second.solverStatus).toContain('LP rounded');
  }, 300_000);

  it('drops the packing margin where it costs coverage: a team whose demand needs every hour it may work', async () => {
    const first = DateTime.fromISO('2026-01-05', { zone });
    const agents: PlanningAgent[] = Array.from({ length: 30 }, (_, k) => ({
      agentId: `agent-${String(k).padStart(2, '0')}`,
      dialects: [
        { tag: 'cmn', proficiency: 4 },
        ...(k % 3 === 0 ? [{ tag: 'cmn-x-wuhan', proficiency: 4 }] : []),
      ],
    }));
    const requirements: PlanningInput['requirements'] = [];
    for (let d = 0; d < 7; d++)
      for (let h = 9; h < 21; h++) {
        const start = first.plus({ days: d, hours: h }).toMillis();
        requirements.push({ start, dialect: null, agents: h >= 10 && h < 16 ? 12 : 8 });
        requirements.push({ start, dialect: 'cmn-x-wuhan', agents: 3 });
      }
    const input: PlanningInput = {
      startDate: '2026-01-05',
      days: 7,
      intervalMinutes: 60,
      timeZone: zone,
      agents,
      requirements,
      rules: { ...DEFAULT_LABOUR_RULES },
      timeLimitSeconds: 30,
    };
    const result = await planSchedule(input, { solve: highs });
    expectSound(input, result);
    // With the margin the MIP left hours unworked that the demand needed; without it, it is near the bound.
    expect(result.stats.mipMargin).toBe('dropped: it cost coverage');
    expect(Number(result.stats.mipObjective)).toBeLessThan(Number(result.stats.mipWithMargin));
    expect(Number(result.stats.mipObjective)).toBeLessThanOrEqual(
      result.lowerBound! * 1.002 + 1e-6,
    );
  }, 300_000);
});

describe('diagnoseSchedule', () => {
  const empty = { solverStatus: 'x', hasSchedule: true, shifts: [], coverage: [] };

  it('says when the team is too small: agent-hours needed against the phone time contracts allow', () => {
    // 12 agents at 40 h, at most 36 h of it on the phones = 432 h; the week asks for 858 agent-hours.
    const agents = Array.from({ length: 12 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [{ tag: 'cmn', proficiency: 4 }],
      maxWeeklyMinutes: 40 * 60,
    }));
    const first = DateTime.fromISO('2026-01-05', { zone });
    const requirements = [];
    for (let d = 0; d < 7; d++)
      for (let m = 8 * 60; m < 20 * 60; m += 30)
        requirements.push({
          start: first.plus({ days: d, minutes: m }).toMillis(),
          dialect: null,
          agents: 10.2142857,
        });
    const input = team(agents, 7, 1, { requirements });
    const d = diagnoseSchedule(input, empty);
    const reason = d.reasons.find((r) => r.code === 'TEAM_TOO_SMALL')!;
    expect(reason.message).toContain('858 agent-hours');
    expect(reason.message).toContain('on the phones at most 432');
  });

  it('names a dialect nobody speaks at proficiency 3 or more, and time off over a short peak', () => {
    const agents = Array.from({ length: 4 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [
        { tag: 'cmn', proficiency: 4 },
        { tag: 'nan', proficiency: 2 },
      ],
      unavailable:
        k < 2
          ? [
              {
                start: Date.parse('2026-01-05T10:00:00+08:00'),
                end: Date.parse('2026-01-05T12:00:00+08:00'),
              },
            ]
          : [],
    }));
    const input = team(agents, 1, 2, {
      requirements: [
        { start: Date.parse('2026-01-05T10:00:00+08:00'), dialect: null, agents: 4 },
        { start: Date.parse('2026-01-05T10:00:00+08:00'), dialect: 'nan', agents: 1 },
      ],
    });
    const d = diagnoseSchedule(input, {
      ...empty,
      shifts: [{ agentId: 'a2' }, { agentId: 'a3' }],
      coverage: [
        { start: '2026-01-05T02:00:00.000Z', required: 4, scheduled: 2 },
        { start: '2026-01-05T02:00:00.000Z', dialect: 'nan', required: 1, scheduled: 0 },
      ],
    });
    expect(d.reasons.find((r) => r.code === 'NO_QUALIFIED_AGENTS')!.message).toContain(
      'Nobody at proficiency >= 3 in dialect nan (4 below 3)',
    );
    const peak = d.reasons.find((r) => r.code === 'TIME_OFF_OVER_PEAK')!;
    expect(peak.message).toContain('2026-01-05');
    expect(peak.details).toMatchObject({ agentsOff: 2, shortAgentIntervals: 3 });
    expect(d.shortfall.total).toEqual({
      requiredAgentIntervals: 5,
      shortAgentIntervals: 3,
      share: 0.6,
    });
    expect(d.shortfall.byDialect).toEqual([
      { dialect: 'nan', requiredAgentIntervals: 1, shortAgentIntervals: 1, share: 1 },
    ]);
    expect(d.unassignedAgents).toEqual(['a0', 'a1']);
  });
});
