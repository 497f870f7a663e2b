/**
 * All "now" in Shiftwell comes from a Clock, never from `new Date()` or SQL `now()`,
 * so tests (and the simulator) move time instead of sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T08:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advanceSeconds(seconds: number): Date {
    this.current += seconds * 1000;
    return this.now();
  }

  advanceMinutes(minutes: number): Date {
    return this.advanceSeconds(minutes * 60);
  }
}
