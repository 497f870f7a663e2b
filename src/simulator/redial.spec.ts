import fc from 'fast-check';
import { chooseRedial, NO_REDIAL, redialId } from './redial';
import { Prng } from './prng';

describe('callers calling again', () => {
  const model = { share: 0.4, meanDelayMinutes: 10, maxRedials: 2 };

  it('calls again at the share, after the mean delay (at least 30 s), with fresh patience', () => {
    const root = new Prng('redial');
    const drawn = Array.from({ length: 20_000 }, (_, i) =>
      chooseRedial(root.stream(`c${i}`), model, 1_000_000, 0, 120),
    );
    const again = drawn.filter((d) => d !== null);
    expect(again.length / drawn.length).toBeCloseTo(0.4, 1);
    const meanDelay = again.reduce((s, d) => s + d!.atMs - 1_000_000, 0) / again.length / 60_000;
    expect(Math.abs(meanDelay - 10)).toBeLessThan(0.5);
    expect(again.every((d) => d!.atMs - 1_000_000 >= 30_000 && d!.patienceMs >= 1_000)).toBe(true);
  });

  it('never calls again with share 0 or past the cap, and the draw depends on the caller only', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 5 }), (id, n) => {
        expect(chooseRedial(new Prng(id), NO_REDIAL, 0, n, 120)).toBeNull();
        const a = chooseRedial(new Prng(id), model, 0, n, 120);
        if (n >= model.maxRedials) expect(a).toBeNull();
        expect(chooseRedial(new Prng(id), model, 0, n, 120)).toEqual(a);
      }),
    );
  });

  it('numbers a caller’s calls again', () => {
    expect(redialId('d1-00042')).toEqual({ baseId: 'd1-00042', redials: 0 });
    expect(redialId('d1-00042-r2')).toEqual({ baseId: 'd1-00042', redials: 2 });
  });
});
