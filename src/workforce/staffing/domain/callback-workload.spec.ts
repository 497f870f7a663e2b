import fc from 'fast-check';
import { requiredAgents } from '../erlang';
import {
  callbackFigures,
  callbackLoad,
  callbacksPerWeekSlot,
  weekSlot,
  withCallbackLoad,
} from './callback-workload';

describe('callback work in staffing', () => {
  it('is callbacks × attempts × handle time over the interval, carried by whole agents at the occupancy limit', () => {
    // 40 callbacks × 1.5 attempts × 240 s = 14,400 s of work in a 30-minute interval = 8 erlangs.
    const load = callbackLoad({
      callbacksPerInterval: 40,
      attemptsPerCallback: 1.5,
      handleSecondsPerAttempt: 240,
      intervalMinutes: 30,
      maxOccupancy: 0.85,
    });
    expect(load.workloadErlangs).toBe(8);
    expect(load.agents).toBe(10); // ceil(8 / 0.85) = ceil(9.41)
    expect(
      callbackLoad({
        callbacksPerInterval: 40,
        attemptsPerCallback: 1.5,
        handleSecondsPerAttempt: 240,
        intervalMinutes: 30,
      }).agents,
    ).toBe(8); // exactly 8 erlangs at occupancy 1: no extra agent for rounding noise
  });

  it('no callbacks: no extra agent and the inbound answer unchanged', () => {
    const inbound = requiredAgents({
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
    });
    const load = callbackLoad({
      callbacksPerInterval: 0,
      attemptsPerCallback: 2,
      handleSecondsPerAttempt: 300,
      intervalMinutes: 30,
    });
    expect(load.agents).toBe(0);
    const out = withCallbackLoad(inbound, load);
    expect([out.rawAgents, out.agents, out.inboundRawAgents]).toEqual([
      inbound.rawAgents,
      inbound.agents,
      inbound.rawAgents,
    ]);
  });

  it('adds its agents to rawAgents and grosses the sum up for the same shrinkage; the queue figures stay inbound', () => {
    const inbound = requiredAgents({
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
    });
    expect([inbound.rawAgents, inbound.agents]).toEqual([14, 20]);
    const load = callbackLoad({
      callbacksPerInterval: 20,
      attemptsPerCallback: 1.5,
      handleSecondsPerAttempt: 240,
      intervalMinutes: 30,
    });
    expect(load.agents).toBe(4);
    const out = withCallbackLoad(inbound, load);
    expect(out.rawAgents).toBe(18);
    expect(out.agents).toBe(Math.ceil(18 / 0.7)); // 26
    expect(out.serviceLevel).toBe(inbound.serviceLevel);
    expect(out.inboundRawAgents).toBe(14);
  });

  it('property: more callback work never needs fewer agents, and the agents carry the work within the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.integer({ min: 10, max: 1800 }),
        fc.constantFrom(15, 30, 60),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (callbacks, attempts, handle, interval, occupancy) => {
          const load = callbackLoad({
            callbacksPerInterval: callbacks,
            attemptsPerCallback: attempts,
            handleSecondsPerAttempt: handle,
            intervalMinutes: interval,
            maxOccupancy: occupancy,
          });
          const more = callbackLoad({
            callbacksPerInterval: callbacks + 1,
            attemptsPerCallback: attempts,
            handleSecondsPerAttempt: handle,
            intervalMinutes: interval,
            maxOccupancy: occupancy,
          });
          expect(more.agents).toBeGreaterThanOrEqual(load.agents);
          const work = (callbacks * attempts * handle) / (interval * 60);
          if (work > 0) expect(work / load.agents).toBeLessThanOrEqual(occupancy + 1e-6);
          if (load.agents > 1) expect(work / (load.agents - 1)).toBeGreaterThan(occupancy - 1e-6);
        },
      ),
    );
  });

  it('reads its figures from a team’s recent callbacks', () => {
    // 4 weeks, 672 callbacks: 1 per hour = 0.5 per 30-minute interval; 600 attempted 900 times; 500 timed calls of 200 s.
    const figures = callbackFigures(
      {
        callbacks: 672,
        attempted: 600,
        attempts: 900,
        timedCalls: 500,
        timedSeconds: 100_000,
        periodMinutes: 4 * 7 * 24 * 60,
      },
      30,
    );
    expect(figures).toEqual({
      callbacksPerInterval: 0.5,
      attemptsPerCallback: 1.5,
      handleSecondsPerAttempt: 200,
    });
    expect(
      callbackFigures(
        {
          callbacks: 0,
          attempted: 0,
          attempts: 0,
          timedCalls: 0,
          timedSeconds: 0,
          periodMinutes: 60,
        },
        30,
      ),
    ).toEqual({
      callbacksPerInterval: null,
      attemptsPerCallback: null,
      handleSecondsPerAttempt: null,
    });
  });

  it('puts an instant in the interval of its local week, by the wall clock', () => {
    // Monday 2 Feb 2026 10:00 in Shanghai is 02:00Z: Monday's 21st half hour.
    expect(weekSlot(Date.parse('2026-02-02T02:00:00Z'), 'Asia/Shanghai', 30)).toBe(20);
    expect(weekSlot(Date.parse('2026-02-02T02:29:59Z'), 'Asia/Shanghai', 30)).toBe(20);
    // Sunday 23:45 local is the last quarter hour of the week.
    expect(weekSlot(Date.parse('2026-02-08T15:45:00Z'), 'Asia/Shanghai', 15)).toBe(7 * 96 - 1);
    // Monday 09:00 in London is the same slot in winter (09:00Z) and summer (08:00Z).
    expect(weekSlot(Date.parse('2026-01-05T09:00:00Z'), 'Europe/London', 60)).toBe(9);
    expect(weekSlot(Date.parse('2026-07-06T08:00:00Z'), 'Europe/London', 60)).toBe(9);
  });

  it('counts callbacks per interval of the week by their window start, over the mean week', () => {
    const monday10 = (week: number, minute: number) =>
      Date.parse('2026-01-05T02:00:00Z') + week * 7 * 86_400_000 + minute * 60_000;
    const starts = [
      ...[0, 1, 2, 3].flatMap((w) => [monday10(w, 0), monday10(w, 10), monday10(w, 29)]),
      monday10(2, 30), // one at 10:30 in one of the four weeks
    ];
    const perSlot = callbacksPerWeekSlot(starts, 4, 'Asia/Shanghai', 30);
    expect([...perSlot.entries()]).toEqual([
      [20, 3],
      [21, 0.25],
    ]);
    expect(callbacksPerWeekSlot([], 4, 'Asia/Shanghai', 30).size).toBe(0);
    expect(callbacksPerWeekSlot(starts, 0, 'Asia/Shanghai', 30).size).toBe(0);
  });

  it('per-slot volumes add up to the whole-period average callbackFigures gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 * 7 * 86_400_000 - 1 }), { maxLength: 60 }),
        fc.constantFrom(15, 30, 60),
        (offsets, interval) => {
          const from = Date.parse('2026-01-05T00:00:00Z');
          const perSlot = callbacksPerWeekSlot(
            offsets.map((o) => from + o),
            4,
            'UTC',
            interval,
          );
          const sum = [...perSlot.values()].reduce((a, b) => a + b, 0);
          const slots = (7 * 24 * 60) / interval;
          const mean = callbackFigures(
            {
              callbacks: offsets.length,
              attempted: 0,
              attempts: 0,
              timedCalls: 0,
              timedSeconds: 0,
              periodMinutes: 4 * 7 * 24 * 60,
            },
            interval,
          ).callbacksPerInterval;
          expect(sum / slots).toBeCloseTo(mean ?? 0, 9);
        },
      ),
    );
  });
});
