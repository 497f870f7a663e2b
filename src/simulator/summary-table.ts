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

/** A plain-text table: one column per policy. */
export function renderSummaryTable(
  runs: RunSummary[],
  options: Pick<SimulatorOptions, 'serviceLevelSeconds'>,
): string {
  const header = ['', ...runs.map((r) => r.policy)];
  const rows = SUMMARY_ROWS.map(([label, f]) => [label, ...runs.map((r) => f(r, options))]);
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
