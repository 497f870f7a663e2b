/**
 * When an agent may book a break (pure): the one rule the booking checks and the agent's page offers.
 * On a site day where the agent has published shifts, a break starting that day lies wholly inside
 * one of them. A day the team's published schedule covers without a shift for the agent is a day
 * off: no break (it would take a place under the team's cap from colleagues at work). A day no
 * published schedule covers yet: any time that day will do.
 */

export interface SiteDay {
  start: Date;
  end: Date;
  /** A published schedule of the agent's team covers the day. */
  scheduled: boolean;
}

export interface ShiftSpan {
  startsAt: Date;
  endsAt: Date;
}

/** A break [s, s + minutes) is taken when startsFrom <= s < startsBefore and it ends by endsBy. */
export interface BreakWindow {
  startsFrom: Date;
  startsBefore: Date;
  /** Null on a day without shifts: the break may run past the day's end. */
  endsBy: Date | null;
}

/** The windows of the given site days, in order. */
export function breakWindows(days: SiteDay[], shifts: ShiftSpan[]): BreakWindow[] {
  const out: BreakWindow[] = [];
  for (const day of days) {
    const that = shifts
      .filter((s) => s.startsAt < day.end && s.endsAt > day.start)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    if (that.length === 0 && !day.scheduled)
      out.push({ startsFrom: day.start, startsBefore: day.end, endsBy: null });
    for (const s of that)
      out.push({
        startsFrom: new Date(Math.max(s.startsAt.getTime(), day.start.getTime())),
        startsBefore: new Date(Math.min(s.endsAt.getTime(), day.end.getTime())),
        endsBy: s.endsAt,
      });
  }
  return out;
}

/** Whether a break from startsAt to endsAt lies in one of the windows. */
export function breakFits(windows: BreakWindow[], startsAt: Date, endsAt: Date): boolean {
  return windows.some(
    (w) =>
      w.startsFrom <= startsAt &&
      startsAt < w.startsBefore &&
      (w.endsBy === null || endsAt <= w.endsBy),
  );
}
