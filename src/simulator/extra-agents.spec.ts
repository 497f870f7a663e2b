import fc from 'fast-check';
import { fewestExtraAgents } from './extra-agents';

describe('fewestExtraAgents', () => {
  it('finds the least k reaching the target on any rising service level, in few trials', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        async (needed, max) => {
          const level = async (k: number) => (k >= needed ? 0.8 + k / 1000 : 0.6 + k / 1000);
          const played: number[] = [];
          const r = await fewestExtraAgents(
            (k) => {
              played.push(k);
              return level(k);
            },
            0.8,
            max,
          );
          expect(r.extraAgents).toBe(needed <= max ? needed : null);
          expect(played.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(max + 1)));
          expect(r.trials.map((t) => t.extraAgents)).toEqual(played);
        },
      ),
    );
  });

  it('does not replay the day without extra agents when its level is given', async () => {
    const played: number[] = [];
    const r = await fewestExtraAgents(
      async (k) => {
        played.push(k);
        return (70 + k) / 100;
      },
      0.79,
      20,
      0.7,
    );
    expect(r).toMatchObject({ extraAgents: 9, serviceLevel: 0.79 });
    expect(played).not.toContain(0);
    expect(r.trials[0]).toEqual({ extraAgents: 0, serviceLevel: 0.7 });
  });

  it('answers 0 without a trial when the level already holds', async () => {
    const r = await fewestExtraAgents(() => Promise.reject(new Error('no trial')), 0.8, 10, 0.85);
    expect(r).toEqual({
      extraAgents: 0,
      serviceLevel: 0.85,
      trials: [{ extraAgents: 0, serviceLevel: 0.85 }],
    });
  });
});
