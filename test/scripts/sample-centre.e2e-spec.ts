import {
  buildSampleCentre,
  SAMPLE_AGENTS,
  SAMPLE_PASSWORD,
  SAMPLE_SITE,
  sampleForecast,
} from '../../scripts/sample-centre';
import { LOCAL_DEFAULTS } from '../../src/platform/config/app-config';
import { bearer, routerKey, TestApp } from '../support/test-app';

/** `npm run sample-centre` against a real service (listening on a port) and PostgreSQL. */
describe('the sample centre script', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  const build = async () =>
    buildSampleCentre({
      baseUrl: await t.url(),
      adminEmail: LOCAL_DEFAULTS.bootstrapAdminEmail,
      adminPassword: LOCAL_DEFAULTS.bootstrapAdminPassword,
      now: t.clock.now(),
    });

  it('builds a centre everyone can sign in to, in their own team only, and is a no-op the second time', async () => {
    const first = await build();
    expect(first.created).toBe(true);
    expect(first.routerKey).toMatch(/^sw_/);
    expect(first.published).toBe(true);
    expect(first.logins).toHaveLength(SAMPLE_AGENTS.length + 3);

    // Every sample person signs in with the sample password.
    for (const login of first.logins) await t.login(login.email, SAMPLE_PASSWORD);

    // The supervisor sees the Wuhan line's eight agents, in work-number order, not the other team.
    const supervisor = first.logins.find((l) => l.role.startsWith('supervisor'))!;
    const token = await t.login(supervisor.email, SAMPLE_PASSWORD);
    const agents = await t.http().get('/v1/agents?pageSize=100').set(bearer(token)).expect(200);
    expect(agents.body.items.map((a: { externalId: string }) => a.externalId)).toEqual([
      '8001',
      '8002',
      '8003',
      '8004',
      '8005',
      '8006',
      '8007',
      '8008',
    ]);
    const teamId = agents.body.items[0].teamId;

    // The scheduler finds a forecast to plan from, with its Wuhan share.
    const scheduler = first.logins.find((l) => l.role.startsWith('scheduler'))!;
    const from = new Date(t.clock.now().getTime() + 86_400_000 * 2).toISOString();
    const to = new Date(t.clock.now().getTime() + 86_400_000 * 3).toISOString();
    const forecast = await t
      .http()
      .get(`/v1/teams/${teamId}/forecast?from=${from}&to=${to}`)
      .set(bearer(await t.login(scheduler.email, SAMPLE_PASSWORD)))
      .expect(200);
    expect(JSON.stringify(forecast.body)).toContain('cmn-x-wuhan');

    // The Wuhan line's week is published: its agents have shifts.
    const agent = first.logins.find((l) => l.role === 'agent 8001')!;
    const agentToken = await t.login(agent.email, SAMPLE_PASSWORD);
    const me = await t.http().get('/v1/me').set(bearer(agentToken)).expect(200);
    const week = await t
      .http()
      .get(`/v1/agents/${me.body.agentId}/schedule.ics`)
      .set(bearer(agentToken))
      .expect(200);
    expect(week.text).toContain('BEGIN:VEVENT');

    // An agent can book the counsellor (suggested times exist), and the router key works.
    const slots = await t
      .http()
      .get('/v1/counseling/suggested-slots?count=3')
      .set(bearer(agentToken))
      .expect(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    await t.http().get('/v1/agents?externalId=8101').set(routerKey(first.routerKey!)).expect(200);

    // Again: nothing changes, and no second key is made.
    const again = await build();
    expect(again).toMatchObject({ created: false, routerKey: null });
    const sites = await t
      .http()
      .get('/v1/sites?pageSize=200')
      .set(await t.asAdmin())
      .expect(200);
    expect(sites.body.items.filter((s: { name: string }) => s.name === SAMPLE_SITE)).toHaveLength(
      1,
    );
    const all = await t
      .http()
      .get('/v1/agents?pageSize=100')
      .set(await t.asAdmin())
      .expect(200);
    expect(all.body.total).toBe(SAMPLE_AGENTS.length);
  });

  it('forecasts the site’s opening hours from tomorrow, with a busier morning than evening', () => {
    // Monday 2026-01-05 12:00 in Wuhan.
    const intervals = sampleForecast(new Date('2026-01-05T04:00:00Z'), { scale: 1, wuhanShare: 0 });
    // Tuesday 08:00 local is the first half hour; Sunday is closed.
    expect(intervals[0].start).toBe('2026-01-06T00:00:00.000Z');
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000);
    expect(intervals.some((i) => local(i.start).getUTCDay() === 0)).toBe(false);
    const at = (iso: string) => intervals.find((i) => i.start === iso)!.calls;
    expect(at('2026-01-06T02:30:00.000Z')).toBeGreaterThan(at('2026-01-06T13:00:00.000Z'));
  });
});
