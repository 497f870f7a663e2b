import { solveInWorker } from './highs-runner';
import { DateTime } from 'luxon';
import { independentCheck } from '../../../test/scheduling/independent-checker';
import type { PlanningInput, PlanningResult } from './domain/planning-input';
import {
  buildHorizon,
  fixedShiftsFor,
  GenerationInput,
  generateSchedule,
  Solver,
} from './generate-schedule';
import { DEFAULT_LABOUR_RULES, LabourRules } from './labour-rules';
import { checkShifts, countCoverage } from './rule-checker';
import type { ModelAgent, ModelRequirement } from './schedule-model';

const rules: LabourRules = { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: 600 };
const zone = 'Asia/Shanghai';
/** Tests check correctness, not speed: the solver may take as long as a busy machine needs. */
const untimed: Solver = (lp, o) => solveInWorker(lp, { ...o, time_limit: 600 });

/** generateSchedule, with the independent checker run on what it returns. */
async function generateChecked(input: GenerationInput) {
  const result = await generateSchedule(input);
  const step = input.horizon.intervalMinutes * 60_000;
  const planning: PlanningInput = {
    startDate: DateTime.fromMillis(input.horizon.start, { zone: input.timeZone }).toISODate()!,
    days: input.horizon.dayStarts.length - 1,
    intervalMinutes: input.horizon.intervalMinutes,
    timeZone: input.timeZone,
    agents: input.agents.map((a) => ({
      agentId: a.id,
      dialects: a.dialects.map((tag) => ({ tag, proficiency: 3 })),
      unavailable: a.blocked,
      fixedShifts: a.fixedShifts,
    })),
    requirements: input.requirements.map((r) => ({
      start: input.horizon.start + r.interval * step,
      dialect: r.dialect,
      agents: r.agents,
    })),
    rules: input.rules,
  };
  expect(independentCheck(planning, result as unknown as PlanningResult)).toEqual([]);
  return result;
}

/** A daily curve 08:00-22:00 local: 2 agents overall, 1 Cantonese from 10:00 to 18:00. */
function requirements(days: number): ModelRequirement[] {
  const h = buildHorizon('2026-01-05', days, zone, 30);
  const out: ModelRequirement[] = [];
  for (let i = 0; i < h.intervalCount; i++) {
    const hour = ((i * 30) / 60) % 24;
    if (hour >= 8 && hour < 22)
      out.push({ interval: i, dialect: null, agents: hour >= 11 && hour < 15 ? 3 : 2 });
    if (hour >= 10 && hour < 18) out.push({ interval: i, dialect: 'yue', agents: 1 });
  }
  return out;
}

describe('generateSchedule (HiGHS)', () => {
  it('builds a violation-free week meeting dialect coverage, checked independently', async () => {
    const agents: ModelAgent[] = Array.from({ length: 8 }, (_, k) => ({
      id: `agent-${k}`,
      dialects: k < 3 ? ['cmn', 'yue'] : ['cmn'],
      blocked:
        k === 0
          ? [
              {
                start: Date.parse('2026-01-06T00:00:00+08:00'),
                end: Date.parse('2026-01-08T00:00:00+08:00'),
              },
            ]
          : [],
    }));
    const horizon = buildHorizon('2026-01-05', 7, zone, 30);
    const reqs = requirements(7);
    const result = await generateChecked({
      agents,
      horizon,
      requirements: reqs,
      rules,
      timeZone: zone,
      solve: untimed,
    });
    expect(result.shifts.length).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
    const blocked = new Map(
      agents.map((a) => [a.id, a.blocked.map((b) => ({ ...b, reason: 'time_off' }))]),
    );
    expect(checkShifts(result.shifts, { rules, timeZone: zone, blocked })).toEqual([]);
    // No shift of agent-0 on its time off.
    for (const s of result.shifts.filter((x) => x.agentId === 'agent-0'))
      expect(s.end <= agents[0].blocked[0].start || s.start >= agents[0].blocked[0].end).toBe(true);
    // Dialect coverage counted independently: before breaks every yue interval has a yue speaker.
    for (const r of reqs.filter((x) => x.dialect === 'yue')) {
      const from = horizon.start + r.interval * 30 * 60_000;
      const present = result.shifts.filter(
        (s) =>
          s.start <= from &&
          s.end > from &&
          agents.find((a) => a.id === s.agentId)!.dialects.includes('yue'),
      ).length;
      expect(present).toBeGreaterThanOrEqual(1);
    }
    expect(result.lowerBound).not.toBeNull();
    expect(result.stats.unassigned).toBe(0);
    expect(result.objective!).toBeGreaterThanOrEqual(result.lowerBound! - 1e-6);
  }, 600_000);

  it('keeps every rule over ten days from a Wednesday, across two calendar weeks (default rules)', async () => {
    const days = 10;
    const horizon = buildHorizon('2026-01-07', days, zone, 30);
    const dialectSets = [['cmn'], ['cmn', 'yue'], ['cmn', 'wuu'], ['cmn', 'yue', 'wuu']];
    const agents: ModelAgent[] = Array.from({ length: 21 }, (_, k) => ({
      id: `agent-${String(k).padStart(2, '0')}`,
      dialects: dialectSets[k % 4],
      blocked:
        k === 5
          ? [
              {
                start: Date.parse('2026-01-12T12:00:00+08:00'),
                end: Date.parse('2026-01-15T00:00:00+08:00'),
              },
            ]
          : [],
    }));
    const reqs: ModelRequirement[] = [];
    for (let i = 0; i < horizon.intervalCount; i++) {
      const hour = ((i * 30) / 60) % 24;
      if (hour < 7 || hour >= 23) continue;
      reqs.push({ interval: i, dialect: null, agents: hour >= 9 && hour < 19 ? 6 : 3 });
      if (hour >= 9 && hour < 19) {
        reqs.push({ interval: i, dialect: 'yue', agents: 2 });
        reqs.push({ interval: i, dialect: 'wuu', agents: 1 });
      }
    }
    const result = await generateChecked({
      agents,
      horizon,
      requirements: reqs,
      rules,
      timeZone: zone,
      solve: untimed,
      options: { startStepMinutes: 120 },
    });
    expect(result.objective).not.toBeNull();
    const blocked = new Map(
      agents.map((a) => [a.id, a.blocked.map((b) => ({ ...b, reason: 'time_off' }))]),
    );
    expect(checkShifts(result.shifts, { rules, timeZone: zone, blocked })).toEqual([]);
    expect(result.violations).toEqual([]);
    // Every shift has its breaks, within the shift, and no agent works twice a day.
    const perDay = new Set<string>();
    for (const s of result.shifts) {
      const key = `${s.agentId}|${new Date(s.start + 8 * 3_600_000).toISOString().slice(0, 10)}`;
      expect(perDay.has(key)).toBe(false);
      perDay.add(key);
      for (const b of s.breaks) expect(b.start >= s.start && b.end <= s.end).toBe(true);
    }
    // Coverage counting, recomputed independently: whole agents, an agent counts for a dialect only
    // if it holds it, and only in intervals it works whole with no break.
    const dialectsOf = new Map(agents.map((a) => [a.id, a.dialects]));
    const counted = countCoverage(
      result.shifts,
      result.coverage.map((c) => ({ start: Date.parse(c.start), dialect: c.dialect ?? null })),
      30,
      dialectsOf,
    );
    expect(result.coverage.map((c) => c.scheduled)).toEqual(counted);
    for (const c of result.coverage) expect(Number.isInteger(c.scheduled)).toBe(true);
    // Coverage after breaks stays close to the requirement (the model staffs for break intervals).
    const short = result.coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled), 0);
    const required = result.coverage.reduce((s, c) => s + c.required, 0);
    expect(short / required).toBeLessThan(0.1);
  }, 600_000);

  describe('published shifts just outside the horizon', () => {
    const horizon = buildHorizon('2026-01-07', 2, zone, 30); // Wednesday and Thursday
    /** 1 agent 07:00-11:00 local on both days. */
    const early: ModelRequirement[] = [];
    for (let i = 0; i < horizon.intervalCount; i++) {
      const hour = ((i * 30) / 60) % 24;
      if (hour >= 7 && hour < 11) early.push({ interval: i, dialect: null, agents: 1 });
    }
    const local = (iso: string) => Date.parse(`${iso}+08:00`);
    const published = (agentId: string, from: string, to: string) =>
      fixedShiftsFor([{ agentId, start: local(from), end: local(to), breaks: [] }], horizon, zone);
    const generate = (agents: ModelAgent[]) =>
      generateChecked({
        agents,
        horizon,
        requirements: early,
        rules,
        timeZone: zone,
        solve: untimed,
      });

    it('a shift ending late the day before forbids an early first-day shift (11 h rest)', async () => {
      const tired: ModelAgent = {
        id: 'tired',
        dialects: ['cmn'],
        blocked: [],
        fixedShifts: published('tired', '2026-01-06T15:00:00', '2026-01-06T23:00:00'),
      };
      const alone = await generate([tired]);
      expect(alone.violations).toEqual([]);
      // 23:00 + 11 h = 10:00: no 07:00 shift on Wednesday; Thursday is fine.
      expect(alone.shifts.every((s) => s.start >= local('2026-01-08T00:00:00'))).toBe(true);
      expect(alone.shifts).toHaveLength(1);
      const both = await generate([tired, { id: 'fresh', dialects: ['cmn'], blocked: [] }]);
      expect(both.violations).toEqual([]);
      const first = both.shifts.find((s) => s.start < local('2026-01-08T00:00:00'))!;
      expect(first.agentId).toBe('fresh');
      expect(first.start).toBe(local('2026-01-07T07:00:00'));
    }, 600_000);

    it('six published working days in a row before the horizon leave the first day off', async () => {
      const run = ['01', '02', '03', '04', '05', '06'].flatMap((d) =>
        published('worn', `2026-01-${d}T07:00:00`, `2026-01-${d}T11:00:00`),
      );
      const worn: ModelAgent = { id: 'worn', dialects: ['cmn'], blocked: [], fixedShifts: run };
      const result = await generate([worn]);
      expect(result.violations).toEqual([]);
      expect(result.shifts.map((s) => new Date(s.start).toISOString())).toEqual([
        '2026-01-07T23:00:00.000Z', // Thursday 07:00 local only
      ]);
    }, 600_000);

    it('hours and days published earlier in the same calendar week count against its limits', async () => {
      // Monday, Tuesday, Friday, Saturday and Sunday of this week published (8 h each, no meal):
      // 5 working days and 40 h already, so Wednesday and Thursday stay free.
      const week = ['05', '06', '09', '10', '11'].flatMap((d) =>
        published('busy', `2026-01-${d}T08:00:00`, `2026-01-${d}T16:00:00`),
      );
      const busy: ModelAgent = { id: 'busy', dialects: ['cmn'], blocked: [], fixedShifts: week };
      const result = await generate([busy]);
      expect(result.violations).toEqual([]);
      expect(result.shifts).toEqual([]);
      // With only Monday and Tuesday published (16 h, 2 days), both days can be worked.
      const lighter: ModelAgent = { ...busy, fixedShifts: week.slice(0, 2) };
      const ok = await generate([lighter]);
      expect(ok.violations).toEqual([]);
      expect(ok.shifts).toHaveLength(2);
    }, 600_000);
  });
});
