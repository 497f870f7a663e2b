/** The wellbeing policy as the API returns it (every setting filled in). */
export interface PolicySettings {
  recoveryBreaksEnabled?: boolean;
  recoveryMinutesBySeverity?: number[];
  escalationWindowMinutes?: number;
  escalationAlertAt?: number;
  shiftHours?: number;
  counsellingOfferAt?: number;
  escalatedRecoveryMinutes?: number;
  hostileCallsAlertAbove?: number;
  recoveryFloorMinutes?: number;
  recoveryMaximumMinutes?: number;
  microBreakAfterMinutes?: number;
  microBreakAfterCalls?: number;
  microBreakMinutes?: number;
  teamBreakCapPercent?: number;
  dailyBreakAllowanceMinutes?: number;
  occupancyAlertMinutes?: number;
}

/** One sentence of the explanation: an i18n key under `policy.explain` and its values. */
export interface PolicySentence {
  key: string;
  values: Record<string, number>;
}

/**
 * The policy in plain sentences, in the order a supervisor meets them: what one hostile call
 * triggers, what repeats escalate to, who may change a recovery, then breaks and occupancy.
 */
export function explainPolicy(p: Required<PolicySettings>): PolicySentence[] {
  const [mild, abusive, threatening] = p.recoveryMinutesBySeverity;
  const out: PolicySentence[] = [];
  if (p.recoveryBreaksEnabled) {
    out.push({ key: 'recovery', values: { mild, abusive, threatening } });
  } else {
    out.push({ key: 'recoveryOff', values: {} });
  }
  out.push({
    key: 'escalationAlert',
    values: { count: p.escalationAlertAt, minutes: p.escalationWindowMinutes },
  });
  out.push(
    p.recoveryBreaksEnabled
      ? {
          key: 'escalatedRecovery',
          values: {
            count: p.counsellingOfferAt,
            minutes: p.escalatedRecoveryMinutes,
            hours: p.shiftHours,
          },
        }
      : { key: 'counsellingOffer', values: { count: p.counsellingOfferAt, hours: p.shiftHours } },
  );
  out.push({ key: 'shiftAlert', values: { count: p.hostileCallsAlertAbove } });
  if (p.recoveryBreaksEnabled)
    out.push({
      key: 'recoveryLimits',
      values: { floor: p.recoveryFloorMinutes, maximum: p.recoveryMaximumMinutes },
    });
  out.push({
    key: 'microBreak',
    values: {
      minutes: p.microBreakAfterMinutes,
      calls: p.microBreakAfterCalls,
      length: p.microBreakMinutes,
    },
  });
  out.push(
    p.teamBreakCapPercent > 0
      ? {
          key: 'selfBreaks',
          values: {
            percent: p.teamBreakCapPercent,
            needed: fewestSignedInForABreak(p.teamBreakCapPercent),
            minutes: p.dailyBreakAllowanceMinutes,
          },
        }
      : { key: 'selfBreaksNone', values: {} },
  );
  out.push({ key: 'occupancy', values: { minutes: p.occupancyAlertMinutes } });
  return out;
}

/**
 * How many of a team must be signed in before the cap lets anyone self-book a break: the service
 * rounds the cap down (teamBreakCap in src/wellbeing/break-policy.ts), so 15% needs 7 (6 × 15% = 0.9).
 */
export function fewestSignedInForABreak(percent: number): number {
  return Math.ceil(100 / percent - 1e-9);
}

/**
 * What the API's INVALID_POLICY check would say, found before saving: severities must not
 * decrease, the floor fits under severity 1, the maximum covers every recovery granted.
 */
export function policyProblems(p: Required<PolicySettings>): string[] {
  const [s1, s2, s3] = p.recoveryMinutesBySeverity;
  const problems: string[] = [];
  if (!(s1 <= s2 && s2 <= s3)) problems.push('severityOrder');
  if (p.recoveryFloorMinutes > s1) problems.push('floorAboveMild');
  if (p.recoveryMaximumMinutes < Math.max(s3, p.escalatedRecoveryMinutes))
    problems.push('maximumTooLow');
  return problems;
}
