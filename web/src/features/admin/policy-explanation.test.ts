import { describe, expect, it } from 'vitest';
import {
  explainPolicy,
  fewestSignedInForABreak,
  policyProblems,
  type PolicySettings,
} from './policy-explanation';

const DEFAULTS: Required<PolicySettings> = {
  recoveryBreaksEnabled: true,
  recoveryMinutesBySeverity: [5, 10, 15],
  escalationWindowMinutes: 60,
  escalationAlertAt: 2,
  shiftHours: 8,
  counsellingOfferAt: 3,
  escalatedRecoveryMinutes: 15,
  hostileCallsAlertAbove: 4,
  recoveryFloorMinutes: 3,
  recoveryMaximumMinutes: 30,
  microBreakAfterMinutes: 55,
  microBreakAfterCalls: 20,
  microBreakMinutes: 5,
  teamBreakCapPercent: 15,
  dailyBreakAllowanceMinutes: 60,
  occupancyAlertMinutes: 30,
};

describe('explainPolicy', () => {
  it('says what a hostile call gives, what repeats escalate to and who may change a recovery', () => {
    const sentences = explainPolicy(DEFAULTS);
    expect(sentences.map((s) => s.key)).toEqual([
      'recovery',
      'escalationAlert',
      'escalatedRecovery',
      'shiftAlert',
      'recoveryLimits',
      'microBreak',
      'selfBreaks',
      'occupancy',
    ]);
    expect(sentences[0].values).toEqual({ mild: 5, abusive: 10, threatening: 15 });
    expect(sentences[1].values).toEqual({ count: 2, minutes: 60 });
    expect(sentences[2].values).toEqual({ count: 3, minutes: 15, hours: 8 });
  });

  it('says how many must be signed in before anyone can self-book a break, as the service rounds', () => {
    const selfBreaks = explainPolicy(DEFAULTS).find((s) => s.key === 'selfBreaks');
    expect(selfBreaks?.values).toEqual({ percent: 15, needed: 7, minutes: 60 });
    expect([15, 20, 25, 34, 100].map(fewestSignedInForABreak)).toEqual([7, 5, 4, 3, 1]);
    // The service's cap at those team sizes is 1 (floor(n × percent / 100)), one fewer gives 0.
    for (const percent of [15, 20, 25, 34, 100]) {
      const n = fewestSignedInForABreak(percent);
      expect(Math.floor((n * percent) / 100 + 1e-9)).toBe(1);
      expect(Math.floor(((n - 1) * percent) / 100 + 1e-9)).toBe(0);
    }
    const none = explainPolicy({ ...DEFAULTS, teamBreakCapPercent: 0 });
    expect(none.map((s) => s.key)).toContain('selfBreaksNone');
  });

  it('without recovery breaks, says so and keeps the alerts and the counselling offer', () => {
    const keys = explainPolicy({ ...DEFAULTS, recoveryBreaksEnabled: false }).map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual(['recoveryOff', 'escalationAlert', 'counsellingOffer']);
    expect(keys).not.toContain('recoveryLimits');
  });
});

describe('policyProblems', () => {
  it('finds the contradictions the API refuses as INVALID_POLICY', () => {
    expect(policyProblems(DEFAULTS)).toEqual([]);
    expect(policyProblems({ ...DEFAULTS, recoveryMinutesBySeverity: [10, 5, 15] })).toEqual([
      'severityOrder',
    ]);
    expect(policyProblems({ ...DEFAULTS, recoveryFloorMinutes: 6 })).toEqual(['floorAboveMild']);
    expect(policyProblems({ ...DEFAULTS, escalatedRecoveryMinutes: 40 })).toEqual([
      'maximumTooLow',
    ]);
  });
});
