import fc from 'fast-check';
import { apportion, DEFAULT_DIALECT_MIX, planExtraAgents, planWorkforce } from './workforce';

describe('workforce', () => {
  it('apportions whole agents that add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (total, shares) => {
          const counts = apportion(total, shares);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(total);
          const sum = shares.reduce((s, x) => s + x, 0);
          counts.forEach((c, i) => expect(Math.abs(c - (shares[i] / sum) * total)).toBeLessThan(1));
        },
      ),
    );
  });

  it('builds the default centre: 60/25/10/5 by dialect, 20% elder-care, everyone speaks Putonghua', () => {
    const agents = planWorkforce(200, DEFAULT_DIALECT_MIX, 0.2, 20);
    const count = (d: string) => agents.filter((a) => a.primaryDialect === d).length;
    expect([count('cmn'), count('cmn-x-wuhan'), count('yue'), count('nan')]).toEqual([
      120, 50, 20, 10,
    ]);
    expect(agents.filter((a) => a.skills.some((s) => s.tag === 'elder-care')).length).toBe(40);
    expect(agents.every((a) => a.dialects.some((d) => d.tag === 'cmn' && d.proficiency >= 3))).toBe(
      true,
    );
    expect(new Set(agents.map((a) => a.externalId)).size).toBe(200);
    const teams = new Map<number, number>();
    for (const a of agents) teams.set(a.team, (teams.get(a.team) ?? 0) + 1);
    expect([...teams.values()]).toEqual(new Array(10).fill(20));
  });

  it('is the same every time (a prepared centre can be reused)', () => {
    expect(planWorkforce(37, DEFAULT_DIALECT_MIX, 0.2, 20)).toEqual(
      planWorkforce(37, DEFAULT_DIALECT_MIX, 0.2, 20),
    );
  });
});

describe('extra agents', () => {
  it('any first k of them follow the dialect mix (within one agent) and sit in their own team', () => {
    const extra = planExtraAgents(40, 200, DEFAULT_DIALECT_MIX, 0.2, 10);
    for (let k = 1; k <= 40; k++) {
      const first = extra.slice(0, k);
      for (const [tag, share] of DEFAULT_DIALECT_MIX) {
        const n = first.filter((a) => a.primaryDialect === tag).length;
        expect(Math.abs(n - share * k)).toBeLessThan(1);
      }
      const elder = first.filter((a) => a.skills.length).length;
      expect(Math.abs(elder - 0.2 * k)).toBeLessThan(1);
    }
    expect(extra.map((a) => a.index)).toEqual(Array.from({ length: 40 }, (_, j) => 200 + j));
    expect(new Set(extra.map((a) => a.team))).toEqual(new Set([10]));
    expect(extra[0].externalId).toBe('sim-0201');
    expect(planExtraAgents(10, 200, DEFAULT_DIALECT_MIX, 0.2, 10)).toEqual(extra.slice(0, 10));
  });
});
