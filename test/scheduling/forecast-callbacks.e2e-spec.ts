import { randomUUID } from 'node:crypto';
import { ForecastsService } from '../../src/workforce/forecasts/forecasts.service';
import { requiredAgents } from '../../src/workforce/staffing/erlang';
import { TestApp } from '../support/test-app';

/** Monday 2 Feb 2026, 09:00-13:00 in Shanghai (01:00-05:00Z), in half hours. */
const starts = Array.from({ length: 8 }, (_, k) =>
  new Date(Date.parse('2026-02-02T01:00:00Z') + k * 30 * 60_000).toISOString(),
);
const WEEK = 7 * 86_400_000;

/**
 * The forecast's requirements (what schedule generation covers) carry the team's callback work: callbacks
 * per interval of the week from the last four weeks, attempts and handle time from the same callbacks.
 */
describe('forecast requirements with callback work', () => {
  let t: TestApp;
  let siteId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    siteId = await t.createSite(undefined, 'Asia/Shanghai');
    t.clock.set('2026-02-02T00:00:00Z');
  });
  afterAll(() => t.close());

  async function teamWithForecast(): Promise<string> {
    const teamId = await t.createTeam(siteId);
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(await t.asAdmin())
      .send({
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        shrinkage: 0.3,
        maxOccupancy: 0.85,
        hostileCallRate: 0,
        recoveryMinutesPerHostileCall: 0,
      })
      .expect(200);
    await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(await t.asAdmin())
      .send({
        intervalMinutes: 30,
        intervals: starts.map((start) => ({ start, calls: 100, ahtSeconds: 180 })),
      })
      .expect(200);
    return teamId;
  }

  const preview = async (teamId: string) =>
    (
      await t
        .http()
        .get(
          `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=2026-02-02&days=1&intervalMinutes=30`,
        )
        .set(await t.asAdmin())
        .expect(200)
    ).body;

  /** A reached callback of the team whose window started at `notBefore`, its last call 180 s. */
  async function callback(teamId: string, agentId: string, notBefore: number, attempts: number) {
    const id = `fcb-${randomUUID()}`;
    await t.dataSource.query(
      `INSERT INTO callbacks (callback_id, queue_id, status, team_id, not_before, not_after, attempts, created_at)
       VALUES ($1, $2, 'reached', $3, $4, $5, $6, $4)`,
      [
        id,
        `callback:${id}`,
        teamId,
        new Date(notBefore),
        new Date(notBefore + 7_200_000),
        attempts,
      ],
    );
    if (attempts > 0)
      await t.dataSource.query(
        `INSERT INTO calls (call_id, agent_id, answered_at, ended_at, duration_seconds) VALUES ($1, $2, $3, $4, 180)`,
        [`callback:${id}`, agentId, new Date(notBefore), new Date(notBefore + 180_000)],
      );
  }

  it('a team without callbacks gets exactly the inbound requirements', async () => {
    const teamId = await teamWithForecast();
    const body = await preview(teamId);
    const inbound = requiredAgents({
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      wellbeing: { hostileCallRate: 0, recoveryMinutesPerHostileCall: 0 },
    });
    expect(inbound.agents).toBe(20);
    expect(body.requirements).toEqual(
      starts.map((start) => ({
        start,
        agents: inbound.agents,
        rawAgents: inbound.rawAgents,
        callbackAgents: 0,
        shrinkage: inbound.shrinkage,
      })),
    );
    expect(body.callbacks).toBeUndefined();
  });

  it('a team with recent callbacks gets more agents in the intervals its callbacks start in', async () => {
    const teamId = await teamWithForecast();
    const { agentId } = await t.createAgent({ teamId });
    // Each of the last four Mondays: 10 callbacks from 10:00 local (02:00Z), 5 from 15:00 (07:00Z),
    // two attempts each, the last call 180 s.
    const firstMonday = Date.parse('2026-01-05T00:00:00Z');
    for (let w = 0; w < 4; w++) {
      for (let k = 0; k < 10; k++)
        await callback(teamId, agentId, firstMonday + w * WEEK + 2 * 3_600_000 + k * 60_000, 2);
      for (let k = 0; k < 5; k++)
        await callback(teamId, agentId, firstMonday + w * WEEK + 7 * 3_600_000 + k * 60_000, 2);
    }
    // Older than the four weeks: not counted.
    await callback(teamId, agentId, firstMonday - WEEK + 3 * 3_600_000, 2);

    const body = await preview(teamId);
    expect(body.callbacks).toEqual({
      callbacks: 60,
      window: { from: '2026-01-05T00:00:00.000Z', to: '2026-02-02T00:00:00.000Z', weeks: 4 },
      attemptsPerCallback: { value: 2, source: 'history' },
      handleSecondsPerAttempt: { value: 180, source: 'history' },
    });
    const byStart = new Map(body.requirements.map((r: any) => [r.start, r]));
    // 10 callbacks × 2 attempts × 180 s in 1800 s = 2 erlangs → ceil(2 / 0.85) = 3 agents on top of 14.
    expect(byStart.get('2026-02-02T02:00:00.000Z')).toMatchObject({
      rawAgents: 17,
      callbackAgents: 3,
      agents: 25, // ceil(17 / 0.7)
    });
    // The other forecast intervals are as without callbacks.
    for (const start of starts.filter((s) => s !== '2026-02-02T02:00:00.000Z'))
      expect(byStart.get(start)).toMatchObject({ agents: 20, rawAgents: 14, callbackAgents: 0 });
    // 15:00 local has no inbound forecast: 5 × 2 × 180 s = 1 erlang → 2 agents, 3 rostered.
    expect(byStart.get('2026-02-02T07:00:00.000Z')).toMatchObject({
      rawAgents: 2,
      callbackAgents: 2,
      agents: 3,
      shrinkage: { base: 0.3, total: 0.3 },
    });
    expect(body.requirements).toHaveLength(9);

    // Schedule generation covers the totals (its requirements when none are given).
    const generation = await t.app
      .get(ForecastsService)
      .requirementsFor(
        teamId,
        new Date('2026-02-01T16:00:00Z'),
        new Date('2026-02-02T16:00:00Z'),
        30,
      );
    expect(generation).toContainEqual({ start: '2026-02-02T02:00:00.000Z', agents: 25 });
    expect(generation).toContainEqual({ start: '2026-02-02T07:00:00.000Z', agents: 3 });
  });
});
