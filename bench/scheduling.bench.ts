/**
 * Scheduling benchmarks: mixed-dialect teams (everyone Putonghua 3-5, 30% also Wuhan 2-5, 15% also
 * Cantonese 2-5; total row + per-dialect rows; demand ~75% of the team's contracted hours) solved through
 * the worker that the API uses, each case in its own process for its peak memory; and Erlang C for
 * 10,000 intervals of 50-2,000 agents. Returns rows; bench/run.ts prints them.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { requiredAgents } from '../src/workforce/staffing/erlang';
import type { CaseOptions } from './scheduling-cases';

export interface BenchRow {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean;
}

interface CaseResult {
  seconds: number;
  status: string;
  solverStatus: string;
  objective: number | null;
  lowerBound: number | null;
  gap: number | null;
  shifts: number;
  violations: number;
  independentFindings: number;
  shortShare: number;
  reasons: string[];
  reasonText: string[];
  preferences: Record<string, number>;
  stats: Record<string, number | string>;
  peakRssMb: number;
}

function runCase(options: CaseOptions): Promise<CaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'scheduling-case.ts'),
        JSON.stringify(options),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(__dirname, '..') },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as CaseResult);
      } catch {
        reject(new Error(`case exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(2)} %`);

/** The coverage part against the coverage bound (the LP; `lowerBound` adds the fairness floor). */
function coverageGap(r: CaseResult): number | null {
  const coverage = Number(r.stats.coverageCost);
  const bound = Number(r.stats.coverageBound ?? r.lowerBound);
  if (r.lowerBound === null || !Number.isFinite(coverage) || coverage <= 0) return null;
  return Math.max(0, (coverage - bound) / coverage);
}

/** Objective less its coverage part: start windows, days off, start times, fairness. */
function preferencePart(r: CaseResult): string {
  const coverage = Number(r.stats.coverageCost);
  if (r.objective === null || !Number.isFinite(coverage)) return 'n/a';
  return (Math.round((r.objective - coverage) * 10) / 10).toString();
}

interface Case {
  name: string;
  options: CaseOptions;
  maxSeconds: number;
  maxGap: number | null;
  maxShort: number | null;
  expectReason?: string;
}

const CASES: Case[] = [
  {
    name: '300 agents × 7 d × 30 min, mixed dialects',
    options: { agents: 300, days: 7, intervalMinutes: 30, timeLimitSeconds: 60 },
    maxSeconds: 60,
    maxGap: 0.03,
    maxShort: 0.01,
  },
  {
    name: '300 × 7 × 30 min, 10 % of agents off over Monday 09-13',
    options: { agents: 300, days: 7, intervalMinutes: 30, timeLimitSeconds: 60, timeOffShare: 0.1 },
    maxSeconds: 60,
    maxGap: null,
    maxShort: null,
    expectReason: 'TIME_OFF_OVER_PEAK',
  },
  {
    name: '300 × 7 × 15 min, mixed dialects',
    options: { agents: 300, days: 7, intervalMinutes: 15, timeLimitSeconds: 60 },
    maxSeconds: 60,
    maxGap: null,
    maxShort: null,
  },
  {
    name: '1,000 × 14 d × 30 min, mixed dialects',
    options: { agents: 1000, days: 14, intervalMinutes: 30, timeLimitSeconds: 180 },
    maxSeconds: 180,
    maxGap: 0.05,
    maxShort: null,
  },
  {
    name: '3,000 × 28 d × 30 min, mixed dialects',
    options: { agents: 3000, days: 28, intervalMinutes: 30, timeLimitSeconds: 300 },
    maxSeconds: 300,
    maxGap: null,
    maxShort: null,
  },
];

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const only = process.env.SCHEDULING_CASES?.split(',').map(Number);
  for (const [k, c] of CASES.entries()) {
    if (only && !only.includes(k)) continue;
    process.stderr.write(`  ${c.name} ...\n`);
    const r = await runCase(c.options);
    const within = r.seconds <= c.maxSeconds * 1.1;
    const has = r.status === 'solved' && r.lowerBound !== null;
    rows.push({
      benchmark: c.name,
      metric: 'time to draft (limit) · peak RSS of the solving process',
      value: `${r.seconds.toFixed(1)} s (limit ${c.options.timeLimitSeconds} s) · ${r.peakRssMb} MB · ${r.shifts} shifts, ${r.stats.columns} columns, ${r.stats.rows} rows`,
      target: `≤ ${c.maxSeconds} s, a schedule`,
      ok: within && has,
    });
    rows.push({
      benchmark: c.name,
      metric: 'objective vs lower bound (gap)',
      value: `${r.objective} vs ${r.lowerBound} (gap ${pct(r.gap)}; coverage part ${r.stats.coverageCost}, ${pct(coverageGap(r))} above the coverage bound ${r.stats.coverageBound ?? r.lowerBound}; preferences and fairness ${preferencePart(r)}) — ${r.solverStatus}`,
      target: c.maxGap === null ? 'reported' : `≤ ${pct(c.maxGap)}`,
      ok: has && (c.maxGap === null || (r.gap ?? 1) <= c.maxGap),
    });
    rows.push({
      benchmark: c.name,
      metric: 'shortfall after breaks · violations (solver check / independent check)',
      value: `${pct(r.shortShare)} of required agent-intervals · ${r.violations} / ${r.independentFindings}`,
      target: `${c.maxShort === null ? 'reported' : `≤ ${pct(c.maxShort)}`} · 0 / 0`,
      ok:
        (c.maxShort === null || r.shortShare <= c.maxShort) &&
        r.violations === 0 &&
        r.independentFindings === 0,
    });
    rows.push({
      benchmark: c.name,
      metric: 'preferences · diagnostics',
      value: `outside start window ${r.preferences.shiftsOutsideStartWindow}, on preferred days off ${r.preferences.shiftsOnPreferredDaysOff}, extra start times ${r.preferences.extraStartTimes}, evening spread ${r.preferences.eveningSpread}, weekend spread ${r.preferences.weekendSpread} · ${r.reasonText.join(' ') || 'no reasons'}`,
      target: c.expectReason ? `names ${c.expectReason}` : 'reported',
      ok: !c.expectReason || r.reasons.includes(c.expectReason),
    });
  }

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
