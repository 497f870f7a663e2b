/**
 * What the solver is given to plan one team's horizon: pure data, built by the planning context from
 * contracts, preferences, recurring availability, approved time off, team shift settings and, for a
 * repair, the shifts that must stay as they are.
 */

/** [start, end) in epoch ms. */
export interface TimeRange {
  start: number;
  end: number;
}

export interface PlanningAgent {
  agentId: string;
  /** Dialects held at proficiency ≥ 3 (the ones that count for a dialect requirement). */
  dialects: string[];
  /** Contract: paid minutes per calendar week the agent should at least get (soft for the solver). */
  minWeeklyMinutes?: number;
  /** Contract: paid minutes per calendar week the agent may at most work (hard). */
  maxWeeklyMinutes?: number;
  /** Hard: absolute times the agent cannot work (recurring availability expanded, approved time off). */
  unavailable?: TimeRange[];
  /** Soft: shift starts preferred between these local minutes of the day (0..1439, earliest ≤ latest). */
  preferredStartWindow?: { earliest: number; latest: number };
  /** Soft: ISO weekdays (Monday = 1 .. Sunday = 7) the agent prefers off. */
  preferredDaysOff?: number[];
}

/** A shift the solver must keep exactly (repair keeps every unaffected shift). */
export interface FixedPlanningShift {
  agentId: string;
  start: number;
  end: number;
}

export interface PlanningInput {
  agents: PlanningAgent[];
  /** Team: the only shifts to plan (local start minute of the day, length in minutes); any when absent. */
  shiftTemplates?: Array<{ start: number; minutes: number }>;
  /** Team: prefer one start time per agent across the week (soft). */
  consistentStartTimes?: boolean;
  /** Repair: shifts kept as they are; the solver fills around them. */
  fixedShifts?: FixedPlanningShift[];
}
