import { DEFAULT_OPTIONS } from './options';
import { summarise } from './summary';
import { renderSummaryTable } from './summary-table';
import { HOUR, sampleLog, sampleSpans, START } from '../../test/support/simulator-sample';

describe('summarise', () => {
  const days = [{ startMs: START, endMs: START + HOUR, calls: [] }];
  const agents = { agents: [{ index: 0 }, { index: 1 }, { index: 2 }] };
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
      fullRecoveryShare: 0.5,
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

  it('renders a table with one column per policy and every figure', () => {
    const table = renderSummaryTable(
      [result.summary, { ...result.summary, policy: 'other' }],
      DEFAULT_OPTIONS,
    );
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/p\s+other$/);
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

function round1(x: number) {
  return Math.round(x * 10) / 10;
}
