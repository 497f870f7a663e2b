/**
 * The wellbeing part of planning shrinkage from live data (pure): the hostile share of answered calls
 * and the recovery minutes a hostile call costs, each with where it came from.
 */
export type FigureSource = 'history' | 'setting';

export interface CallMix {
  answered: number;
  hostile: number;
  /** Hostile calls by highest reported severity: [severity 1, 2, 3]. */
  bySeverity: [number, number, number];
}

export interface WellbeingFigures {
  hostileCallRate: {
    value: number;
    source: FigureSource;
    answeredCalls: number;
    hostileCalls: number;
    /** hostile ÷ answered, before the setting's weight (history only). */
    observedRate?: number;
    /** How many calls the setting counts for in the blend (history only). */
    settingWeightCalls?: number;
  };
  recoveryMinutesPerHostileCall: {
    value: number;
    source: FigureSource;
    /** Observed hostile calls by severity 1..3 (history only). */
    severityMix?: [number, number, number];
    /** The policy's recovery minutes by severity 1..3 (history only). */
    recoveryMinutesBySeverity?: [number, number, number];
    /** Recovery breaks the policy granted in the window, and how many were escalated (grants only). */
    grants?: number;
    escalatedGrants?: number;
    /** grants: the minutes actually granted (escalations included); severity-mix: the policy by severity. */
    basis?: 'grants' | 'severity-mix';
  };
  window: { from: string; to: string; weeks: number };
}

/** Recovery breaks the policy granted over the window (escalations included). */
export interface GrantedRecovery {
  grants: number;
  escalated: number;
  meanMinutes: number;
}

/**
 * How many answered calls the team's stored hostile-call rate counts for against its history. A new
 * team's first calls are a small sample: one hostile call out of one answered made the rate 100%, and
 * fifty calm ones made it 0, and staffing followed. Weighted like this, the history moves the figure
 * a little at first and decides it once the team has answered several hundred calls.
 */
export const SETTING_WEIGHT_CALLS = 100;

/**
 * hostileCallRate = (hostile + W × setting) ÷ (answered + W) over the window, W = SETTING_WEIGHT_CALLS
 * (a credibility blend; the setting alone when nothing was answered);
 * recoveryMinutesPerHostileCall = the mean minutes the policy actually granted per recovery when there
 * were grants: escalations (the nth hostile call in a shift gets the escalated minutes) are common under
 * high hostility and the severity minutes alone miss them. Without grants, Σ_s hostile_s × policy
 * minutes_s ÷ hostile (the policy by the observed severity mix); without hostile calls, the setting.
 */
export function wellbeingFigures(
  mix: CallMix,
  recoveryMinutesBySeverity: [number, number, number],
  settings: { hostileCallRate: number; recoveryMinutesPerHostileCall: number },
  window: WellbeingFigures['window'],
  granted?: GrantedRecovery,
): WellbeingFigures {
  const rate =
    mix.answered > 0
      ? {
          value: round(
            (mix.hostile + SETTING_WEIGHT_CALLS * settings.hostileCallRate) /
              (mix.answered + SETTING_WEIGHT_CALLS),
          ),
          source: 'history' as const,
          answeredCalls: mix.answered,
          hostileCalls: mix.hostile,
          observedRate: round(mix.hostile / mix.answered),
          settingWeightCalls: SETTING_WEIGHT_CALLS,
        }
      : {
          value: settings.hostileCallRate,
          source: 'setting' as const,
          answeredCalls: 0,
          hostileCalls: 0,
        };
  const minutes =
    granted && granted.grants > 0
      ? {
          value: round(granted.meanMinutes),
          source: 'history' as const,
          basis: 'grants' as const,
          grants: granted.grants,
          escalatedGrants: granted.escalated,
          ...(mix.hostile > 0 ? { severityMix: mix.bySeverity } : {}),
          recoveryMinutesBySeverity,
        }
      : mix.hostile > 0
        ? {
            basis: 'severity-mix' as const,
            value: round(
              mix.bySeverity.reduce((s, n, i) => s + n * recoveryMinutesBySeverity[i], 0) /
                mix.hostile,
            ),
            source: 'history' as const,
            severityMix: mix.bySeverity,
            recoveryMinutesBySeverity,
          }
        : { value: settings.recoveryMinutesPerHostileCall, source: 'setting' as const };
  return { hostileCallRate: rate, recoveryMinutesPerHostileCall: minutes, window };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
