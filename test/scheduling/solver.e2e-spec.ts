import { DEFAULT_LABOUR_RULES } from '../../src/workforce/scheduling/labour-rules';
import type {
  PlanningInput,
  PlanningResult,
} from '../../src/workforce/scheduling/domain/planning-input';
import { waitForSchedule } from '../support/scheduling';
import { bearer, TestApp, TestUser } from '../support/test-app';
import { independentCheck } from './independent-checker';

const ZONE = 'Asia/Shanghai';

// Generation runs a real solver in the background; a busy machine may need a while.
jest.setTimeout(300_000);

/**
 * A mixed-dialect team through the API: everyone speaks Putonghua (3-5); some also Wuhan or Cantonese at
 * levels 2-5, where only 3 and above count for a dialect row.
 */
describe('scheduling a mixed-dialect team', () => {
  let t: TestApp;
  let scheduler: TestUser;
  let teamId: string;
  const dialectsOf = new Map<string, Array<{ tag: string; proficiency: number }>>();

  beforeAll(async () => {
    t = await TestApp.create();
    const siteId = await t.createSite(undefined, ZONE);
    teamId = await t.createTeam(siteId);
    scheduler = await t.createUser(['scheduler'], teamId);
    for (let k = 0; k < 14; k++) {
      const dialects = [{ tag: 'cmn', proficiency: 3 + (k % 3) }];
      if (k % 3 === 0) dialects.push({ tag: 'cmn-x-wuhan', proficiency: 2 + (k % 4) });
      if (k % 4 === 1) dialects.push({ tag: 'yue', proficiency: 2 + (k % 4) + (k % 3) });
      const agent = await t.createAgent({ teamId, dialects });
      dialectsOf.set(agent.agentId, dialects);
    }
  });
  afterAll(() => t.close());

  it('gets a draft with a lower bound, no violations, and coverage that an independent recount confirms', async () => {
    // Monday to Wednesday, 08:00-20:00 local: a total row (4, 6 at 10:00-12:00) and one agent per
    // dialect row from 09:00 to 17:00.
    const requirements: Array<{ start: string; agents: number; dialect?: string }> = [];
    for (let d = 0; d < 3; d++)
      for (let m = 8 * 60; m < 20 * 60; m += 30) {
        const start = new Date(
          Date.parse(`2026-01-0${5 + d}T00:00:00+08:00`) + m * 60_000,
        ).toISOString();
        requirements.push({ start, agents: m >= 600 && m < 720 ? 6 : 4 });
        if (m >= 9 * 60 && m < 17 * 60) {
          requirements.push({ start, agents: 1, dialect: 'yue' });
          requirements.push({ start, agents: 1, dialect: 'cmn-x-wuhan' });
        }
      }
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({ teamId, startDate: '2026-01-05', days: 3, intervalMinutes: 30, requirements })
      .expect(202);
    const body = await waitForSchedule(t, scheduler.token, res.body.scheduleId);
    expect(body.status).toBe('draft');
    expect(body.violations).toEqual([]);
    expect(typeof body.lowerBound).toBe('number');
    expect(body.objective).toBeGreaterThanOrEqual(body.lowerBound - 1e-6);
    expect(body.shifts.length).toBeGreaterThan(5);

    const input: PlanningInput = {
      startDate: '2026-01-05',
      days: 3,
      intervalMinutes: 30,
      timeZone: ZONE,
      agents: [...dialectsOf].map(([agentId, dialects]) => ({ agentId, dialects })),
      requirements: [],
      rules: DEFAULT_LABOUR_RULES,
    };
    const result = {
      status: 'solved',
      objective: body.objective,
      lowerBound: body.lowerBound,
      shifts: body.shifts.map((s: any) => ({
        agentId: s.agentId,
        start: Date.parse(s.startsAt),
        end: Date.parse(s.endsAt),
        breaks: s.breaks.map((b: any) => ({
          start: Date.parse(b.startsAt),
          end: Date.parse(b.endsAt),
          kind: b.kind,
        })),
      })),
      coverage: body.coverage,
    } as unknown as PlanningResult;
    expect(independentCheck(input, result)).toEqual([]);
    // The dialect rows are met by agents at proficiency >= 3 (the recount above agrees with the report).
    const yue = body.coverage.filter((c: any) => c.dialect === 'yue');
    const wuhan = body.coverage.filter((c: any) => c.dialect === 'cmn-x-wuhan');
    expect(yue).toHaveLength(48);
    expect(wuhan).toHaveLength(48);
    const short = [...yue, ...wuhan].filter((c: any) => c.scheduled < c.required).length;
    expect(short).toBeLessThanOrEqual(4); // a break may take the only speaker out of an interval
  });
});
