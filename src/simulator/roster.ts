import { dailyCurve } from './arrivals';
import type { PlannedDay } from './day';

/** A scheduled break of a shift, as the published schedule gives it. */
export interface RosterBreak {
  startMs: number;
  endMs: number;
  kind: 'rest' | 'meal';
}

/** One agent's published shift (by the agent's index in the centre). */
export interface RosterShift {
  agentIndex: number;
  startMs: number;
  endMs: number;
  breaks: RosterBreak[];
}

/** What an agent asks the service for, and when: log on, breaks, lunch, log off. */
export interface PresenceStep {
  atMs: number;
  state: 'available' | 'not_ready' | 'offline';
  reason?: string;
}

/** The reason an agent gives for a scheduled rest break (not_ready); lunch is logged off. */
export const REST_BREAK_REASON = 'scheduled break';

/**
 * Pure: the presence an agent asks for through its shift. Logged on at the start (`logOnMs`, a
 * distinct instant so no two agents tie on idle time), not ready during rest breaks (paid time),
 * logged off for the unpaid meal, and off at the end. Breaks outside the shift, or overlapping an
 * earlier one, are ignored.
 */
export function presenceSteps(shift: RosterShift, logOnMs = shift.startMs): PresenceStep[] {
  const steps: PresenceStep[] = [{ atMs: logOnMs, state: 'available' }];
  const breaks = [...shift.breaks]
    .filter((b) => b.startMs >= shift.startMs && b.endMs <= shift.endMs && b.endMs > b.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  let freeFrom = shift.startMs;
  for (const b of breaks) {
    // A schedule's breaks never overlap; one that would is not taken twice.
    if (b.startMs < freeFrom) continue;
    freeFrom = b.endMs;
    steps.push(
      b.kind === 'meal'
        ? { atMs: b.startMs, state: 'offline', reason: undefined }
        : { atMs: b.startMs, state: 'not_ready', reason: REST_BREAK_REASON },
    );
    if (b.endMs < shift.endMs) steps.push({ atMs: b.endMs, state: 'available' });
  }
  steps.push({ atMs: shift.endMs, state: 'offline' });
  return steps.map(({ reason, ...s }) => (reason ? { ...s, reason } : s));
}

/**
 * Pure: the time a day is played over: the centre's opening hours, widened to every shift's start
 * and end (a generated schedule may start before the centre opens or end after it closes).
 */
export function playingWindow(
  opensMs: number,
  closesMs: number,
  shifts: ReadonlyArray<Pick<RosterShift, 'startMs' | 'endMs'>>,
): { startMs: number; endMs: number } {
  let startMs = opensMs;
  let endMs = closesMs;
  for (const s of shifts) {
    startMs = Math.min(startMs, s.startMs);
    endMs = Math.max(endMs, s.endMs);
  }
  return { startMs, endMs };
}

/** Paid minutes of a shift: its length less its unpaid meal. */
export function paidMinutes(shift: Pick<RosterShift, 'startMs' | 'endMs' | 'breaks'>): number {
  const meal = shift.breaks
    .filter((b) => b.kind === 'meal')
    .reduce((s, b) => s + (b.endMs - b.startMs), 0);
  return (shift.endMs - shift.startMs - meal) / 60_000;
}

export interface ForecastInterval {
  start: string;
  calls: number;
  ahtSeconds: number;
}

/**
 * Pure: the forecast the simulated day's arrivals are drawn from, per interval: `callsPerDay`
 * shaped by the daily curve (its mean over each interval, so the intervals add up to the day).
 */
export function dayForecast(
  opensMs: number,
  hours: number,
  intervalMinutes: number,
  callsPerDay: number,
  ahtSeconds: number,
): ForecastInterval[] {
  const dayMs = hours * 3_600_000;
  const stepMs = intervalMinutes * 60_000;
  const out: ForecastInterval[] = [];
  for (let t = 0; t < dayMs; t += stepMs) {
    const end = Math.min(dayMs, t + stepMs);
    const samples = 20;
    let mean = 0;
    for (let k = 0; k < samples; k++)
      mean += dailyCurve((t + ((k + 0.5) / samples) * (end - t)) / dayMs);
    mean /= samples;
    out.push({
      start: new Date(opensMs + t).toISOString(),
      calls: Math.round(callsPerDay * ((end - t) / dayMs) * mean * 100) / 100,
      ahtSeconds,
    });
  }
  return out;
}

/**
 * Pure: the shift extra agent `j` works, a copy of one of the roster's (breaks included). The
 * copies are spread over the roster by the golden ratio, so any first k of them follow the shape of
 * the roster (early and late shifts, short and long) and agent j's shift never depends on k.
 */
export function extraAgentShift(
  roster: ReadonlyArray<RosterShift>,
  j: number,
  agentIndex: number,
): RosterShift | null {
  if (roster.length === 0) return null;
  const sorted = [...roster].sort((a, b) => a.startMs - b.startMs || a.agentIndex - b.agentIndex);
  const golden = (Math.sqrt(5) - 1) / 2;
  const pick = sorted[Math.floor(((j * golden) % 1) * sorted.length)];
  return { ...pick, agentIndex, breaks: pick.breaks.map((b) => ({ ...b })) };
}

/**
 * The days on a published schedule: each day's shifts (plus the extra agents' copies of them),
 * played over the window the shifts span, the calls moved with the window's start (they still
 * arrive over the centre's opening hours).
 */
export function rosteredDays(
  days: PlannedDay[],
  shifts: RosterShift[],
  extraAgents: number[] = [],
): PlannedDay[] {
  return days.map((day) => {
    const own = shifts.filter((s) => Math.abs(s.startMs - day.startMs) < 12 * 3_600_000);
    const extra = extraAgents
      .map((agentIndex, j) => extraAgentShift(own, j, agentIndex))
      .filter((s): s is RosterShift => s !== null);
    const roster = [...own, ...extra];
    const window = playingWindow(day.startMs, day.endMs, roster);
    const shift = day.startMs - window.startMs;
    return {
      ...day,
      startMs: window.startMs,
      endMs: window.endMs,
      calls: day.calls.map((c) => ({ ...c, arrivalMs: c.arrivalMs + shift })),
      roster,
    };
  });
}

/**
 * The site's labour rules keep their defaults (4-9 h shifts) on a full day; a short simulated day
 * allows shifts an hour shorter than itself, so shifts of different starts and lengths fit in it.
 */
export function minShiftMinutesFor(hours: number): number {
  return Math.min(240, Math.max(60, (Math.floor(hours) - 1) * 60));
}
