import type { PlannedDay, RunLog } from './day';
import {
  abandonmentRate,
  averageSpeedOfAnswer,
  callbackFigures,
  CallbackFigures,
  gini,
  intervalFigures,
  IntervalFigures,
  occupancy,
  percentile,
  round,
  serviceLevel,
  StateSpan,
  timeInStates,
} from './metrics';
import { DEFAULT_POLICY } from '../wellbeing/break-policy';
import { exposureFigures, GroupExposure } from './exposure';
import type { SimulatorOptions } from './options';
import type { CentreAgent } from './setup';

export const INTERVAL_MS = 15 * 60_000;

/** The figures the terminal table and the report show for one policy. */
export interface RunSummary {
  policy: string;
  agents: number;
  days: number;
  /** The days' calls over the forecast, on average (`--forecast-error`; 1 without). */
  demandOverForecast: number;
  /** Agent-days lost to absence (`--absence`). */
  absentAgentDays: number;
  offered: number;
  answered: number;
  abandoned: number;
  /** Share answered within the threshold (0..1). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonment: number | null;
  occupancy: number | null;
  hostileCalls: number;
  hostilePerAgentMax: number;
  hostilePerAgentP90: number;
  hostileGini: number;
  /**
   * Hostile calls followed by a recovery that began before the agent's next call and lasted at
   * least the policy's minutes for the severity, from the presence history.
   */
  fullRecoveryShare: number | null;
  /** Hostile calls the service granted a full recovery (its wellbeing report: the grants table). */
  grantedRecoveryShare: number | null;
  /** Minutes agents spent in recovery (the service's presence history). */
  recoveryMinutes: number;
  /** Share of paid time (logged in, any state) spent in recovery. */
  recoveryShareOfPaidTime: number | null;
  /** Paid agent-hours: logged in, any state (on a schedule, the shifts less lunch as played). */
  paidAgentHours: number;
  /** Share of paid time on a break or not ready (rest breaks, self-booked breaks, counselling). */
  breakShareOfPaidTime: number | null;
  /** Hostile calls per paid agent-hour: over the day, and in its worst clock hour. */
  hostilePerAgentHour: number | null;
  hostilePerAgentHourWorst: number | null;
  /** Agents who took more than two hostile calls within one clock hour. */
  agentsAboveTwoHostileInAnHour: number;
  /** From a hostile call's end to the start of the agent's recovery (median, p90), in seconds. */
  secondsToRecoveryMedian: number | null;
  secondsToRecoveryP90: number | null;
  /** Hostile calls with no recovery after them that day. */
  hostileWithoutRecovery: number;
  /** Calls taken between a hostile call and its recovery, on average (inbound calls). */
  callsBeforeRecoveryMean: number | null;
  /** Agents whose occupancy (recovery and breaks excluded) was above 85%. */
  agentsAbove85Occupancy: number;
  /** Hostile exposure per dialect group (the agents' first dialect). */
  exposureByDialect: GroupExposure[];
  /** Recoveries agents extended and supervisors shortened (`--extend-share`, `--shorten-share`). */
  recoveriesExtended: number;
  recoveriesShortened: number;
  counsellingOffers: number;
  counsellingBookings: number;
  breaksBooked: number;
  /**
   * Callbacks chosen by callers who hung up: all first (`dialect: null`), then per dialect. Empty
   * when the run offered none (`--callback-share` 0).
   */
  callbacks: CallbackFigures[];
}

export interface RunResult {
  summary: RunSummary;
  /** Per interval of every day, in order. */
  intervals: IntervalFigures[];
  /** Hostile calls per agent (index order). */
  hostilePerAgent: number[];
  log: Omit<RunLog, 'calls' | 'callbacks'>;
}

/** Pure: the run's figures from the simulator's call log and the service's state history. */
export function summarise(
  policy: string,
  options: SimulatorOptions,
  centre: { agents: Array<Pick<CentreAgent, 'index' | 'agentId' | 'primaryDialect'>> },
  days: PlannedDay[],
  log: RunLog,
  spans: StateSpan[],
  grantedRecoveries: number,
  recoveryMinutesBySeverity: readonly number[] = DEFAULT_POLICY.recoveryMinutesBySeverity,
): RunResult {
  const threshold = options.serviceLevelSeconds * 1000;
  const calls = log.calls;
  const offered = calls.filter((c) => c.answeredMs !== null || c.abandonedMs !== null);
  const perAgent = centre.agents.map(() => 0);
  for (const c of calls)
    if (c.hostileSeverity !== null && c.agentIndex !== null) perAgent[c.agentIndex]++;
  const hostileCalls = perAgent.reduce((s, n) => s + n, 0);
  const time = new Map<string, number>();
  const intervals: IntervalFigures[] = [];
  for (const day of days) {
    for (const [state, ms] of timeInStates(spans, day.startMs, day.endMs))
      time.set(state, (time.get(state) ?? 0) + ms);
    intervals.push(
      ...intervalFigures(
        calls.filter((c) => c.arrivalMs >= day.startMs && c.arrivalMs < day.endMs),
        spans,
        day.startMs,
        day.endMs,
        INTERVAL_MS,
        threshold,
      ),
    );
  }
  const paidMs = [...time].reduce((sum, [state, ms]) => (state === 'offline' ? sum : sum + ms), 0);
  const awayMs =
    (time.get('break') ?? 0) + (time.get('not_ready') ?? 0) + (time.get('counseling') ?? 0);
  const recoveryMs = spans
    .filter((s) => s.state === 'recovery')
    .reduce((s, x) => s + (x.endMs - x.startMs), 0);
  const r = (x: number | null, digits: number) => (x === null ? null : round(x, digits));
  const { calls: _calls, callbacks: _callbacks, ...rest } = log;
  void _calls;
  void _callbacks;
  const lastDayEnd = Math.max(...days.map((d) => d.endMs));
  const callbacks =
    options.callbackShare > 0 || log.callbacks.length
      ? callbackFigures(
          log.callbacks,
          Math.max(lastDayEnd, ...log.callbacks.map((c) => c.notAfterMs)),
        )
      : [];
  const exposure = exposureFigures(
    calls,
    spans,
    centre.agents.map((a) => ({ index: a.index, agentId: a.agentId, group: a.primaryDialect })),
    days,
    (severity) => (recoveryMinutesBySeverity[severity - 1] ?? 0) * 60_000,
  );
  return {
    summary: {
      policy,
      agents: centre.agents.length,
      days: days.length,
      demandOverForecast: round(
        days.reduce((s, d) => s + (d.demandFactor ?? 1), 0) / Math.max(1, days.length),
        3,
      ),
      absentAgentDays: days.reduce((s, d) => s + (d.absentAgents?.length ?? 0), 0),
      offered: offered.length,
      answered: calls.filter((c) => c.answeredMs !== null).length,
      abandoned: calls.filter((c) => c.abandonedMs !== null).length,
      serviceLevel: r(serviceLevel(calls, threshold), 4),
      asaSeconds: r(averageSpeedOfAnswer(calls), 1),
      abandonment: r(abandonmentRate(calls), 4),
      occupancy: r(occupancy(time), 4),
      hostileCalls,
      hostilePerAgentMax: Math.max(0, ...perAgent),
      hostilePerAgentP90: perAgent.length ? percentile(perAgent, 90) : 0,
      hostileGini: round(gini(perAgent), 3),
      fullRecoveryShare: r(exposure.fullRecoveryShare, 4),
      grantedRecoveryShare: hostileCalls ? round(grantedRecoveries / hostileCalls, 4) : null,
      recoveryMinutes: round(recoveryMs / 60_000, 1),
      recoveryShareOfPaidTime: r(exposure.recoveryShareOfPaidTime, 4),
      paidAgentHours: round(paidMs / 3_600_000, 1),
      breakShareOfPaidTime: paidMs > 0 ? round(awayMs / paidMs, 4) : null,
      hostilePerAgentHour: r(exposure.hostilePerAgentHour, 3),
      hostilePerAgentHourWorst: r(exposure.worstHour?.hostilePerAgentHour ?? null, 3),
      agentsAboveTwoHostileInAnHour: exposure.agentsAboveTwoInAnHour,
      secondsToRecoveryMedian: r(exposure.secondsToRecoveryMedian, 1),
      secondsToRecoveryP90: r(exposure.secondsToRecoveryP90, 1),
      hostileWithoutRecovery: exposure.hostileWithoutRecovery,
      callsBeforeRecoveryMean: r(exposure.callsBeforeRecoveryMean, 2),
      agentsAbove85Occupancy: exposure.agentsAbove85Occupancy,
      exposureByDialect: exposure.byGroup.map((g) => ({
        ...g,
        hostilePerAgent: round(g.hostilePerAgent, 2),
        hostilePerAgentHour: r(g.hostilePerAgentHour, 3),
      })),
      recoveriesExtended: log.recoveriesExtended,
      recoveriesShortened: log.recoveriesShortened,
      counsellingOffers: log.counsellingOffers,
      counsellingBookings: log.counsellingBookings,
      breaksBooked: log.breaksBooked,
      callbacks,
    },
    intervals,
    hostilePerAgent: perAgent,
    log: rest,
  };
}
