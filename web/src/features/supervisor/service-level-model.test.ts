import { describe, expect, it } from 'vitest';
import { intervalsToDraw } from './service-level-model';

const day = (offered: number[]) =>
  offered.map((n, i) => ({ start: String(i), offered: n, serviceLevel: n ? 1 : null }));

describe('intervalsToDraw', () => {
  it('starts at the first interval with calls', () =>
    expect(intervalsToDraw(day([0, 0, 0, 0, 3, 0, 2]), 2).map((i) => i.start)).toEqual([
      '4',
      '5',
      '6',
    ]));

  it('keeps at least the last few intervals on a quiet day', () => {
    expect(intervalsToDraw(day([0, 0, 0, 0, 0, 0, 1]), 3).map((i) => i.start)).toEqual([
      '4',
      '5',
      '6',
    ]);
    expect(intervalsToDraw(day([0, 0, 0, 0]), 2).map((i) => i.start)).toEqual(['2', '3']);
  });
});
