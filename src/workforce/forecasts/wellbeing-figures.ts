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
  };
  recoveryMinutesPerHostileCall: {
    value: number;
    source: FigureSource;
    /** Observed hostile calls by severity 1..3 (history only). */
    severityMix?: [number, number, number];
    /** The policy's recovery minutes by severity 1..3 (history only). */
    recoveryMinutesBySeverity?: [number, number, number];
  };
  window: { from: string; to: string; weeks: number };
}

/**
 * hostileCallRate = hostile ÷ answered over the window (the setting when nothing was answered);
 * recoveryMinutesPerHostileCall = Σ_s hostile_s × policy minutes_s ÷ hostile, the policy's minutes by
 * severity weighted by the observed mix (the setting when no hostile call was seen). Escalated recovery
 * (a third hostile call in a shift) is left out: it is rare and bounded by the policy's maximum.
 */
export function wellbeingFigures(
  mix: CallMix,
  recoveryMinutesBySeverity: [number, number, number],
  settings: { hostileCallRate: number; recoveryMinutesPerHostileCall: number },
  window: WellbeingFigures['window'],
): WellbeingFigures {
  const rate =
    mix.answered > 0
      ? {
          value: round(mix.hostile / mix.answered),
          source: 'history' as const,
          answeredCalls: mix.answered,
          hostileCalls: mix.hostile,
        }
      : {
          value: settings.hostileCallRate,
          source: 'setting' as const,
          answeredCalls: 0,
          hostileCalls: 0,
        };
  const minutes =
    mix.hostile > 0
      ? {
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
