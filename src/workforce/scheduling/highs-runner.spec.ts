import { DateTime } from 'luxon';
import { independentCheck } from '../../../test/scheduling/independent-checker';
import type { PlanningInput } from './domain/planning-input';
import { solvePlanningInWorker } from './highs-runner';
import { DEFAULT_LABOUR_RULES } from './labour-rules';

const zone = 'Asia/Shanghai';

function input(): PlanningInput {
  const first = DateTime.fromISO('2026-01-05', { zone });
  const requirements: PlanningInput['requirements'] = [];
  for (let d = 0; d < 2; d++)
    for (let m = 8 * 60; m < 18 * 60; m += 60)
      requirements.push({
        start: first.plus({ days: d, minutes: m }).toMillis(),
        dialect: null,
        agents: 2,
      });
  return {
    startDate: '2026-01-05',
    days: 2,
    intervalMinutes: 60,
    timeZone: zone,
    agents: Array.from({ length: 6 }, (_, k) => ({
      agentId: `a${k}`,
      dialects: [{ tag: 'cmn', proficiency: 4 }],
      maxWeeklyMinutes: 30 * 60,
    })),
    requirements,
    rules: { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: 300 },
  };
}

describe('solvePlanningInWorker', () => {
  it('solves in a worker thread and reports progress up to 1', async () => {
    const seen: number[] = [];
    const problem = input();
    const result = await solvePlanningInWorker(problem, (p) => seen.push(p)).result;
    expect(result.status).toBe('solved');
    expect(result.lowerBound).not.toBeNull();
    expect(independentCheck(problem, result)).toEqual([]);
    const short = result.coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled), 0);
    expect(result.diagnostics.shortfall.total.shortAgentIntervals).toBe(short);
    expect(result.diagnostics.shortfall.total.requiredAgentIntervals).toBe(40);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= seen[i - 1]))).toBe(true);
  }, 300_000);

  it('stopped before any schedule, it says there is none (and why) instead of hanging', async () => {
    const run = solvePlanningInWorker(input());
    run.stop();
    const result = await run.result;
    expect(result.status).toBe('no schedule');
    expect(result.lowerBound).toBeNull();
    expect(result.diagnostics.reasons[0]).toMatchObject({ code: 'NO_SCHEDULE' });
  });
});
