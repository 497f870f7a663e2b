import { DEFAULT_OPTIONS } from './options';
import { summarise } from './summary';
import { renderSummaryTable } from './summary-table';
import {
  HOUR,
  sampleAgents,
  sampleLog,
  sampleSpans,
  START,
} from '../../test/support/simulator-sample';

describe('summarise', () => {
  const days = [{ startMs: START, endMs: START + HOUR, calls: [] }];
  const agents = sampleAgents;
  const result = summarise('p', DEFAULT_OPTIONS, agents, days, sampleLog(), sampleSpans, 1);

  it('computes the issue’s columns from the call log and the state history', () => {
    expect(result.summary).toMatchObject({
      policy: 'p',
      agents: 3,
      offered: 4,
      answered: 3,
      abandoned: 1,
      serviceLevel: 0.5,
      asaSeconds: round1((10 + 30 + 0) / 3),
      abandonment: 0.25,
      hostileCalls: 2,
      hostilePerAgentMax: 2,
      hostilePerAgentP90: 2,
      // The service granted one of the two (its report); agent a never recovered in the history.
      fullRecoveryShare: 0,
      grantedRecoveryShare: 0.5,
      hostileWithoutRecovery: 2,
      // b's 15 minutes of recovery in the two agents' 2 paid hours; 2 hostile calls in them.
      recoveryShareOfPaidTime: 0.125,
      hostilePerAgentHour: 1,
      recoveryMinutes: 15,
      counsellingOffers: 1,
      counsellingBookings: 1,
      breaksBooked: 2,
    });
    // on_call 30 min + wrap_up 15 min over those + available 60 min
    expect(result.summary.occupancy).toBeCloseTo(45 / 105, 4);
    expect(result.summary.hostileGini).toBeCloseTo(2 / 3, 3);
    expect(result.hostilePerAgent).toEqual([2, 0, 0]);
    expect(result.intervals).toHaveLength(4);
  });

  it('renders a table with one column per policy, the difference to the first, and every figure', () => {
    const table = renderSummaryTable(
      [result.summary, { ...result.summary, policy: 'other', serviceLevel: 0.47, asaSeconds: 15 }],
      DEFAULT_OPTIONS,
    );
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/p\s+other\s+other − p$/);
    expect(lines.find((l) => l.startsWith('service level'))).toMatch(/-3\.0 pt$/);
    expect(lines.find((l) => l.startsWith('ASA'))).toMatch(/\+1\.7 s$/);
    expect(lines.find((l) => l.startsWith('hostile calls  '))).toMatch(/ 0$/);
    expect(table).toContain('hostile per agent (per hour): cmn');
    for (const label of [
      'service level',
      'ASA',
      'abandonment',
      'occupancy',
      'max / p90',
      'Gini',
      'full recovery',
      'recovery minutes',
      'counselling offers',
    ])
      expect(table).toContain(label);
    expect(table).toContain('50.0% in 20 s');
    expect(table).toContain('2 / 2');
  });
});

describe('summarise with callbacks', () => {
  const days = [{ startMs: START, endMs: START + HOUR, calls: [] }];
  const agents = { agents: [{ index: 0, agentId: 'a', primaryDialect: 'cmn' }] };
  const log = {
    ...sampleLog(),
    callbacks: [
      {
        id: 'c3-cb',
        day: 0,
        dialect: 'yue',
        notBeforeMs: START + 180_000,
        notAfterMs: START + 180_000 + HOUR,
        attempts: 2,
        firstAttemptMs: START + 200_000,
        reachedMs: START + 20 * 60_000,
        status: 'reached' as const,
      },
    ],
  };

  it('shows nothing of callbacks when the run had none', () => {
    const none = summarise('p', DEFAULT_OPTIONS, agents, days, sampleLog(), sampleSpans, 0);
    expect(none.summary.callbacks).toEqual([]);
    expect(renderSummaryTable([none.summary], DEFAULT_OPTIONS)).not.toContain('callbacks');
  });

  it('gives the measures for all callbacks and per dialect, and the table shows them', () => {
    const options = { ...DEFAULT_OPTIONS, callbackShare: 0.3 };
    const result = summarise('p', options, agents, days, log, sampleSpans, 0);
    expect(result.summary.callbacks).toEqual([
      {
        dialect: null,
        scheduled: 1,
        reachedInWindowShare: 1,
        medianSecondsToFirstAttempt: 20,
        attemptsPerCallback: 2,
        missed: 0,
      },
      {
        dialect: 'yue',
        scheduled: 1,
        reachedInWindowShare: 1,
        medianSecondsToFirstAttempt: 20,
        attemptsPerCallback: 2,
        missed: 0,
      },
    ]);
    const table = renderSummaryTable([result.summary], options);
    expect(table).toMatch(
      /callbacks all: scheduled \/ reached in window \/ missed\s+1 \/ 100.0% \/ 0/,
    );
    expect(table).toMatch(/callbacks yue: notBefore → 1st attempt \/ attempts\s+20.0 s \/ 2.00/);
    expect(result.log).not.toHaveProperty('callbacks');
  });

  it('shows 0 scheduled when callbacks were on but nobody hung up', () => {
    const options = { ...DEFAULT_OPTIONS, callbackShare: 0.3 };
    const result = summarise('p', options, agents, days, sampleLog(), sampleSpans, 0);
    expect(result.summary.callbacks).toHaveLength(1);
    expect(result.summary.callbacks[0].scheduled).toBe(0);
  });
});

function round1(x: number) {
  return Math.round(x * 10) / 10;
}
