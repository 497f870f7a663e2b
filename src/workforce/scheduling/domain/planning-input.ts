/**
 * The solver's input and output: the contract between the scheduling service (which reads teams, agents,
 * contracts, time off and published shifts from the database) and the pure solver (which only sees this).
 * Times are epoch milliseconds; local times ('HH:MM') and weekdays (1 = Monday … 7 = Sunday) are in the
 * site's time zone.
 */
import type { LabourRules } from '../labour-rules';
import type { Violation } from '../rule-checker';

/** A dialect row counts agents at this proficiency or above. */
export const DIALECT_QUALIFYING_PROFICIENCY = 3;

export interface TimeRange {
  start: number;
  end: number;
}

export interface PlanningShift {
  start: number;
  end: number;
  breaks?: Array<{ start: number; end: number; kind: string }>;
}

export interface PlanningAgent {
  agentId: string;
  dialects: Array<{ tag: string; proficiency: number }>;
  /** Hard: least paid work per calendar week (pro rata for weeks cut by the horizon or by unavailability). */
  minWeeklyMinutes?: number;
  /** Hard: most paid work per calendar week (never above the site's maxWeeklyWorkMinutes). */
  maxWeeklyMinutes?: number;
  /** Hard: absolute periods the agent cannot work (recurring availability and time off, already expanded). */
  unavailable?: TimeRange[];
  /** Soft: shifts should start in this local window (inclusive). */
  preferredStartWindow?: { earliest: string; latest: string };
  /** Soft: local weekdays (1 = Monday … 7 = Sunday) the agent would rather have off. */
  preferredDaysOff?: number[];
  /** Hard: the agent's published shifts of other schedules around and inside the horizon. */
  fixedShifts?: PlanningShift[];
}

export interface FairnessWeights {
  /** Per shift of deviation of an agent's evening shifts from the team mean. */
  evenings?: number;
  /** Per shift of deviation of an agent's weekend shifts from the team mean. */
  weekends?: number;
}

export interface PlanningTeam {
  /** Allowed shifts (local start, length); without them the solver chooses starts and lengths itself. */
  shiftTemplates?: Array<{ start: string; minutes: number }>;
  /** Soft: an agent's shifts start at the same local time across a week. */
  consistentStartTimes?: boolean;
  fairnessWeights?: FairnessWeights;
}

export interface PlanningRequirement {
  /** Interval start (epoch ms), on the horizon's grid. */
  start: number;
  /** null = the total row; a tag = agents at proficiency >= 3 in that dialect. */
  dialect: string | null;
  agents: number;
}

export interface PlanningInput {
  /** First local day (YYYY-MM-DD). */
  startDate: string;
  days: number;
  intervalMinutes: number;
  timeZone: string;
  agents: PlanningAgent[];
  team?: PlanningTeam;
  requirements: PlanningRequirement[];
  rules: LabourRules;
  /** Wall-clock limit of the whole solve; defaults to rules.solverTimeLimitSeconds. */
  timeLimitSeconds?: number;
}

export interface PlannedShift {
  agentId: string;
  start: number;
  end: number;
  breaks: Array<{ start: number; end: number; kind: 'meal' | 'rest' }>;
}

export interface CoverageRow {
  start: string;
  dialect?: string;
  required: number;
  scheduled: number;
}

export type ReasonCode =
  | 'TEAM_TOO_SMALL'
  | 'NO_QUALIFIED_AGENTS'
  | 'DIALECT_TOO_FEW'
  | 'TIME_OFF_OVER_PEAK'
  | 'SHIFTS_UNASSIGNED'
  | 'NO_SCHEDULE';

export interface DiagnosticReason {
  code: ReasonCode;
  /** One plain sentence a scheduler can act on. */
  message: string;
  details?: Record<string, unknown>;
}

export interface ShortfallFigure {
  requiredAgentIntervals: number;
  shortAgentIntervals: number;
  /** short / required (0 when nothing is required). */
  share: number;
}

export interface ScheduleDiagnostics {
  solverStatus: string;
  /** Agents who got no shift at all. */
  unassignedAgents: string[];
  shortfall: {
    total: ShortfallFigure;
    byDialect: Array<{ dialect: string } & ShortfallFigure>;
    /** Per local day (YYYY-MM-DD), over every requirement row. */
    byDay: Array<{ date: string } & ShortfallFigure>;
  };
  reasons: DiagnosticReason[];
}

export interface PreferenceReport {
  shiftsOutsideStartWindow: number;
  shiftsOnPreferredDaysOff: number;
  /** Σ over agents and weeks of (distinct start times − 1). */
  extraStartTimes: number;
  /** max − min over agents of evening shifts (ending after EVENING_STARTS local). */
  eveningSpread: number;
  /** max − min over agents of weekend shifts (starting on Saturday or Sunday). */
  weekendSpread: number;
}

/** A shift ending after this local time is an evening shift. */
export const EVENING_STARTS = '20:00';

export interface PlanningResult {
  /** 'solved' with a schedule, or 'no schedule'. */
  status: 'solved' | 'no schedule';
  /** What the last stage said (HiGHS status, stage reached, time limit). */
  solverStatus: string;
  objective: number | null;
  /** Valid lower bound on the same objective (present whenever a schedule is). */
  lowerBound: number | null;
  /** (objective − lowerBound) / objective. */
  gap: number | null;
  shifts: PlannedShift[];
  coverage: CoverageRow[];
  violations: Violation[];
  diagnostics: ScheduleDiagnostics;
  preferences: PreferenceReport;
  stats: Record<string, number | string>;
}
