import fc from 'fast-check';
import { drawTouches, NO_TOUCHES } from './recovery-touches';
import { Prng } from './prng';

describe('recovery touches', () => {
  it('extends and shortens at their shares, independently', () => {
    const root = new Prng('touches');
    const model = { extendShare: 0.2, extendMinutes: 5, shortenShare: 0.1 };
    const drawn = Array.from({ length: 20_000 }, (_, i) =>
      drawTouches(root.stream(`c${i}`), model),
    );
    expect(drawn.filter((d) => d.extendMinutes === 5).length / drawn.length).toBeCloseTo(0.2, 1);
    expect(drawn.filter((d) => d.shorten).length / drawn.length).toBeCloseTo(0.1, 1);
    expect(drawn.filter((d) => d.shorten && d.extendMinutes).length / drawn.length).toBeCloseTo(
      0.02,
      2,
    );
  });

  it('touches nothing by default, and the same call draws the same', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(drawTouches(new Prng(id), NO_TOUCHES)).toEqual({
          extendMinutes: null,
          shorten: false,
        });
        const m = { extendShare: 0.5, extendMinutes: 3, shortenShare: 0.5 };
        expect(drawTouches(new Prng(id), m)).toEqual(drawTouches(new Prng(id), m));
      }),
    );
  });
});
