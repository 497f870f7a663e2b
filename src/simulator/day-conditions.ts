import { lognormal } from './distributions';
import type { Prng } from './prng';

/** What a day does to the plan: demand against the forecast, and who is absent. */
export interface DayConditions {
  /** The day's calls over the forecast (1: as forecast). */
  demandFactor: number;
  /** Agents (by index) who do not come in. */
  absentAgents: number[];
}

/**
 * Pure: the day's demand factor (lognormal, mean 1, spread `forecastErrorCv`; exactly 1 without
 * error) and its absent agents (each on its own stream, so the share moves no one else's draw).
 */
export function drawDayConditions(
  rng: Prng,
  agents: number,
  absenceShare: number,
  forecastErrorCv: number,
): DayConditions {
  const demandFactor =
    forecastErrorCv > 0 ? lognormal(rng.stream('forecast'), 1, forecastErrorCv) : 1;
  const absence = rng.stream('absence');
  const absentAgents = Array.from({ length: agents }, (_, i) => i).filter((i) =>
    absence.stream(`agent-${i}`).chance(absenceShare),
  );
  return { demandFactor, absentAgents };
}
