/**
 * Contracts and soft preferences over concrete shifts (pure): trimming a draft to each agent's weekly
 * contract maximum, and a report of how far the schedule meets preferences and fairness.
 */
import { DateTime } from 'luxon';
import type { PlanningAgent } from './planning-input';

export interface PlannedShift {
  agentId: string;
  start: number;
  end: number;
  /** Paid minutes (length minus meal breaks). */
  workMinutes: number;
}

/**
 * Drops shifts of agents whose calendar week holds more paid minutes than their contract allows, the
 * latest first, until every week fits (`fixedMinutes` counts published shifts outside the draft).
 * Returns the kept shifts (in input order) and the dropped ones.
 */
export function trimToContracts<S extends PlannedShift>(
  shifts: S[],
  agents: PlanningAgent[],
  timeZone: string,
  fixedMinutes: Map<string, number> = new Map(),
): { kept: S[]; dropped: S[] } {
  const max = new Map(
    agents
      .filter((a) => a.maxWeeklyMinutes !== undefined)
      .map((a) => [a.agentId, a.maxWeeklyMinutes!]),
  );
  const weekOf = (ms: number) =>
    DateTime.fromMillis(ms, { zone: timeZone }).startOf('week').toISODate()!;
  const groups = new Map<string, S[]>();
  for (const s of shifts) {
    if (!max.has(s.agentId)) continue;
    const key = `${s.agentId}|${weekOf(s.start)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const dropped = new Set<S>();
  for (const [key, group] of groups) {
    const agentId = key.split('|')[0];
    let total = group.reduce((t, s) => t + s.workMinutes, 0) + (fixedMinutes.get(key) ?? 0);
    const latestFirst = [...group].sort((a, b) => b.start - a.start);
    for (const s of latestFirst) {
      if (total <= max.get(agentId)! + 1e-9) break;
      dropped.add(s);
      total -= s.workMinutes;
    }
  }
  return { kept: shifts.filter((s) => !dropped.has(s)), dropped: [...dropped] };
}

export interface PreferenceReport {
  /** Shifts starting outside their agent's preferred start window, of shifts of agents who have one. */
  startsOutsidePreferredWindow: number;
  shiftsWithPreferredWindow: number;
  /** Shifts on a day their agent preferred off, of shifts of agents who named such days. */
  shiftsOnPreferredDaysOff: number;
  shiftsWithPreferredDaysOff: number;
  /** Agents whose contract minimum is not reached in some calendar week of the horizon. */
  agentsBelowContractMinimum: string[];
  /** Mean over agents of (latest − earliest) local start minute of the day. */
  meanStartSpreadMinutes: number;
  /** Max − min over agents of evening shifts (ending after 20:00 local) and of weekend shifts. */
  eveningShiftSpread: number;
  weekendShiftSpread: number;
}

const EVENING_END_MINUTE = 20 * 60;

/** How a schedule meets the soft side of contracts and preferences, and how evenly evenings fall. */
export function preferenceReport(
  shifts: PlannedShift[],
  agents: PlanningAgent[],
  timeZone: string,
  horizonWeeks: string[],
): PreferenceReport {
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone });
  let outside = 0;
  let withWindow = 0;
  let onDayOff = 0;
  let withDaysOff = 0;
  const starts = new Map<string, number[]>();
  const evenings = new Map<string, number>(agents.map((a) => [a.agentId, 0]));
  const weekends = new Map<string, number>(agents.map((a) => [a.agentId, 0]));
  const weekly = new Map<string, number>();
  for (const s of shifts) {
    const a = byId.get(s.agentId);
    const start = local(s.start);
    const minute = start.hour * 60 + start.minute;
    if (a?.preferredStartWindow) {
      withWindow++;
      if (minute < a.preferredStartWindow.earliest || minute > a.preferredStartWindow.latest)
        outside++;
    }
    if (a?.preferredDaysOff?.length) {
      withDaysOff++;
      if (a.preferredDaysOff.includes(start.weekday)) onDayOff++;
    }
    starts.set(s.agentId, [...(starts.get(s.agentId) ?? []), minute]);
    const end = local(s.end);
    const endMinute = end.hasSame(start, 'day') ? end.hour * 60 + end.minute : 1440 + end.hour * 60;
    if (endMinute > EVENING_END_MINUTE) evenings.set(s.agentId, (evenings.get(s.agentId) ?? 0) + 1);
    if (start.weekday >= 6) weekends.set(s.agentId, (weekends.get(s.agentId) ?? 0) + 1);
    const key = `${s.agentId}|${start.startOf('week').toISODate()}`;
    weekly.set(key, (weekly.get(key) ?? 0) + s.workMinutes);
  }
  const spreads = [...starts.values()].map((m) => Math.max(...m) - Math.min(...m));
  const range = (m: Map<string, number>) =>
    m.size ? Math.max(...m.values()) - Math.min(...m.values()) : 0;
  const below = agents
    .filter(
      (a) =>
        a.minWeeklyMinutes !== undefined &&
        horizonWeeks.some((w) => (weekly.get(`${a.agentId}|${w}`) ?? 0) < a.minWeeklyMinutes!),
    )
    .map((a) => a.agentId);
  return {
    startsOutsidePreferredWindow: outside,
    shiftsWithPreferredWindow: withWindow,
    shiftsOnPreferredDaysOff: onDayOff,
    shiftsWithPreferredDaysOff: withDaysOff,
    agentsBelowContractMinimum: below,
    meanStartSpreadMinutes: spreads.length
      ? Math.round(spreads.reduce((s, x) => s + x, 0) / spreads.length)
      : 0,
    eveningShiftSpread: range(evenings),
    weekendShiftSpread: range(weekends),
  };
}
