import { breakErrorKey, breakRefusal, type BreakCapacity } from './break-capacity';

const fits: BreakCapacity = {
  cap: 3,
  loggedInAgents: 20,
  alreadyBooked: 1,
  fits: true,
  allowanceMinutes: 60,
  usedMinutes: 15,
};

describe('break capacity', () => {
  it('says nothing when the break fits', () => {
    expect(breakRefusal(fits, 15)).toBeNull();
  });

  it('tells a full team from one too small for its cap, and both from the daily allowance', () => {
    expect(breakRefusal({ ...fits, fits: false, alreadyBooked: 3 }, 15)).toBe('full');
    expect(
      breakRefusal({ ...fits, fits: false, cap: 0, loggedInAgents: 6, alreadyBooked: 0 }, 15),
    ).toBe('tooFewLoggedIn');
    expect(breakRefusal({ ...fits, fits: false, usedMinutes: 50 }, 15)).toBe('overAllowance');
  });

  it('words a refused booking with a cap of zero as a small team, not a crowded one', () => {
    expect(breakErrorKey('BREAK_CAPACITY', { cap: 0, loggedInAgents: 6, alreadyBooked: 0 })).toBe(
      'breaks.tooFewLoggedIn',
    );
    expect(breakErrorKey('BREAK_CAPACITY', { cap: 2, loggedInAgents: 14, alreadyBooked: 2 })).toBe(
      'breaks.errors.BREAK_CAPACITY',
    );
    expect(breakErrorKey('BREAK_OVERLAP', undefined)).toBe('breaks.errors.BREAK_OVERLAP');
  });
});
