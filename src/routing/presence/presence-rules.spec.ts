import fc from 'fast-check';
import {
  Actor,
  mayTransition,
  PRESENCE_STATES,
  PresenceSnapshot,
  PresenceState,
  presenceAsSeenBy,
  requestTransition,
  ScheduledState,
  settle,
  TRANSITIONS,
} from './presence-rules';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const snap = (over: Partial<PresenceSnapshot>): PresenceSnapshot => ({
  state: 'available',
  since: T0,
  until: null,
  reason: null,
  returnState: 'available',
  consecutiveLapses: 0,
  ...over,
});
const scheduled = (over: Partial<ScheduledState>): ScheduledState => ({
  id: 's1',
  state: 'recovery',
  reason: 'hostile_call',
  startsAt: T0,
  endsAt: null,
  durationSeconds: 300,
  status: 'pending',
  ...over,
});

describe('transition table', () => {
  // Every edge, stated as the product expects it (written apart from the table).
  const expected: Array<[PresenceState, PresenceState, Actor, boolean]> = [
    ['offline', 'available', 'agent', true],
    ['offline', 'available', 'router', true],
    ['offline', 'not_ready', 'agent', true],
    ['offline', 'on_call', 'system', true],
    ['offline', 'reserved', 'system', false],
    ['available', 'not_ready', 'agent', true],
    ['available', 'offline', 'agent', true],
    ['available', 'reserved', 'system', true],
    ['available', 'reserved', 'agent', false],
    ['available', 'on_call', 'system', true],
    ['available', 'break', 'system', true],
    ['available', 'recovery', 'system', true],
    ['available', 'recovery', 'supervisor', false],
    ['available', 'counseling', 'system', true],
    ['not_ready', 'available', 'agent', true],
    ['not_ready', 'offline', 'router', true],
    ['not_ready', 'recovery', 'system', true],
    ['reserved', 'on_call', 'system', true],
    ['reserved', 'on_call', 'agent', false],
    ['reserved', 'available', 'system', true],
    ['reserved', 'available', 'agent', false],
    ['reserved', 'not_ready', 'system', true],
    ['reserved', 'offline', 'router', true],
    ['on_call', 'wrap_up', 'system', true],
    ['on_call', 'available', 'agent', false],
    ['on_call', 'not_ready', 'agent', false],
    ['on_call', 'not_ready', 'system', true],
    ['on_call', 'offline', 'agent', false],
    ['wrap_up', 'available', 'agent', true],
    ['wrap_up', 'not_ready', 'supervisor', true],
    ['wrap_up', 'on_call', 'system', true],
    ['wrap_up', 'recovery', 'system', true],
    ['wrap_up', 'break', 'system', true],
    ['break', 'available', 'agent', true],
    ['break', 'offline', 'agent', true],
    ['break', 'recovery', 'system', true],
    ['recovery', 'available', 'agent', false],
    ['recovery', 'available', 'router', false],
    ['recovery', 'available', 'supervisor', false],
    ['recovery', 'available', 'system', true],
    ['recovery', 'offline', 'agent', false],
    ['recovery', 'counseling', 'system', true],
    ['counseling', 'available', 'agent', false],
    ['counseling', 'available', 'router', false],
    ['counseling', 'available', 'system', true],
    ['counseling', 'recovery', 'system', true],
    ['not_ready', 'on_call', 'system', true],
    ['not_ready', 'break', 'system', true],
    ['not_ready', 'counseling', 'system', true],
    ['on_call', 'offline', 'system', true],
    ['wrap_up', 'offline', 'agent', true],
    ['wrap_up', 'counseling', 'system', true],
    ['break', 'not_ready', 'agent', true],
    ['break', 'on_call', 'system', true],
    ['break', 'counseling', 'system', true],
    ['recovery', 'not_ready', 'system', true],
    ['recovery', 'offline', 'system', true],
    ['recovery', 'on_call', 'system', true],
    ['recovery', 'break', 'system', true],
    ['counseling', 'not_ready', 'system', true],
    ['counseling', 'offline', 'system', true],
    ['counseling', 'on_call', 'system', true],
    ['counseling', 'break', 'system', true],
  ];
  it.each(expected)('%s → %s by %s: %s', (from, to, actor, allowed) => {
    expect(mayTransition(from, to, actor)).toBe(allowed);
  });

  it('has a test above for every edge in the table', () => {
    const tested = new Set(expected.filter((e) => e[3]).map(([f, t]) => `${f}>${t}`));
    const edges = Object.entries(TRANSITIONS).flatMap(([from, tos]) =>
      Object.keys(tos).map((to) => `${from}>${to}`),
    );
    expect(edges.filter((e) => !tested.has(e))).toEqual([]);
  });

  it('never lets a person or the router end an enforced state', () => {
    for (const to of PRESENCE_STATES) {
      for (const actor of ['agent', 'router', 'supervisor'] as Actor[]) {
        expect(mayTransition('recovery', to, actor)).toBe(false);
        expect(mayTransition('counseling', to, actor)).toBe(false);
      }
    }
  });
});

describe('settle', () => {
  it('changes nothing before a timed state ends', () => {
    const s = settle(snap({ state: 'wrap_up', until: at(1) }), [], at(0.5));
    expect(s.steps).toEqual([]);
    expect(s.current.state).toBe('wrap_up');
  });

  it('ends wrap-up at its until, not at now', () => {
    const s = settle(snap({ state: 'wrap_up', until: at(1) }), [], at(10));
    expect(s.steps).toEqual([{ state: 'available', reason: null, since: at(1), until: null }]);
  });

  it('returns to what the agent asked for meanwhile', () => {
    const s = settle(snap({ state: 'recovery', until: at(5), returnState: 'offline' }), [], at(6));
    expect(s.current).toMatchObject({ state: 'offline', since: at(5), returnState: 'available' });
  });

  it('lapses a reservation, and the third lapse in a row makes the agent not_ready/missed_calls', () => {
    const first = settle(
      snap({ state: 'reserved', until: at(1), consecutiveLapses: 0 }),
      [],
      at(2),
    );
    expect(first.reservationLapsed).toBe(true);
    expect(first.current).toMatchObject({ state: 'available', consecutiveLapses: 1 });
    const third = settle(
      snap({ state: 'reserved', until: at(1), consecutiveLapses: 2 }),
      [],
      at(2),
    );
    expect(third.current).toMatchObject({
      state: 'not_ready',
      reason: 'missed_calls',
      consecutiveLapses: 3,
    });
  });

  it('starts a due recovery when wrap-up ends, for its full duration', () => {
    const s = settle(
      snap({ state: 'wrap_up', until: at(1) }),
      [scheduled({ startsAt: at(0) })],
      at(2),
    );
    expect(s.steps.map((x) => x.state)).toEqual(['available', 'recovery']);
    expect(s.current).toMatchObject({ state: 'recovery', since: at(1), until: at(6) });
    expect(s.activated).toEqual([{ id: 's1', at: at(1), endsAt: at(6) }]);
    expect(s.completed).toEqual([]);
  });

  it('does not interrupt a call for a due scheduled state', () => {
    const s = settle(snap({ state: 'on_call' }), [scheduled({ startsAt: at(0) })], at(3));
    expect(s.steps).toEqual([]);
    expect(s.activated).toEqual([]);
  });

  it('starts a due session at once for an available or not_ready agent, but not an offline one', () => {
    const session = scheduled({
      state: 'counseling',
      reason: 'session',
      startsAt: at(0),
      endsAt: at(50),
      durationSeconds: null,
    });
    expect(settle(snap({ state: 'available' }), [session], at(1)).current).toMatchObject({
      state: 'counseling',
      until: at(50),
    });
    const nr = settle(snap({ state: 'not_ready' }), [session], at(1));
    expect(nr.current).toMatchObject({ state: 'counseling', returnState: 'not_ready' });
    expect(settle(snap({ state: 'offline' }), [session], at(1)).steps).toEqual([]);
  });

  it('moves into a session late when the call ends, keeping its fixed end', () => {
    const session = scheduled({
      state: 'counseling',
      startsAt: at(0),
      endsAt: at(50),
      durationSeconds: null,
    });
    const s = settle(snap({ state: 'wrap_up', until: at(10) }), [session], at(11));
    expect(s.current).toMatchObject({ state: 'counseling', since: at(10), until: at(50) });
  });

  it('drops a session window that passed entirely while the agent was busy', () => {
    const session = scheduled({
      id: 'c',
      state: 'counseling',
      reason: 'session',
      startsAt: at(0),
      endsAt: at(15),
      durationSeconds: null,
    });
    const s = settle(snap({ state: 'on_call' }), [session], at(20));
    expect(s.completed).toEqual(['c']);
  });

  it('keeps a booked break overrun by a call for when the agent is free, with its full length', () => {
    const brk = scheduled({
      id: 'b',
      state: 'break',
      reason: 'rest',
      startsAt: at(0),
      endsAt: at(15),
      durationSeconds: null,
    });
    const busy = settle(snap({ state: 'on_call' }), [brk], at(20));
    expect(busy.completed).toEqual([]);
    expect(busy.deferred).toEqual([{ id: 'b', durationSeconds: 900 }]);
    // The call ends at 20 with a one-minute wrap-up: the break then runs 15 full minutes.
    const deferredBreak = { ...brk, endsAt: null, durationSeconds: 900 };
    const free = settle(
      snap({ state: 'wrap_up', since: at(20), until: at(21) }),
      [deferredBreak],
      at(22),
    );
    expect(free.current).toMatchObject({ state: 'break', since: at(21), until: at(36) });
  });

  it('comes back to the agent’s own not_ready, with its reason, after a timed state', () => {
    const s = settle(
      snap({
        state: 'wrap_up',
        until: at(1),
        returnState: 'not_ready',
        returnReason: 'private',
        heldByAgent: true,
      }),
      [],
      at(2),
    );
    expect(s.current).toMatchObject({ state: 'not_ready', reason: 'private', heldByAgent: true });
  });

  it('puts recovery before counselling and breaks, then chains them', () => {
    const rec = scheduled({ id: 'r', startsAt: at(0), durationSeconds: 600 });
    const brk = scheduled({
      id: 'b',
      state: 'break',
      startsAt: at(0),
      endsAt: at(30),
      durationSeconds: null,
    });
    const s = settle(snap({ state: 'wrap_up', until: at(1) }), [brk, rec], at(12));
    expect(s.steps.map((x) => [x.state, x.since.toISOString()])).toEqual([
      ['available', at(1).toISOString()],
      ['recovery', at(1).toISOString()],
      ['available', at(11).toISOString()],
      ['break', at(11).toISOString()],
    ]);
    expect(s.completed).toEqual(['r']);
  });

  it('lets a session stand in for a pending micro-break', () => {
    const micro = scheduled({
      id: 'm',
      state: 'break',
      reason: 'micro_break',
      durationSeconds: 300,
    });
    const session = scheduled({
      id: 'c',
      state: 'counseling',
      reason: 'session',
      startsAt: at(0),
      endsAt: at(50),
      durationSeconds: null,
    });
    const s = settle(snap({ state: 'wrap_up', until: at(1) }), [micro, session], at(60));
    expect(s.steps.map((x) => x.state)).toEqual(['available', 'counseling', 'available']);
    expect(s.completed).toEqual(expect.arrayContaining(['m', 'c']));
  });

  it('property: a due floating recovery always yields at least its duration of recovery', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1800 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 7200 }),
        (dur, wrap, later) => {
          const s = settle(
            snap({ state: 'wrap_up', until: new Date(T0.getTime() + wrap * 1000) }),
            [scheduled({ durationSeconds: dur })],
            new Date(T0.getTime() + later * 1000),
          );
          const rec = s.steps.find((x) => x.state === 'recovery');
          if (later >= wrap) {
            expect(rec).toBeDefined();
            expect(rec!.until!.getTime() - rec!.since.getTime()).toBe(dur * 1000);
          }
        },
      ),
    );
  });
});

describe('presenceAsSeenBy', () => {
  const p = { state: 'counseling' as PresenceState, reason: 'session', until: at(50) };
  it('shows a session to the agent', () => expect(presenceAsSeenBy(p, true)).toEqual(p));
  it('hides it from everyone else as not_ready/private', () =>
    expect(presenceAsSeenBy(p, false)).toEqual({
      state: 'not_ready',
      reason: 'private',
      until: null,
    }));
});

describe('requestTransition', () => {
  it('refuses available during recovery with BREAK_ENFORCED and the end time', () => {
    expect(
      requestTransition(snap({ state: 'recovery', until: at(5) }), 'available', 'agent', null),
    ).toEqual({
      kind: 'refused',
      code: 'BREAK_ENFORCED',
      until: at(5),
    });
  });
  it('remembers offline asked during recovery for when it ends', () => {
    expect(
      requestTransition(snap({ state: 'recovery', until: at(5) }), 'offline', 'agent', null),
    ).toEqual({ kind: 'after', returnState: 'offline' });
  });
  it('refuses not_ready during a call with INVALID_TRANSITION naming the state', () => {
    expect(requestTransition(snap({ state: 'on_call' }), 'not_ready', 'agent', null)).toEqual({
      kind: 'refused',
      code: 'INVALID_TRANSITION',
      from: 'on_call',
    });
  });
  it('refuses available during a booked break or micro-break too (enforcement wins)', () => {
    for (const actor of ['agent', 'router'] as const)
      expect(
        requestTransition(snap({ state: 'break', until: at(10) }), 'available', actor, null),
      ).toEqual({ kind: 'refused', code: 'BREAK_ENFORCED', until: at(10) });
  });
  it('refuses available during a wrap-up that leads into recovery, with the recovery’s end', () => {
    const wrap = snap({ state: 'wrap_up', since: at(0), until: at(1) });
    const next = { state: 'recovery' as const, until: at(11) };
    expect(requestTransition(wrap, 'available', 'agent', null, { enforcedNext: next })).toEqual({
      kind: 'refused',
      code: 'BREAK_ENFORCED',
      until: at(11),
    });
  });
  it('answers others about a session exactly as about the agent’s own not_ready/private', () => {
    const session = snap({ state: 'counseling', reason: 'session', until: at(50) });
    const own = snap({ state: 'not_ready', reason: 'private', heldByAgent: true });
    for (const actor of ['router', 'supervisor'] as const) {
      for (const [to, reason] of [
        ['available', null],
        ['offline', null],
        ['not_ready', 'meeting'],
        ['not_ready', 'private'],
      ] as const) {
        expect(requestTransition(session, to, actor, reason)).toEqual(
          requestTransition(own, to, actor, reason),
        );
      }
    }
    expect(requestTransition(own, 'available', 'router', null)).toEqual({
      kind: 'refused',
      code: 'AGENT_NOT_READY',
    });
    // The agent itself is told the session's end.
    expect(requestTransition(session, 'available', 'agent', null)).toEqual({
      kind: 'refused',
      code: 'BREAK_ENFORCED',
      until: at(50),
    });
    expect(requestTransition(own, 'available', 'agent', null)).toEqual({
      kind: 'change',
      state: 'available',
      reason: null,
    });
  });
  it('property: no request by anyone but the agent tells a session from the agent’s own not_ready/private', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Actor>('router', 'supervisor', 'system'),
        fc.constantFrom('available', 'not_ready', 'offline') as fc.Arbitrary<
          'available' | 'not_ready' | 'offline'
        >,
        fc.constantFrom(null, 'private', 'meeting', 'session'),
        fc.integer({ min: 1, max: 120 }),
        (actor, to, reason, minutesLeft) => {
          const session = snap({ state: 'counseling', reason: 'session', until: at(minutesLeft) });
          const own = snap({ state: 'not_ready', reason: 'private', heldByAgent: true });
          const a = requestTransition(session, to, actor, reason);
          expect(a).toEqual(requestTransition(own, to, actor, reason));
          expect(JSON.stringify(a)).not.toContain('until');
        },
      ),
    );
  });
  it('keeps the reporting window of a wrap-up when the router asks for available', () => {
    const wrap = snap({ state: 'wrap_up', since: at(0), until: at(1) });
    const windowEnd = new Date(at(0).getTime() + 20_000);
    expect(
      requestTransition(wrap, 'available', 'router', null, {
        reportWindowEndsAt: windowEnd,
        now: new Date(at(0).getTime() + 5_000),
      }),
    ).toEqual({ kind: 'end-wrap-up-at', until: windowEnd });
    expect(
      requestTransition(wrap, 'available', 'agent', null, {
        reportWindowEndsAt: windowEnd,
        now: new Date(at(0).getTime() + 5_000),
      }),
    ).toEqual({ kind: 'change', state: 'available', reason: null });
  });
  it('is a no-op when nothing would change, and a reason change otherwise', () => {
    expect(
      requestTransition(
        snap({ state: 'not_ready', reason: 'training' }),
        'not_ready',
        'agent',
        'training',
      ),
    ).toEqual({ kind: 'noop' });
    expect(
      requestTransition(
        snap({ state: 'not_ready', reason: 'training' }),
        'not_ready',
        'agent',
        'meeting',
      ),
    ).toEqual({
      kind: 'change',
      state: 'not_ready',
      reason: 'meeting',
    });
  });
});
