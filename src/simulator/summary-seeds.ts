import { Interval, meanInterval, pairedDifference } from './stats';
import type { RunSummary } from './summary';

/** A figure shown with its interval over seeds. */
export interface SeedFigure {
  key: string;
  label: string;
  /** How to print it: a share as percent (differences in points), or a number with these digits. */
  unit: 'share' | number;
  of: (s: RunSummary) => number | null;
}

/** The figures a decision reads, in the order the table shows them. */
export const SEED_FIGURES: SeedFigure[] = [
  { key: 'serviceLevel', label: 'service level', unit: 'share', of: (s) => s.serviceLevel },
  { key: 'abandonment', label: 'abandonment', unit: 'share', of: (s) => s.abandonment },
  { key: 'asaSeconds', label: 'ASA (s)', unit: 1, of: (s) => s.asaSeconds },
  {
    key: 'occupancy',
    label: 'occupancy (recovery excluded)',
    unit: 'share',
    of: (s) => s.occupancy,
  },
  { key: 'hostileCalls', label: 'hostile calls', unit: 0, of: (s) => s.hostileCalls },
  { key: 'hostileGini', label: 'hostile calls per agent: Gini', unit: 3, of: (s) => s.hostileGini },
  {
    key: 'fullRecoveryShare',
    label: 'hostile calls with a full recovery',
    unit: 'share',
    of: (s) => s.fullRecoveryShare,
  },
  {
    key: 'secondsToRecoveryMedian',
    label: 'hostile call → recovery, median (s)',
    unit: 1,
    of: (s) => s.secondsToRecoveryMedian,
  },
  {
    key: 'callsBeforeRecoveryMean',
    label: 'calls taken before the recovery',
    unit: 2,
    of: (s) => s.callsBeforeRecoveryMean,
  },
  { key: 'recoveryMinutes', label: 'recovery minutes', unit: 0, of: (s) => s.recoveryMinutes },
  { key: 'paidAgentHours', label: 'paid agent-hours', unit: 1, of: (s) => s.paidAgentHours },
  {
    key: 'breakShareOfPaidTime',
    label: 'paid time on breaks or not ready',
    unit: 'share',
    of: (s) => s.breakShareOfPaidTime,
  },
  {
    key: 'recoveryShareOfPaidTime',
    label: 'paid time in recovery',
    unit: 'share',
    of: (s) => s.recoveryShareOfPaidTime,
  },
  {
    key: 'hostilePerAgentHour',
    label: 'hostile calls per agent-hour',
    unit: 3,
    of: (s) => s.hostilePerAgentHour,
  },
  {
    key: 'hostilePerAgentHourWorst',
    label: 'hostile calls per agent-hour, worst hour',
    unit: 3,
    of: (s) => s.hostilePerAgentHourWorst,
  },
  {
    key: 'agentsAboveTwoHostileInAnHour',
    label: 'agents with > 2 hostile calls in one hour',
    unit: 1,
    of: (s) => s.agentsAboveTwoHostileInAnHour,
  },
  {
    key: 'agentsAbove85Occupancy',
    label: 'agents above 85% occupancy',
    unit: 1,
    of: (s) => s.agentsAbove85Occupancy,
  },
  {
    key: 'counsellingOffers',
    label: 'counselling offers',
    unit: 0,
    of: (s) => s.counsellingOffers,
  },
];

export interface FigureOverSeeds {
  key: string;
  label: string;
  unit: SeedFigure['unit'];
  /** One per policy, in the order played. */
  perPolicy: Interval[];
  /** Each later policy minus the first, seed by seed (empty with one policy). */
  differences: Interval[];
}

/**
 * Pure: each figure's 95% interval per policy and the paired difference to the first policy.
 * `bySeed[s][p]` is seed s's summary of policy p. A seed where a figure is undefined (no hostile
 * call, say) is left out of that figure, and of its differences.
 */
export function figuresOverSeeds(
  bySeed: RunSummary[][],
  figures: SeedFigure[] = SEED_FIGURES,
): FigureOverSeeds[] {
  const policies = bySeed[0]?.length ?? 0;
  return figures.map((f) => {
    const column = (p: number) =>
      bySeed.map((runs) => f.of(runs[p])).filter((x): x is number => x !== null);
    const differences: Interval[] = [];
    for (let p = 1; p < policies; p++) {
      const pairs = bySeed
        .map((runs) => [f.of(runs[0]), f.of(runs[p])])
        .filter((pair): pair is [number, number] => pair[0] !== null && pair[1] !== null);
      differences.push(
        pairedDifference(
          pairs.map(([a]) => a),
          pairs.map(([, b]) => b),
        ),
      );
    }
    return {
      key: f.key,
      label: f.label,
      unit: f.unit,
      perPolicy: Array.from({ length: policies }, (_, p) => meanInterval(column(p))),
      differences,
    };
  });
}

/** "83.4% ± 0.6" for a share, "7.9 ± 0.4" for a number; a difference is signed (points for a share). */
export function formatInterval(i: Interval, unit: SeedFigure['unit'], signed = false): string {
  if (i.n === 0 || Number.isNaN(i.mean)) return 'n/a';
  const scale = unit === 'share' ? 100 : 1;
  const digits = unit === 'share' ? 1 : unit;
  const sign = signed && i.mean * scale >= 0.5 * 10 ** -digits ? '+' : '';
  const mean = `${sign}${(i.mean * scale).toFixed(digits)}${unit === 'share' ? (signed ? ' pt' : '%') : ''}`;
  return i.halfWidth === null ? mean : `${mean} ± ${(i.halfWidth * scale).toFixed(digits)}`;
}

/** A plain-text table: one column per policy, then the difference of each later policy. */
export function renderSeedsTable(
  figures: FigureOverSeeds[],
  policies: string[],
  seeds: number,
): string {
  const header = ['', ...policies, ...policies.slice(1).map((p) => `${p} − ${policies[0]}`)];
  const rows = figures.map((f) => [
    f.label,
    ...f.perPolicy.map((i) => formatInterval(i, f.unit)),
    ...f.differences.map((i) => formatInterval(i, f.unit, true)),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `mean over ${seeds} seeds ± half-width of the 95% interval (Student t; differences paired by seed)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
