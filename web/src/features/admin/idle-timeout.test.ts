import { describe, expect, it } from 'vitest';
import { idleTimeoutProblem, splitMinutes } from './idle-timeout';

describe('idleTimeoutProblem', () => {
  it('accepts whole minutes within the bounds, the bounds included', () => {
    expect(idleTimeoutProblem(5, 5, 720)).toBeNull();
    expect(idleTimeoutProblem(30, 5, 720)).toBeNull();
    expect(idleTimeoutProblem(720, 5, 720)).toBeNull();
    expect(idleTimeoutProblem('45', 5, 720)).toBeNull();
  });

  it('names what is wrong otherwise', () => {
    expect(idleTimeoutProblem('', 5, 720)).toBe('required');
    expect(idleTimeoutProblem(undefined, 5, 720)).toBe('required');
    expect(idleTimeoutProblem('abc', 5, 720)).toBe('required');
    expect(idleTimeoutProblem(12.5, 5, 720)).toBe('whole');
    expect(idleTimeoutProblem(4, 5, 720)).toBe('range');
    expect(idleTimeoutProblem(721, 5, 720)).toBe('range');
  });
});

describe('splitMinutes', () => {
  it('splits into hours and minutes', () => {
    expect(splitMinutes(30)).toEqual({ hours: 0, minutes: 30 });
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(720)).toEqual({ hours: 12, minutes: 0 });
  });
});
