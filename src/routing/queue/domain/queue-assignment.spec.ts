import fc from 'fast-check';
import {
  activeCriteria,
  agentsInPreference,
  assign,
  bestAgentFor,
  FallbackStep,
  FreeAgent,
  mayTake,
  nextFallbackAt,
  queueOrder,
  WaitingCall,
} from './queue-assignment';

const t0 = new Date('2026-11-23T09:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

const call = (over: Partial<WaitingCall> = {}): WaitingCall => ({
  callId: 'c1',
  priority: 0,
  enqueuedAt: t0,
  criteria: { dialect: 'cmn', minProficiency: null, skills: [] },
  fallback: [],
  excludedAgentIds: [],
  flaggedCaller: false,
  ...over,
});
const agent = (
  id: string,
  tags: Record<string, number>,
  over: Partial<FreeAgent> = {},
): FreeAgent => ({
  agentId: id,
  tags: new Map(Object.entries(tags)),
  dialectCount: Object.keys(tags).filter((t) => !t.includes('-care') && t !== 'returns').length,
  hostileLastHour: false,
  flaggedCallsLastHour: 0,
  maxFlaggedPerHour: 2,
  overOccupancyCap: false,
  ...over,
});

describe('queue assignment', () => {
  it('orders by priority, then longest wait', () => {
    const calls = [
      call({ callId: 'old-low', enqueuedAt: at(0), priority: 1 }),
      call({ callId: 'new-high', enqueuedAt: at(50), priority: 5 }),
      call({ callId: 'older-high', enqueuedAt: at(10), priority: 5 }),
    ];
    expect([...calls].sort(queueOrder).map((c) => c.callId)).toEqual([
      'older-high',
      'new-high',
      'old-low',
    ]);
    expect(assign(calls, [agent('a', { cmn: 5 })], at(60))).toEqual([
      { callId: 'older-high', agentId: 'a' },
    ]);
  });

  it('counts a fallback only once its afterSeconds have passed', () => {
    const wuhan = call({
      criteria: { dialect: 'cmn-x-wuhan', minProficiency: 3, skills: [] },
      fallback: [{ afterSeconds: 30, dialect: 'cmn', minProficiency: null, skills: [] }],
    });
    const putonghua = agent('p', { cmn: 5 });
    expect(mayTake(wuhan, putonghua, at(29))).toBe(false);
    expect(mayTake(wuhan, putonghua, at(30))).toBe(true);
    expect(activeCriteria(wuhan, at(30))).toHaveLength(2);
    expect(nextFallbackAt(wuhan, at(10))).toEqual(at(30));
    expect(nextFallbackAt(wuhan, at(30))).toBeNull();
  });

  it('never offers a call again to an agent who let it lapse or rejected it', () => {
    const c = call({ excludedAgentIds: ['a'] });
    expect(bestAgentFor(c, [agent('a', { cmn: 5 })], t0)).toBeUndefined();
    expect(bestAgentFor(c, [agent('a', { cmn: 5 }), agent('b', { cmn: 1 })], t0)?.agentId).toBe(
      'b',
    );
  });

  it('a flagged caller goes to an agent without a recent hostile call while one is free, else to one with', () => {
    const flagged = call({ flaggedCaller: true });
    const shaken = agent('shaken', { cmn: 5 }, { hostileLastHour: true });
    const calm = agent('calm', { cmn: 5 });
    expect(bestAgentFor(flagged, [shaken, calm], t0)?.agentId).toBe('calm');
    expect(bestAgentFor(flagged, [shaken], t0)?.agentId).toBe('shaken');
    // An unflagged call keeps the given routing order.
    expect(bestAgentFor(call(), [shaken, calm], t0)?.agentId).toBe('shaken');
  });

  it('caps flagged-caller calls per agent per hour', () => {
    const flagged = call({ flaggedCaller: true });
    const capped = agent('capped', { cmn: 5 }, { flaggedCallsLastHour: 2, maxFlaggedPerHour: 2 });
    expect(bestAgentFor(flagged, [capped], t0)).toBeUndefined();
    expect(bestAgentFor(call(), [capped], t0)?.agentId).toBe('capped');
  });

  it('keeps multi-dialect agents for their rarer dialects', () => {
    const both = agent('both', { cmn: 5, nan: 5 });
    const only = agent('only', { cmn: 4 });
    expect(bestAgentFor(call(), [both, only], t0)?.agentId).toBe('only');
    // A Putonghua call and a Minnan call, two agents free: each goes where it must.
    const out = assign(
      [
        call({ callId: 'cmn-call' }),
        call({
          callId: 'nan-call',
          enqueuedAt: at(5),
          criteria: { dialect: 'nan', minProficiency: null, skills: [] },
        }),
      ],
      [both, only],
      at(10),
    );
    expect(out).toEqual([
      { callId: 'cmn-call', agentId: 'only' },
      { callId: 'nan-call', agentId: 'both' },
    ]);
  });

  const arbCall = fc.record({
    callId: fc.uuid(),
    priority: fc.integer({ min: 0, max: 9 }),
    enqueuedAt: fc.integer({ min: 0, max: 600 }).map(at),
    criteria: fc.record({
      dialect: fc.constantFrom('cmn', 'yue', 'nan', null),
      minProficiency: fc.constantFrom(null, 1, 3, 5),
      skills: fc.subarray(['billing', 'returns']),
    }),
    fallback: fc.constant([] as FallbackStep[]),
    excludedAgentIds: fc.subarray(['a0', 'a1', 'a2', 'a3']),
    flaggedCaller: fc.boolean(),
  });
  const arbAgent = fc.record({
    agentId: fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5'),
    tags: fc
      .dictionary(
        fc.constantFrom('cmn', 'yue', 'nan', 'billing', 'returns'),
        fc.integer({ min: 1, max: 5 }),
      )
      .map((d) => new Map(Object.entries(d))),
    dialectCount: fc.integer({ min: 0, max: 3 }),
    hostileLastHour: fc.boolean(),
    flaggedCallsLastHour: fc.integer({ min: 0, max: 3 }),
    maxFlaggedPerHour: fc.constant(2),
    overOccupancyCap: fc.boolean(),
  });

  it('property: no call or agent twice; a passed-over call could take none of the agents left', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbCall, { selector: (c) => c.callId, maxLength: 12 }),
        fc.uniqueArray(arbAgent, { selector: (a) => a.agentId, maxLength: 6 }),
        (calls, agents) => {
          const now = at(700);
          const out = assign(calls, agents, now);
          expect(new Set(out.map((o) => o.callId)).size).toBe(out.length);
          expect(new Set(out.map((o) => o.agentId)).size).toBe(out.length);
          const byId = new Map(calls.map((c) => [c.callId, c]));
          for (const o of out)
            expect(
              mayTake(
                byId.get(o.callId)!,
                agents.find((a) => a.agentId === o.agentId)!,
                now,
              ),
            ).toBe(true);
          // Queue order: every call skipped before an assigned one could not take that agent.
          const sorted = [...calls].sort(queueOrder);
          const taken = new Set(out.map((o) => o.agentId));
          const left = agents.filter((a) => !taken.has(a.agentId));
          for (const c of sorted)
            if (!out.some((o) => o.callId === c.callId))
              expect(left.some((a) => mayTake(c, a, now))).toBe(false);
        },
      ),
    );
  });

  it('property: agentsInPreference lists exactly the agents who may take the call, bestAgentFor first, keys never worsening backwards', () => {
    fc.assert(
      fc.property(
        arbCall,
        fc.uniqueArray(arbAgent, { selector: (a) => a.agentId, maxLength: 6 }),
        (c, agents) => {
          const now = at(700);
          const ranked = agentsInPreference(c, agents, now);
          expect(ranked.map((a) => a.agentId).sort()).toEqual(
            agents
              .filter((a) => mayTake(c, a, now))
              .map((a) => a.agentId)
              .sort(),
          );
          expect(ranked[0]?.agentId).toBe(bestAgentFor(c, agents, now)?.agentId);
          // Later agents are never strictly better than earlier ones: each is bestAgentFor of the rest.
          ranked.forEach((a, i) =>
            expect(bestAgentFor(c, ranked.slice(i), now)?.agentId).toBe(a.agentId),
          );
        },
      ),
    );
  });

  describe('callbacks', () => {
    const share = (offers: number, callbackOffers: number, maxShare = 0.3) => ({
      teamKey: 't1',
      offers,
      callbackOffers,
      maxShare,
    });

    it('a callback that waited since its notBefore goes before a newer inbound call of the same priority', () => {
      const calls = [
        call({ callId: 'inbound', enqueuedAt: at(100) }),
        call({ callId: 'callback', kind: 'callback', enqueuedAt: at(0) }),
      ];
      expect(assign(calls, [agent('a', { cmn: 3 })], at(200))).toEqual([
        { callId: 'callback', agentId: 'a' },
      ]);
    });

    it('over its team share, a callback yields the agent to an inbound call the agent could take', () => {
      const calls = [
        call({ callId: 'callback', kind: 'callback', enqueuedAt: at(0) }),
        call({ callId: 'inbound', enqueuedAt: at(190) }), // inside the 20 s answer target
      ];
      const full = agent('a', { cmn: 3 }, { callbackShare: share(10, 3) });
      expect(assign(calls, [full], at(200))).toEqual([{ callId: 'inbound', agentId: 'a' }]);
      const under = agent('a', { cmn: 3 }, { callbackShare: share(10, 2) });
      expect(assign(calls, [under], at(200))).toEqual([{ callId: 'callback', agentId: 'a' }]);
      // With no inbound call for the agent, the promise is kept whatever the share.
      expect(assign([calls[0]], [full], at(200))).toEqual([{ callId: 'callback', agentId: 'a' }]);
    });

    it('behind an inbound call past the answer target, only a callback about to run out goes first', () => {
      const inboundLate = call({ callId: 'inbound', enqueuedAt: at(100) });
      const promise = call({ callId: 'callback', kind: 'callback', enqueuedAt: at(0) });
      const a = agent('a', { cmn: 3 }, { callbackShare: { ...share(0, 0), answerSeconds: 20 } });
      // At 200 s the inbound call has waited 100 s, past the 20 s target.
      expect(assign([promise, inboundLate], [a], at(200))).toEqual([
        { callId: 'inbound', agentId: 'a' },
      ]);
      expect(assign([{ ...promise, urgent: true }, inboundLate], [a], at(200))).toEqual([
        { callId: 'callback', agentId: 'a' },
      ]);
      // An inbound call still inside the target waits behind the older promise.
      const fresh = call({ callId: 'inbound', enqueuedAt: new Date(at(200).getTime() - 5_000) });
      expect(assign([promise, fresh], [a], at(200))).toEqual([
        { callId: 'callback', agentId: 'a' },
      ]);
    });

    it('counts offers of the same pass toward the share', () => {
      const calls = [
        call({ callId: 'cb1', kind: 'callback', enqueuedAt: at(0) }),
        call({ callId: 'cb2', kind: 'callback', enqueuedAt: at(1) }),
        call({ callId: 'in1', enqueuedAt: at(100) }),
        call({ callId: 'in2', enqueuedAt: at(101) }),
      ];
      const agents = ['a', 'b', 'c', 'd'].map((id) =>
        agent(id, { cmn: 3 }, { callbackShare: share(0, 0, 0.5) }),
      );
      const out = assign(calls, agents, at(200));
      expect(out).toHaveLength(4);
      const callbacks = out.filter((o) => o.callId.startsWith('cb')).length;
      expect(callbacks).toBe(2);
      // A team at 0.5 already: inbound calls come first, then the oldest callback takes the agent left.
      const busy = ['a', 'b', 'c'].map((id) =>
        agent(id, { cmn: 3 }, { callbackShare: share(2, 1, 0.5) }),
      );
      expect(assign(calls, busy, at(200)).map((o) => o.callId)).toEqual(['in1', 'in2', 'cb1']);
    });

    it('never offers one item twice nor gives an agent two, callbacks included', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 100 })), { maxLength: 20 }),
          fc.integer({ min: 0, max: 10 }),
          fc.integer({ min: 0, max: 10 }),
          (items, offers, cbs) => {
            const calls = items.map(([cb, t], i) =>
              call({ callId: `i${i}`, kind: cb ? 'callback' : 'call', enqueuedAt: at(t) }),
            );
            const agents = ['a', 'b', 'c', 'd', 'e'].map((id) =>
              agent(id, { cmn: 3 }, { callbackShare: share(offers + cbs, cbs, 0.3) }),
            );
            const out = assign(calls, agents, at(200));
            expect(new Set(out.map((o) => o.callId)).size).toBe(out.length);
            expect(new Set(out.map((o) => o.agentId)).size).toBe(out.length);
            expect(out.length).toBe(Math.min(calls.length, agents.length));
          },
        ),
      );
    });
  });
});
