import fc from 'fast-check';
import { exposureFigures, ExposureAgent, LoggedCall, recoverySpells } from './exposure';
import type { StateSpan } from './metrics';

const M = 60_000;
const H = 60 * M;
const agents: ExposureAgent[] = [
  { index: 0, agentId: 'a', group: 'cmn' },
  { index: 1, agentId: 'b', group: 'yue' },
];
const day = [{ startMs: 0, endMs: 2 * H }];
const fiveMinutes = () => 5 * M;
const call = (
  agentIndex: number,
  answeredMs: number,
  endedMs: number,
  sev: number | null = null,
): LoggedCall => ({
  agentIndex,
  answeredMs,
  endedMs,
  hostileSeverity: sev,
});
const span = (agentId: string, state: string, startMs: number, endMs: number): StateSpan => ({
  agentId,
  state,
  startMs,
  endMs,
});

describe('exposure figures', () => {
  it('merges contiguous recovery spans into spells', () => {
    expect(
      recoverySpells([
        span('a', 'recovery', 10, 20),
        span('a', 'on_call', 0, 10),
        span('a', 'recovery', 20, 30),
        span('a', 'recovery', 40, 50),
      ]),
    ).toEqual([
      [10, 30],
      [40, 50],
    ]);
  });

  it('measures recovery from the presence history: before the next call and long enough, or not full', () => {
    // Agent a: a hostile call ending at 10 min, wrap-up, then 5 minutes of recovery: full.
    // A second hostile call ending at 40 min: its recovery comes only after another call: not full.
    // Agent b: a hostile call at 1 h 30, no recovery at all.
    const calls = [
      call(0, 5 * M, 10 * M, 1),
      call(0, 30 * M, 40 * M, 1),
      call(0, 41 * M, 45 * M),
      call(1, 85 * M, 90 * M, 2),
    ];
    const spans = [
      span('a', 'available', 0, 5 * M),
      span('a', 'on_call', 5 * M, 10 * M),
      span('a', 'wrap_up', 10 * M, 10.5 * M),
      span('a', 'recovery', 10.5 * M, 15.5 * M),
      span('a', 'available', 15.5 * M, 30 * M),
      span('a', 'on_call', 30 * M, 40 * M),
      span('a', 'wrap_up', 40 * M, 41 * M),
      span('a', 'on_call', 41 * M, 45 * M),
      span('a', 'recovery', 45 * M, 50 * M),
      span('a', 'available', 50 * M, 2 * H),
      span('b', 'available', 0, 85 * M),
      span('b', 'on_call', 85 * M, 90 * M),
      span('b', 'available', 90 * M, 2 * H),
      span('b', 'offline', 2 * H, 3 * H),
    ];
    const f = exposureFigures(calls, spans, agents, day, fiveMinutes);
    expect(f.paidHours).toBeCloseTo(4, 9);
    expect(f.recoveryShareOfPaidTime).toBeCloseTo(10 / 240, 9);
    expect(f.hostilePerAgentHour).toBeCloseTo(3 / 4, 9);
    expect(f.fullRecoveryShare).toBeCloseTo(1 / 3, 9);
    expect(f.hostileWithoutRecovery).toBe(1);
    expect(f.secondsToRecoveryMedian).toBe(30);
    expect(f.secondsToRecoveryP90).toBe(300);
    expect(f.callsBeforeRecoveryMean).toBe(0.5);
    expect(f.hostileWithCallsBeforeRecovery).toBe(1);
    expect(f.worstHour).toEqual({ startMs: 0, hostilePerAgentHour: 1 });
    expect(f.agentsAboveTwoInAnHour).toBe(0);
    // a: on a call or in wrap-up 20.5 of 110 minutes (recovery excluded): below 85%.
    expect(f.agentsAbove85Occupancy).toBe(0);
    expect(f.byGroup).toEqual([
      { group: 'cmn', agents: 1, hostileCalls: 2, hostilePerAgent: 2, hostilePerAgentHour: 1 },
      { group: 'yue', agents: 1, hostileCalls: 1, hostilePerAgent: 1, hostilePerAgentHour: 0.5 },
    ]);
  });

  it('counts agents with more than two hostile calls in one clock hour, and agents above 85% occupancy', () => {
    const calls = [1, 2, 3].map((k) => call(0, k * 10 * M, k * 10 * M + 5 * M, 1));
    const spans = [span('a', 'on_call', 0, 2 * H), span('b', 'available', 0, 2 * H)];
    const f = exposureFigures(calls, spans, agents, day, () => 0);
    expect(f.agentsAboveTwoInAnHour).toBe(1);
    expect(f.agentsAbove85Occupancy).toBe(1);
    expect(f.hostileWithoutRecovery).toBe(3);
    expect(f.fullRecoveryShare).toBe(0);
  });

  it('accounts for every hostile call: with a recovery or without, and never more full than followed', () => {
    const arb = fc.array(
      fc.record({
        agent: fc.integer({ min: 0, max: 1 }),
        start: fc.integer({ min: 0, max: 100 }),
        length: fc.integer({ min: 1, max: 10 }),
        hostile: fc.boolean(),
        recovery: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (drawn) => {
        const calls: LoggedCall[] = [];
        const spans: StateSpan[] = [];
        for (const d of drawn) {
          const a = d.start * M;
          const e = a + d.length * M;
          calls.push(call(d.agent, a, e, d.hostile ? 1 : null));
          if (d.recovery)
            spans.push(span(agents[d.agent].agentId, 'recovery', e, e + d.recovery * M));
        }
        const f = exposureFigures(
          calls,
          spans,
          agents,
          [{ startMs: 0, endMs: 3 * H }],
          fiveMinutes,
        );
        const hostile = calls.filter((c) => c.hostileSeverity !== null).length;
        const followed = hostile - f.hostileWithoutRecovery;
        expect(f.hostileWithoutRecovery).toBeLessThanOrEqual(hostile);
        if (hostile) expect(f.fullRecoveryShare! * hostile).toBeLessThanOrEqual(followed + 1e-9);
        expect(f.byGroup.reduce((s, g) => s + g.hostileCalls, 0)).toBe(hostile);
        expect(f.hostileWithCallsBeforeRecovery).toBeLessThanOrEqual(followed);
      }),
    );
  });
});
