/** A small simulated hour shared by the simulator's summary and report specs. */
import type { RunLog } from '../../src/simulator/day';

export const START = Date.parse('2026-01-05T01:00:00Z');
export const HOUR = 3_600_000;

export function sampleLog(): RunLog {
  const calls = [
    // answered in 10 s, hostile, by agent 0
    {
      id: 'c1',
      day: 0,
      arrivalMs: START,
      enqueuedMs: START,
      answeredMs: START + 10_000,
      abandonedMs: null,
      agentIndex: 0,
      endedMs: START + 130_000,
      hostileSeverity: 2,
    },
    // answered in 30 s by agent 1
    {
      id: 'c2',
      day: 0,
      arrivalMs: START + 60_000,
      enqueuedMs: START + 60_000,
      answeredMs: START + 90_000,
      abandonedMs: null,
      agentIndex: 1,
      endedMs: START + 200_000,
      hostileSeverity: null,
    },
    // abandoned
    {
      id: 'c3',
      day: 0,
      arrivalMs: START + 120_000,
      enqueuedMs: START + 120_000,
      answeredMs: null,
      abandonedMs: START + 180_000,
      agentIndex: null,
      endedMs: null,
      hostileSeverity: null,
    },
    // hostile, agent 0 again
    {
      id: 'c4',
      day: 0,
      arrivalMs: START + 20 * 60_000,
      enqueuedMs: START + 20 * 60_000,
      answeredMs: START + 20 * 60_000,
      abandonedMs: null,
      agentIndex: 0,
      endedMs: START + 25 * 60_000,
      hostileSeverity: 1,
    },
  ];
  return {
    calls,
    counsellingOffers: 1,
    counsellingBookings: 1,
    counsellingRefused: 0,
    breaksBooked: 2,
    breaksRefused: 0,
    hostileReports: 1,
    recoveriesExtended: 0,
    recoveriesShortened: 0,
    recoveryChangesRefused: 0,
    callsOfferedAtOnce: 3,
    callsQueued: 1,
    callsNotQualified: 0,
    callsAbandonedInQueue: 1,
    queuePasses: 2,
    rosterChanges: 0,
    rosterRetries: 0,
    rosterMissed: 0,
    requests: 10,
    callbacks: [],
    phaseMs: { items: 0, jobs: 0, router: 0, passes: 0, inFlight: 0 },
  };
}

/** The sample's three agents (spans name a and b; c never logged in). */
export const sampleAgents = {
  agents: [
    { index: 0, agentId: 'a', primaryDialect: 'cmn' },
    { index: 1, agentId: 'b', primaryDialect: 'cmn' },
    { index: 2, agentId: 'c', primaryDialect: 'yue' },
  ],
};

export const sampleSpans = [
  { agentId: 'a', state: 'available', startMs: START, endMs: START + 0.5 * HOUR },
  { agentId: 'a', state: 'on_call', startMs: START + 0.5 * HOUR, endMs: START + HOUR },
  { agentId: 'b', state: 'wrap_up', startMs: START, endMs: START + 0.25 * HOUR },
  { agentId: 'b', state: 'recovery', startMs: START + 0.25 * HOUR, endMs: START + 0.5 * HOUR },
  { agentId: 'b', state: 'available', startMs: START + 0.5 * HOUR, endMs: START + HOUR },
];
