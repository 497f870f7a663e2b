import { BODY_MAX_DEPTH, jsonDepth } from './app.setup';

describe('jsonDepth', () => {
  it('counts object and array levels, scalars are depth 0', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
  });

  it('measures 100 000 levels without recursion, stopping early past the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep, BODY_MAX_DEPTH)).toBe(BODY_MAX_DEPTH + 1);
  });
});
