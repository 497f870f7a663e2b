import { describe, expect, it } from 'vitest';
import { solverStatusParts } from './solver-status';

describe('solver status words', () => {
  it('turns each known phrase into a key, HiGHS status and messages as parameters', () => {
    expect(solverStatusParts('LP rounded; MIP Optimal')).toEqual([
      { key: 'lpRounded' },
      { key: 'mip', params: { status: 'Optimal' } },
    ]);
    expect(
      solverStatusParts('MIP rostered (second hand-out) and improved; stopped at the time limit'),
    ).toEqual([{ key: 'mipSecondImproved' }, { key: 'timeLimit' }]);
    expect(solverStatusParts('solver failed: out of memory')).toEqual([
      { key: 'failed', params: { message: 'out of memory' } },
    ]);
  });

  it('keeps a phrase it does not know as it came', () => {
    expect(solverStatusParts('LP rounded; something new')).toEqual([
      { key: 'lpRounded' },
      { text: 'something new' },
    ]);
  });
});
