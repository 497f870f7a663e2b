import { solveInWorker } from './highs-runner';
import { buildHorizon, generateSchedule, Solver } from './generate-schedule';
import { DEFAULT_LABOUR_RULES, LabourRules } from './labour-rules';
import { checkShifts } from './rule-checker';
import type { ModelAgent, ModelRequirement } from './schedule-model';

const rules: LabourRules = { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: 600 };
const zone = 'Asia/Shanghai';
/** Tests check correctness, not speed: the solver may take as long as a busy machine needs. */
const untimed: Solver = (lp, o) => solveInWorker(lp, { ...o, time_limit: 600 });

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
    const result = await generateSchedule({
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
    const result = await generateSchedule({
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
    // Coverage counting, recomputed here: an agent counts for a dialect only if it holds it.
    const dialectsOf = new Map(agents.map((a) => [a.id, a.dialects]));
    const row = result.coverage.find(
      (c) => c.dialect === 'yue' && c.start === '2026-01-08T03:00:00.000Z',
    )!;
    const from = Date.parse(row.start);
    let expected = 0;
    for (const s of result.shifts) {
      if (
        !(s.start < from + 1_800_000 && s.end > from) ||
        !dialectsOf.get(s.agentId)!.includes('yue')
      )
        continue;
      let present = Math.min(s.end, from + 1_800_000) - Math.max(s.start, from);
      for (const b of s.breaks)
        present -= Math.max(0, Math.min(b.end, from + 1_800_000) - Math.max(b.start, from));
      expected += present / 1_800_000;
    }
    expect(row.scheduled).toBeCloseTo(expected, 2);
  }, 600_000);
});
