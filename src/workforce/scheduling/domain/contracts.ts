/**
 * Contracts and soft preferences over concrete shifts (pure): trimming a draft to each agent's weekly
 * contract maximum (a safety net: the solver is asked to keep it), and a report of how far the schedule
 * meets preferences and fairness.
 */
import { DateTime } from 'luxon';
import { EVENING_STARTS, type PlanningAgent, type PreferenceReport } from './planning-input';
import { minutesOfDay } from './work-profile';

export interface ContractShift {
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
export function trimToContracts<S extends ContractShift>(
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

const EVENING_END_MINUTE = minutesOfDay(EVENING_STARTS);

/**
 * How a schedule meets the soft preferences and how evenly evenings and weekends fall (the solver's
 * PreferenceReport, computed on the shifts as they are).
 */
export function preferenceReport(
  shifts: Array<{ agentId: string; start: number; end: number }>,
  agents: PlanningAgent[],
  timeZone: string,
): PreferenceReport {
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone });
  let outside = 0;
  let onDayOff = 0;
  const startsPerWeek = new Map<string, Set<number>>();
  const evenings = new Map<string, number>(agents.map((a) => [a.agentId, 0]));
  const weekends = new Map<string, number>(agents.map((a) => [a.agentId, 0]));
  for (const s of shifts) {
    const a = byId.get(s.agentId);
    const start = local(s.start);
    const minute = start.hour * 60 + start.minute;
    const window = a?.preferredStartWindow;
    if (window && (minute < minutesOfDay(window.earliest) || minute > minutesOfDay(window.latest)))
      outside++;
    if (a?.preferredDaysOff?.includes(start.weekday)) onDayOff++;
    const week = `${s.agentId}|${start.startOf('week').toISODate()}`;
    startsPerWeek.set(week, (startsPerWeek.get(week) ?? new Set()).add(minute));
    const end = local(s.end);
    const endMinute = end.hasSame(start, 'day') ? end.hour * 60 + end.minute : 1440 + end.hour * 60;
    if (endMinute > EVENING_END_MINUTE) evenings.set(s.agentId, (evenings.get(s.agentId) ?? 0) + 1);
    if (start.weekday >= 6) weekends.set(s.agentId, (weekends.get(s.agentId) ?? 0) + 1);
  }
  const range = (m: Map<string, number>) =>
    m.size ? Math.max(...m.values()) - Math.min(...m.values()) : 0;
  return {
    shiftsOutsideStartWindow: outside,
    shiftsOnPreferredDaysOff: onDayOff,
    extraStartTimes: [...startsPerWeek.values()].reduce((t, set) => t + set.size - 1, 0),
    eveningSpread: range(evenings),
    weekendSpread: range(weekends),
  };
}
