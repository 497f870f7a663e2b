import fc from 'fast-check';
import {
  AgentHistory,
  decide,
  DEFAULT_POLICY,
  extendRecovery,
  severityMinutes,
  shortenRecovery,
  teamBreakCap,
  WellbeingPolicy,
  workStretch,
} from './break-policy';

const T0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const fresh: AgentHistory = { hostileCalls: [], workingSince: at(0), callsSinceBreak: 1 };
const ended = (severity: number | null, minute = 10, callId = 'c') =>
  ({ kind: 'call-ended', callId, endedAt: at(minute), hostileSeverity: severity }) as const;

describe('break policy: hostile calls', () => {
  it.each([
    [1, 5],
    [2, 10],
    [3, 15],
  ])('severity %i gives %i minutes of recovery from the call end', (severity, minutes) => {
    const d = decide(DEFAULT_POLICY, fresh, ended(severity), at(10));
    expect(d.nextState).toBe('recovery');
    expect(d.startsAt).toEqual(at(10));
    expect(d.durationSeconds).toBe(minutes * 60);
    expect(d.until).toEqual(at(10 + minutes));
    expect(d.alerts).toEqual([]);
    expect(d.offers).toEqual([]);
  });

  it('the 2nd hostile call within the window alerts; one just outside does not', () => {
    const inside = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: [{ callId: 'a', severity: 1, at: at(0) }] },
      ended(1, 59),
      at(59),
    );
    expect(inside.alerts).toEqual([
      { kind: 'escalation', hostileCallsInWindow: 2, windowMinutes: 60 },
    ]);
    expect(inside.durationSeconds).toBe(300);
    const outside = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: [{ callId: 'a', severity: 1, at: at(0) }] },
      ended(1, 60),
      at(60),
    );
    expect(outside.alerts).toEqual([]);
  });

  it('the 3rd hostile call in a shift gives at least 15 minutes and a counselling offer', () => {
    const history = {
      ...fresh,
      hostileCalls: [
        { callId: 'a', severity: 1, at: at(0) },
        { callId: 'b', severity: 1, at: at(100) },
      ],
    };
    const d = decide(DEFAULT_POLICY, history, ended(1, 200), at(200));
    expect(d.durationSeconds).toBe(15 * 60);
    expect(d.minimumSeconds).toBe(5 * 60);
    expect(d.offers).toEqual([{ kind: 'counselling' }]);
    // Window is 60 min: calls at 0 and 100 are not within 60 min of 200 → no escalation alert.
    expect(d.alerts).toEqual([]);
  });

  it('the same call counted twice (a re-report) is one call', () => {
    const history = { ...fresh, hostileCalls: [{ callId: 'c', severity: 1, at: at(10) }] };
    const d = decide(DEFAULT_POLICY, history, ended(2), at(10));
    expect(d.alerts).toEqual([]);
    expect(d.durationSeconds).toBe(600);
  });

  it('more than N hostile calls in a shift alerts the supervisor', () => {
    const hostileCalls = [0, 100, 200, 300].map((m, i) => ({
      callId: `x${i}`,
      severity: 1,
      at: at(m),
    }));
    const d = decide(DEFAULT_POLICY, { ...fresh, hostileCalls }, ended(1, 400), at(400));
    expect(d.alerts).toContainEqual({
      kind: 'hostile_calls_in_shift',
      hostileCallsInShift: 5,
      shiftHours: 8,
    });
    // Calls older than the shift do not count.
    const old = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: hostileCalls.map((c) => ({ ...c, at: at(-600) })) },
      ended(1, 400),
      at(400),
    );
    expect(old.alerts).toEqual([]);
    expect(old.offers).toEqual([]);
  });

  it('with a published shift, "in a shift" means that shift, not the rolling window', () => {
    const shift = { startsAt: at(0), endsAt: at(8 * 60) };
    const before = [
      { callId: 'prev', severity: 1, at: at(-30) }, // before the shift: not counted
      { callId: 'b', severity: 1, at: at(100) },
    ];
    const rolling = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: before },
      ended(1, 200),
      at(200),
    );
    expect(rolling.offers).toEqual([{ kind: 'counselling' }]);
    const inShift = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: before, shift },
      ended(1, 200),
      at(200),
    );
    expect(inShift.offers).toEqual([]);
    expect(inShift.durationSeconds).toBe(300);

    // A 10-hour shift: a call 9h20 after the first is still in the same shift (the rolling 8 h is not).
    const long = { startsAt: at(0), endsAt: at(600) };
    const early = [
      { callId: 'a', severity: 1, at: at(10) },
      { callId: 'b', severity: 1, at: at(300) },
    ];
    expect(
      decide(DEFAULT_POLICY, { ...fresh, hostileCalls: early }, ended(1, 570), at(570)).offers,
    ).toEqual([]);
    const third = decide(
      DEFAULT_POLICY,
      { ...fresh, hostileCalls: early, shift: long },
      ended(1, 570),
      at(570),
    );
    expect(third.offers).toEqual([{ kind: 'counselling' }]);
    expect(third.durationSeconds).toBe(15 * 60);
    // A call right at the shift's start counts; the alert names the shift's length.
    const many = [0, 100, 200, 300].map((m, i) => ({ callId: `m${i}`, severity: 1, at: at(m) }));
    expect(
      decide(DEFAULT_POLICY, { ...fresh, hostileCalls: many, shift: long }, ended(1, 590), at(590))
        .alerts,
    ).toContainEqual({ kind: 'hostile_calls_in_shift', hostileCallsInShift: 5, shiftHours: 10 });
  });

  it('a flag during the call decides nothing (it applies at the end)', () => {
    const d = decide(
      DEFAULT_POLICY,
      fresh,
      { kind: 'hostile-flagged', callId: 'c', severity: 3, callEndedAt: null },
      at(5),
    );
    expect(d.nextState).toBeNull();
  });

  it('a late report starts the recovery now, not at the call end', () => {
    const d = decide(
      DEFAULT_POLICY,
      fresh,
      { kind: 'hostile-flagged', callId: 'c', severity: 2, callEndedAt: at(10) },
      at(25),
    );
    expect(d.startsAt).toEqual(at(25));
    expect(d.until).toEqual(at(35));
  });

  it('a maximum below the escalated minutes never cuts the severity minimum', () => {
    const policy: WellbeingPolicy = {
      ...DEFAULT_POLICY,
      recoveryMaximumMinutes: 12,
      escalatedRecoveryMinutes: 20,
    };
    const history = {
      ...fresh,
      hostileCalls: [
        { callId: 'a', severity: 3, at: at(0) },
        { callId: 'b', severity: 3, at: at(1) },
      ],
    };
    expect(decide(policy, history, ended(3, 2), at(2)).durationSeconds).toBe(15 * 60);
    expect(decide(policy, history, ended(1, 2), at(2)).durationSeconds).toBe(12 * 60);
  });

  it('property: a hostile call always yields a recovery of at least its severity minutes', () => {
    const policyArb = fc.record({
      s1: fc.integer({ min: 1, max: 30 }),
      s2: fc.integer({ min: 1, max: 30 }),
      s3: fc.integer({ min: 1, max: 30 }),
      max: fc.integer({ min: 1, max: 60 }),
      escalated: fc.integer({ min: 1, max: 60 }),
      offerAt: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.record({
            sev: fc.integer({ min: 1, max: 3 }),
            ago: fc.integer({ min: -30, max: 900 }),
          }),
          {
            maxLength: 8,
          },
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        (p, severity, past, late, delay) => {
          const policy: WellbeingPolicy = {
            ...DEFAULT_POLICY,
            recoveryMinutesBySeverity: [p.s1, p.s2, p.s3],
            recoveryMaximumMinutes: p.max,
            escalatedRecoveryMinutes: p.escalated,
            counsellingOfferAt: p.offerAt,
          };
          const history: AgentHistory = {
            hostileCalls: past.map((c, i) => ({
              callId: `p${i}`,
              severity: c.sev,
              at: at(1000 - c.ago),
            })),
            workingSince: at(0),
            callsSinceBreak: 3,
          };
          const d = late
            ? decide(
                policy,
                history,
                { kind: 'hostile-flagged', callId: 'now', severity, callEndedAt: at(1000) },
                at(1000 + delay),
              )
            : decide(policy, history, ended(severity, 1000, 'now'), at(1000));
          expect(d.nextState).toBe('recovery');
          expect(d.durationSeconds).toBeGreaterThanOrEqual(severityMinutes(policy, severity) * 60);
          expect(d.until!.getTime() - d.startsAt!.getTime()).toBe(d.durationSeconds * 1000);
        },
      ),
    );
  });
});

describe('break policy: recovery breaks switched off', () => {
  const off: WellbeingPolicy = { ...DEFAULT_POLICY, recoveryBreaksEnabled: false };

  it('is on by default', () => {
    expect(DEFAULT_POLICY.recoveryBreaksEnabled).toBe(true);
  });

  it.each([1, 2, 3])(
    'a severity %i call gives no recovery but is still recorded with its minimum',
    (severity) => {
      const d = decide(off, fresh, ended(severity), at(10));
      expect(d.nextState).toBeNull();
      expect(d.reason).toBeNull();
      expect(d.durationSeconds).toBe(0);
      expect(d.until).toBeNull();
      expect(d.severity).toBe(severity);
      expect(d.minimumSeconds).toBe(severityMinutes(off, severity) * 60);
    },
  );

  it('alerts and the counselling offer still come with repeated hostile calls', () => {
    const hostileCalls = [0, 20, 30, 40].map((m, i) => ({
      callId: `x${i}`,
      severity: 1,
      at: at(m),
    }));
    const d = decide(off, { ...fresh, hostileCalls }, ended(2, 50), at(50));
    expect(d.nextState).toBeNull();
    expect(d.offers).toEqual([{ kind: 'counselling' }]);
    expect(d.alerts).toEqual([
      { kind: 'escalation', hostileCallsInWindow: 5, windowMinutes: 60 },
      { kind: 'hostile_calls_in_shift', hostileCallsInShift: 5, shiftHours: 8 },
    ]);
    // The same history with recovery on: identical alerts and offer, plus the recovery.
    const on = decide(DEFAULT_POLICY, { ...fresh, hostileCalls }, ended(2, 50), at(50));
    expect(on).toMatchObject({ nextState: 'recovery', alerts: d.alerts, offers: d.offers });
  });

  it('a late report gives no recovery either', () => {
    const d = decide(
      off,
      fresh,
      { kind: 'hostile-flagged', callId: 'c', severity: 3, callEndedAt: at(10) },
      at(25),
    );
    expect(d).toMatchObject({ nextState: null, durationSeconds: 0, severity: 3 });
  });

  it('a hostile call is then a plain call for continuous work: the micro-break still applies', () => {
    const d = decide(off, { ...fresh, callsSinceBreak: 20 }, ended(3, 60), at(60));
    expect(d).toMatchObject({
      nextState: 'break',
      reason: 'micro_break',
      durationSeconds: 300,
      severity: 3,
      minimumSeconds: 900,
    });
    expect(
      decide(off, { ...fresh, callsSinceBreak: 2, workingSince: at(30) }, ended(3, 60), at(60))
        .nextState,
    ).toBeNull();
  });

  it('property: with recovery off no hostile call ever yields a recovery', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (severity, calls, late) => {
          const history = { ...fresh, callsSinceBreak: calls };
          const d = late
            ? decide(
                off,
                history,
                { kind: 'hostile-flagged', callId: 'c', severity, callEndedAt: at(10) },
                at(20),
              )
            : decide(off, history, ended(severity), at(10));
          expect(d.nextState).not.toBe('recovery');
          expect(d.severity).toBe(severity);
        },
      ),
    );
  });
});

describe('break policy: continuous work', () => {
  it('55 minutes without a break gives a 5 minute micro-break at the call end; 54 does not', () => {
    const d = decide(DEFAULT_POLICY, { ...fresh, workingSince: at(0) }, ended(null, 55), at(55));
    expect(d).toMatchObject({ nextState: 'break', reason: 'micro_break', durationSeconds: 300 });
    expect(d.until).toEqual(at(60));
    const e = decide(DEFAULT_POLICY, { ...fresh, workingSince: at(1) }, ended(null, 55), at(55));
    expect(e.nextState).toBeNull();
  });

  it('the 20th consecutive call gives a micro-break; the 19th does not', () => {
    expect(
      decide(DEFAULT_POLICY, { ...fresh, callsSinceBreak: 20 }, ended(null, 5), at(5)).nextState,
    ).toBe('break');
    expect(
      decide(DEFAULT_POLICY, { ...fresh, callsSinceBreak: 19 }, ended(null, 5), at(5)).nextState,
    ).toBeNull();
  });

  it('a hostile call gives recovery, never an extra micro-break', () => {
    const d = decide(DEFAULT_POLICY, { ...fresh, callsSinceBreak: 30 }, ended(1, 90), at(90));
    expect(d.nextState).toBe('recovery');
  });

  it('unknown stretch start: only the call count decides', () => {
    expect(
      decide(DEFAULT_POLICY, { ...fresh, workingSince: null }, ended(null, 500), at(500)).nextState,
    ).toBeNull();
  });

  it('workStretch restarts at the end of the last break, offline or recovery', () => {
    const iv = (state: string, s: number, e: number | null) => ({
      state,
      startedAt: at(s),
      endedAt: e === null ? null : at(e),
    });
    const r = workStretch(
      [
        iv('offline', -10, 0),
        iv('available', 0, 1),
        iv('on_call', 1, 2),
        iv('break', 2, 7),
        iv('available', 7, 8),
        iv('on_call', 8, 9),
        iv('wrap_up', 9, 10),
        iv('on_call', 10, null),
      ],
      true,
    );
    expect(r).toEqual({ workingSince: at(7), callsSinceBreak: 2 });
    expect(workStretch([iv('available', 0, null)], false)).toEqual({
      workingSince: at(0),
      callsSinceBreak: 1,
    });
  });

  it('workStretch counts a session and the agent’s own not_ready/private alike (confidential)', () => {
    const iv = (state: string, reason: string | null, s: number, e: number | null) => ({
      state,
      reason,
      startedAt: at(s),
      endedAt: e === null ? null : at(e),
    });
    const after = (rest: ReturnType<typeof iv>) =>
      workStretch([iv('available', null, 0, 1), rest, iv('on_call', null, 20, null)], true);
    expect(after(iv('not_ready', 'private', 1, 15))).toEqual(
      after(iv('counseling', 'session', 1, 15)),
    );
    expect(after(iv('not_ready', 'private', 1, 15))).toEqual({
      workingSince: at(15),
      callsSinceBreak: 1,
    });
    // Another not_ready (e.g. a meeting) is not rest from the phones for this rule.
    expect(after(iv('not_ready', 'meeting', 1, 15)).workingSince).toEqual(at(0));
  });
});

describe('break policy: recovery overrides and team cap', () => {
  it('a supervisor may shorten to the floor, not below', () => {
    expect(shortenRecovery(DEFAULT_POLICY, at(0), at(15), 3, at(1))).toEqual({
      ok: true,
      until: at(3),
      totalMinutes: 3,
    });
    expect(shortenRecovery(DEFAULT_POLICY, at(0), at(15), 2.9, at(1))).toMatchObject({
      ok: false,
      code: 'BELOW_RECOVERY_FLOOR',
    });
    expect(shortenRecovery(DEFAULT_POLICY, at(0), at(15), 15, at(1))).toMatchObject({
      ok: false,
      code: 'NOT_SHORTER',
    });
    // The shortened end already passed: the recovery ends now.
    expect(shortenRecovery(DEFAULT_POLICY, at(0), at(15), 4, at(6))).toMatchObject({
      ok: true,
      until: at(6),
    });
  });

  it('the agent may extend up to 30 minutes in total, not past', () => {
    expect(extendRecovery(DEFAULT_POLICY, at(0), at(15), 15)).toEqual({
      ok: true,
      until: at(30),
      totalMinutes: 30,
    });
    expect(extendRecovery(DEFAULT_POLICY, at(0), at(15), 16)).toMatchObject({
      ok: false,
      code: 'ABOVE_RECOVERY_MAXIMUM',
      limit: 30,
    });
  });

  it('team cap is 15% of logged-in agents, rounded down', () => {
    expect(teamBreakCap(DEFAULT_POLICY, 20)).toBe(3);
    expect(teamBreakCap(DEFAULT_POLICY, 19)).toBe(2);
    expect(teamBreakCap(DEFAULT_POLICY, 6)).toBe(0);
    expect(teamBreakCap(DEFAULT_POLICY, 0)).toBe(0);
  });
});
