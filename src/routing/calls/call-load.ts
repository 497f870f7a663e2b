/**
 * Per-agent call load over a window, from presence history and calls. Pure.
 * Occupancy = time on_call + wrap_up over time available + reserved + on_call + wrap_up.
 */

import { isRestInterval } from '../presence/presence-rules';

export interface LoadInterval {
  state: string;
  reason?: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface LoadCall {
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  hostileSeverity: number | null;
}

export interface CallLoad {
  windowMinutes: number;
  callsAnswered: number;
  hostileCalls: number;
  occupancy: number;
  averageHandleSeconds: number | null;
  consecutiveCallsSinceBreak: number;
  busySeconds: number;
  staffedSeconds: number;
}

const BUSY = new Set(['on_call', 'wrap_up']);
const STAFFED = new Set(['available', 'reserved', 'on_call', 'wrap_up']);

function overlapSeconds(i: LoadInterval, from: Date, to: Date): number {
  const start = Math.max(i.startedAt.getTime(), from.getTime());
  const end = Math.min((i.endedAt ?? to).getTime(), to.getTime());
  return Math.max(0, (end - start) / 1000);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Load over [to - windowMinutes, to]. `intervals` may reach back further (for the consecutive count). */
export function computeLoad(
  intervals: LoadInterval[],
  calls: LoadCall[],
  to: Date,
  windowMinutes: number,
): CallLoad {
  const from = new Date(to.getTime() - windowMinutes * 60_000);
  let busy = 0;
  let staffed = 0;
  for (const i of intervals) {
    const s = overlapSeconds(i, from, to);
    if (BUSY.has(i.state)) busy += s;
    if (STAFFED.has(i.state)) staffed += s;
  }
  const inWindow = (d: Date | null) =>
    d !== null && d.getTime() >= from.getTime() && d.getTime() <= to.getTime();
  const answered = calls.filter((c) => inWindow(c.answeredAt));
  const hostile = calls.filter(
    (c) => c.hostileSeverity !== null && inWindow(c.endedAt ?? c.answeredAt),
  );
  const handled = calls.filter((c) => inWindow(c.endedAt) && c.durationSeconds !== null);
  const lastRestEnd = intervals
    // The agent got away from the phone: the consecutive-calls count starts again.
    .filter((i) => isRestInterval(i) && i.startedAt.getTime() <= to.getTime())
    .reduce<number>((latest, i) => Math.max(latest, (i.endedAt ?? to).getTime()), 0);
  const consecutive = calls.filter(
    (c) =>
      c.answeredAt &&
      c.answeredAt.getTime() >= lastRestEnd &&
      c.answeredAt.getTime() <= to.getTime(),
  ).length;
  return {
    windowMinutes,
    callsAnswered: answered.length,
    hostileCalls: hostile.length,
    occupancy: staffed > 0 ? round(busy / staffed, 4) : 0,
    averageHandleSeconds: handled.length
      ? round(handled.reduce((s, c) => s + c.durationSeconds!, 0) / handled.length, 1)
      : null,
    consecutiveCallsSinceBreak: consecutive,
    busySeconds: round(busy, 1),
    staffedSeconds: round(staffed, 1),
  };
}
