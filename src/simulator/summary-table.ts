import type { SimulatorOptions } from './options';
import type { ExtraAgentsResult, RosterFigures } from './simulation';
import type { RunSummary } from './summary';

const pct = (x: number | null, digits = 1) =>
  x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
const num = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));

const points = (a: number | null, b: number | null) =>
  a === null || b === null
    ? 'n/a'
    : `${b - a >= 0.0005 ? '+' : ''}${((b - a) * 100).toFixed(1)} pt`;
const delta = (a: number | null, b: number | null, digits = 1) =>
  a === null || b === null
    ? 'n/a'
    : `${b - a >= 0.5 * 10 ** -digits ? '+' : ''}${(b - a).toFixed(digits)}`;

/** One row: label, a run's figure, and optionally the difference of a run to the first. */
export type SummaryRow = [
  string,
  (s: RunSummary, o: Pick<SimulatorOptions, 'serviceLevelSeconds'>) => string,
  ((first: RunSummary, other: RunSummary) => string)?,
];

/** The rows of the summary: label, and a formatter of one run's figure. */
export const SUMMARY_ROWS: SummaryRow[] = [
  [
    'demand over forecast / absent agent-days',
    (s) => `${s.demandOverForecast.toFixed(3)} / ${s.absentAgentDays}`,
  ],
  ['calls offered / answered / abandoned', (s) => `${s.offered} / ${s.answered} / ${s.abandoned}`],
  [
    'service level',
    (s, o) => `${pct(s.serviceLevel)} in ${o.serviceLevelSeconds} s`,
    (a, b) => points(a.serviceLevel, b.serviceLevel),
  ],
  ['ASA', (s) => `${num(s.asaSeconds)} s`, (a, b) => `${delta(a.asaSeconds, b.asaSeconds)} s`],
  ['abandonment', (s) => pct(s.abandonment), (a, b) => points(a.abandonment, b.abandonment)],
  [
    'occupancy (recovery, breaks excluded)',
    (s) => pct(s.occupancy),
    (a, b) => points(a.occupancy, b.occupancy),
  ],
  [
    'agents above 85% occupancy',
    (s) => String(s.agentsAbove85Occupancy),
    (a, b) => delta(a.agentsAbove85Occupancy, b.agentsAbove85Occupancy, 0),
  ],
  [
    'hostile calls',
    (s) => String(s.hostileCalls),
    (a, b) => delta(a.hostileCalls, b.hostileCalls, 0),
  ],
  [
    'hostile calls per agent: max / p90',
    (s) => `${s.hostilePerAgentMax} / ${s.hostilePerAgentP90}`,
  ],
  ['hostile calls per agent: Gini', (s) => s.hostileGini.toFixed(3)],
  [
    'hostile calls per agent-hour: day / worst hour',
    (s) => `${num(s.hostilePerAgentHour, 3)} / ${num(s.hostilePerAgentHourWorst, 3)}`,
  ],
  ['agents with > 2 hostile calls in one hour', (s) => String(s.agentsAboveTwoHostileInAnHour)],
  [
    'hostile calls with a full recovery',
    (s) => pct(s.fullRecoveryShare),
    (a, b) => points(a.fullRecoveryShare, b.fullRecoveryShare),
  ],
  ['  granted by the service (its report)', (s) => pct(s.grantedRecoveryShare)],
  [
    'hostile call → recovery: median / p90',
    (s) =>
      s.secondsToRecoveryMedian === null
        ? 'n/a'
        : `${num(s.secondsToRecoveryMedian)} s / ${num(s.secondsToRecoveryP90)} s`,
  ],
  [
    'hostile calls with no recovery / calls before it',
    (s) => `${s.hostileWithoutRecovery} / ${num(s.callsBeforeRecoveryMean, 2)}`,
  ],
  [
    'recovery minutes',
    (s) => s.recoveryMinutes.toFixed(1),
    (a, b) => delta(a.recoveryMinutes, b.recoveryMinutes),
  ],
  [
    'paid agent-hours',
    (s) => s.paidAgentHours.toFixed(1),
    (a, b) => delta(a.paidAgentHours, b.paidAgentHours),
  ],
  [
    'paid time on breaks or not ready',
    (s) => pct(s.breakShareOfPaidTime, 2),
    (a, b) => points(a.breakShareOfPaidTime, b.breakShareOfPaidTime),
  ],
  [
    'paid time in recovery',
    (s) => pct(s.recoveryShareOfPaidTime, 2),
    (a, b) => points(a.recoveryShareOfPaidTime, b.recoveryShareOfPaidTime),
  ],
  [
    'recoveries extended by agents / shortened by supervisors',
    (s) => `${s.recoveriesExtended} / ${s.recoveriesShortened}`,
  ],
  [
    'counselling offers / sessions booked',
    (s) => `${s.counsellingOffers} / ${s.counsellingBookings}`,
  ],
  ['self-booked breaks', (s) => String(s.breaksBooked)],
];

/** Hostile calls per agent (and per paid hour) of each dialect group any run saw. */
export function exposureRows(runs: RunSummary[]): SummaryRow[] {
  const groups = [...new Set(runs.flatMap((r) => r.exposureByDialect.map((g) => g.group)))].sort();
  return groups.map((group): SummaryRow => [
    `hostile per agent (per hour): ${group}`,
    (s) => {
      const g = s.exposureByDialect.find((x) => x.group === group);
      return g ? `${g.hostilePerAgent.toFixed(2)} (${num(g.hostilePerAgentHour, 3)})` : 'n/a';
    },
  ]);
}

/** Rows of the callback measures, all callbacks then each dialect any run saw; none without callbacks. */
export function callbackRows(runs: RunSummary[]): SummaryRow[] {
  if (!runs.some((r) => r.callbacks.length)) return [];
  const dialects = [
    ...new Set(runs.flatMap((r) => r.callbacks.map((c) => c.dialect)).filter((d) => d !== null)),
  ].sort();
  const of = (s: RunSummary, d: string | null) => s.callbacks.find((c) => c.dialect === d);
  return [null, ...dialects].flatMap((d): SummaryRow[] => {
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
export function summaryRows(runs: RunSummary[]): SummaryRow[] {
  return [...SUMMARY_ROWS, ...exposureRows(runs), ...callbackRows(runs)];
}

/** A plain-text table: one column per policy. */
export function renderSummaryTable(
  runs: RunSummary[],
  options: Pick<SimulatorOptions, 'serviceLevelSeconds'>,
): string {
  const others = runs.slice(1);
  const header = [
    '',
    ...runs.map((r) => r.policy),
    ...others.map((r) => `${r.policy} − ${runs[0].policy}`),
  ];
  const rows = summaryRows(runs).map(([label, f, diff]) => [
    label,
    ...runs.map((r) => f(r, options)),
    ...others.map((r) => (diff ? diff(runs[0], r) : '')),
  ]);
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

/** The schedule played, in a few lines (`--schedule`). */
export function rosterLines(roster: RosterFigures): string[] {
  const st = roster.staffing;
  return [
    `schedule: ${roster.shifts} shifts for ${roster.agentsWithShifts} agents, ${roster.paidAgentHours.toFixed(1)} paid agent-hours` +
      ` (the requirements ask ${st.requiredAgentHours.toFixed(1)} agent-hours); day played ${roster.window.from}-${roster.window.to}`,
    `staffing at the peak: ${st.peakAgents} agents rostered for ${st.peakRawAgents} working; shrinkage ` +
      `${pct(st.shrinkage.total)} (base ${pct(st.shrinkage.base)}, wellbeing ${pct(st.shrinkage.wellbeing)})` +
      `${roster.built ? '' : '; schedule reused'}`,
  ];
}

/** The extra-agent search's answer, in a few lines (`--find-extra-agents`). */
export function extraAgentsLines(x: ExtraAgentsResult): string[] {
  const head =
    x.extraAgents === null
      ? `extra agents for ${x.policy} to hold ${x.reference}'s service level (${pct(x.referenceServiceLevel)}, within ${x.tolerancePoints} pt): more than ${x.maxExtraAgents} (${pct(x.serviceLevel)} with ${x.maxExtraAgents})`
      : `extra agents for ${x.policy} to hold ${x.reference}'s service level (${pct(x.referenceServiceLevel)}, within ${x.tolerancePoints} pt): ` +
        `${x.extraAgents}, ${num(x.agentHours)} agent-hours (${pct(x.serviceLevelWithout)} → ${pct(x.serviceLevel)})`;
  return [
    head,
    `  trials: ${x.trials.map((t) => `+${t.extraAgents} → ${pct(t.serviceLevel)}`).join(', ')}`,
  ];
}
