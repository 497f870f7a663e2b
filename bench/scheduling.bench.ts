/**
 * Scheduling benchmarks: a 300-agent, 7-day, 30-minute, 3-dialect week solved by HiGHS; and Erlang C
 * for 10,000 intervals of 50-2,000 agents. Returns rows; bench/run.ts prints them.
 */
import { requiredAgents } from '../src/workforce/staffing/erlang';
import { buildHorizon, generateSchedule } from '../src/workforce/scheduling/generate-schedule';
import { solveInWorker } from '../src/workforce/scheduling/highs-runner';
import { DEFAULT_LABOUR_RULES } from '../src/workforce/scheduling/labour-rules';
import type { ModelAgent, ModelRequirement } from '../src/workforce/scheduling/schedule-model';

export interface BenchRow {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean;
}

const ZONE = 'Asia/Shanghai';

/** A realistic daily curve 08:00-22:00: morning ramp, lunch peak, evening shoulder (0..1). */
function curve(hour: number): number {
  if (hour < 8 || hour >= 22) return 0;
  const peaks = Math.exp(-((hour - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5);
  return 0.35 + 0.65 * Math.min(1, peaks);
}

export function benchWeek(agentCount = 300) {
  const dialects = ['cmn', 'yue', 'cmn-x-wuhan'];
  const agents: ModelAgent[] = Array.from({ length: agentCount }, (_, k) => ({
    id: `agent-${k}`,
    // 50% Putonghua only, 25% + Cantonese, 25% + Wuhan
    dialects: k % 4 === 1 ? ['cmn', 'yue'] : k % 4 === 3 ? ['cmn', 'cmn-x-wuhan'] : ['cmn'],
    blocked: [],
  }));
  const horizon = buildHorizon('2026-01-05', 7, ZONE, 30);
  const requirements: ModelRequirement[] = [];
  const weekday = [1, 1, 0.95, 0.95, 1, 0.7, 0.6];
  for (let i = 0; i < horizon.intervalCount; i++) {
    const day = Math.floor((i * 30) / 1440);
    const hour = ((i * 30) % 1440) / 60;
    const c = curve(hour) * weekday[day];
    if (c === 0) continue;
    const calls = Math.round(600 * c); // per 30 min, AHT 240 s
    const need = requiredAgents({
      callsPerInterval: calls,
      intervalMinutes: 30,
      ahtSeconds: 240,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
    }).rawAgents;
    requirements.push({ interval: i, dialect: null, agents: need });
    requirements.push({ interval: i, dialect: 'yue', agents: Math.round(need * 0.2) });
    requirements.push({ interval: i, dialect: 'cmn-x-wuhan', agents: Math.round(need * 0.2) });
  }
  return { agents, horizon, requirements, dialects };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { agents, horizon, requirements } = benchWeek();
  const t0 = Date.now();
  const result = await generateSchedule({
    agents,
    horizon,
    requirements,
    rules: { ...DEFAULT_LABOUR_RULES, solverTimeLimitSeconds: 60 },
    timeZone: ZONE,
    solve: (lp, o) => solveInWorker(lp, o),
  });
  const seconds = (Date.now() - t0) / 1000;
  const gap =
    result.objective !== null && result.lowerBound !== null && result.objective > 0
      ? (result.objective - result.lowerBound) / result.objective
      : NaN;
  const name = `schedule ${agents.length} agents × 7 d × 30 min, 3 dialects`;
  rows.push({
    benchmark: name,
    metric: 'time to draft',
    value: `${seconds.toFixed(1)} s (${result.stats.variables} vars, ${result.stats.rows} rows)`,
    target: '≤ 60 s',
    ok: seconds <= 60 && result.shifts.length > 0,
  });
  rows.push({
    benchmark: name,
    metric: 'violations',
    value: String(result.violations.length),
    target: '0',
    ok: result.violations.length === 0,
  });
  rows.push({
    benchmark: name,
    metric: 'objective vs LP bound',
    value: `${result.objective} vs ${result.lowerBound} (gap ${(gap * 100).toFixed(2)} %)`,
    target: '≤ 5 %',
    ok: gap <= 0.05,
  });
  const under = result.coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled), 0);
  const required = result.coverage.reduce((s, c) => s + c.required, 0);
  rows.push({
    benchmark: name,
    metric: 'under-coverage after breaks',
    value: `${((under / required) * 100).toFixed(2)} % of required agent-intervals`,
    target: 'report',
    ok: true,
  });

  // Erlang C: 10,000 intervals of 50..2,000 agents.
  const inputs = Array.from({ length: 10_000 }, (_, k) => {
    const targetAgents = 50 + ((k * 7919) % 1951);
    return {
      callsPerInterval: Math.round((targetAgents * 0.85 * 1800) / 180),
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
    };
  });
  const e0 = process.hrtime.bigint();
  let checksum = 0;
  for (const input of inputs) checksum += requiredAgents(input).rawAgents;
  const ms = Number(process.hrtime.bigint() - e0) / 1e6;
  rows.push({
    benchmark: 'Erlang C, 10,000 intervals of 50-2,000 agents',
    metric: 'total time',
    value: `${ms.toFixed(0)} ms (Σ raw agents ${checksum})`,
    target: '< 1000 ms',
    ok: ms < 1000,
  });

  // Erlang A: the slowest allowed inputs (longest patience, the largest loads, targets far from A).
  const worst = [
    [100, 30, 180, 36_000, 20, 0.8],
    [2_000, 30, 180, 36_000, 20, 0.8],
    [1_000_000, 30, 180, 36_000, 20, 0.8],
    [1_000_000, 5, 36_000, 36_000, 3600, 0.9999],
    [1_000_000, 5, 36_000, 36_000, 3600, 0.01],
    [1_000_000, 5, 36_000, 1, 3600, 0.9999],
    [1_000_000, 60, 1, 36_000, 0, 0.01],
  ];
  let slowest = 0;
  for (const [calls, interval, aht, patience, t, sl] of worst) {
    const w0 = process.hrtime.bigint();
    requiredAgents({
      callsPerInterval: calls,
      intervalMinutes: interval,
      ahtSeconds: aht,
      patienceSeconds: patience,
      targetAnswerSeconds: t,
      targetServiceLevel: sl,
    });
    slowest = Math.max(slowest, Number(process.hrtime.bigint() - w0) / 1e6);
  }
  rows.push({
    benchmark: 'Erlang A, worst-case inputs (patience 36,000 s, 1,000,000 calls, AHT 36,000 s)',
    metric: 'slowest of 7',
    value: `${slowest.toFixed(0)} ms`,
    target: '< 1000 ms',
    ok: slowest < 1000,
  });
  return rows;
}
