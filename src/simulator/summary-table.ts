import type { SimulatorOptions } from './options';
import type { RunSummary } from './summary';

const pct = (x: number | null, digits = 1) =>
  x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
const num = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));

/** The rows of the summary: label, and a formatter of one run's figure. */
export const SUMMARY_ROWS: Array<
  [string, (s: RunSummary, o: Pick<SimulatorOptions, 'serviceLevelSeconds'>) => string]
> = [
  ['calls offered / answered / abandoned', (s) => `${s.offered} / ${s.answered} / ${s.abandoned}`],
  ['service level', (s, o) => `${pct(s.serviceLevel)} in ${o.serviceLevelSeconds} s`],
  ['ASA', (s) => `${num(s.asaSeconds)} s`],
  ['abandonment', (s) => pct(s.abandonment)],
  ['occupancy', (s) => pct(s.occupancy)],
  ['hostile calls', (s) => String(s.hostileCalls)],
  [
    'hostile calls per agent: max / p90',
    (s) => `${s.hostilePerAgentMax} / ${s.hostilePerAgentP90}`,
  ],
  ['hostile calls per agent: Gini', (s) => s.hostileGini.toFixed(3)],
  ['hostile calls with a full recovery', (s) => pct(s.fullRecoveryShare)],
  ['recovery minutes', (s) => s.recoveryMinutes.toFixed(1)],
  [
    'counselling offers / sessions booked',
    (s) => `${s.counsellingOffers} / ${s.counsellingBookings}`,
  ],
  ['self-booked breaks', (s) => String(s.breaksBooked)],
];

/** Rows of the callback measures, all callbacks then each dialect any run saw; none without callbacks. */
export function callbackRows(runs: RunSummary[]): typeof SUMMARY_ROWS {
  if (!runs.some((r) => r.callbacks.length)) return [];
  const dialects = [
    ...new Set(runs.flatMap((r) => r.callbacks.map((c) => c.dialect)).filter((d) => d !== null)),
  ].sort();
  const of = (s: RunSummary, d: string | null) => s.callbacks.find((c) => c.dialect === d);
  return [null, ...dialects].flatMap((d): typeof SUMMARY_ROWS => {
    const name = d ?? 'all';
    return [
      [
        `callbacks ${name}: scheduled / reached in window / missed`,
        (s) => {
          const c = of(s, d);
          return c
            ? `${c.scheduled} / ${pct(c.reachedInWindowShare)} / ${c.missed}`
            : '0 / n/a / 0';
        },
      ],
      [
        `callbacks ${name}: notBefore → 1st attempt / attempts`,
        (s) => {
          const c = of(s, d);
          return c
            ? `${num(c.medianSecondsToFirstAttempt)} s / ${num(c.attemptsPerCallback, 2)}`
            : 'n/a / n/a';
        },
      ],
    ];
  });
}

/** The summary's rows for these runs: the fixed ones, then the callback measures if any. */
export function summaryRows(runs: RunSummary[]): typeof SUMMARY_ROWS {
  return [...SUMMARY_ROWS, ...callbackRows(runs)];
}

/** A plain-text table: one column per policy. */
export function renderSummaryTable(
  runs: RunSummary[],
  options: Pick<SimulatorOptions, 'serviceLevelSeconds'>,
): string {
  const header = ['', ...runs.map((r) => r.policy)];
  const rows = summaryRows(runs).map(([label, f]) => [label, ...runs.map((r) => f(r, options))]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const first = runs[0];
  const title = first
    ? `${first.agents} agents, ${first.days} day${first.days === 1 ? '' : 's'}`
    : 'no runs';
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join(
    '\n',
  );
}
