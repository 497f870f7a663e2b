import { bearer, routerKey, TestApp } from '../support/test-app';
import { SseClient } from '../support/sse';
import { setPresence } from '../support/router';

/** GET /v1/events across two replicas: scoping by role and team, counselling masked, replay. */
describe('live events (SSE) across two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let key: string;
  const open: SseClient[] = [];
  const sse = async (t: TestApp, headers: Record<string, string>) => {
    const c = await SseClient.open(`${await t.url()}/v1/events`, headers);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    a = await TestApp.create();
    b = await TestApp.create({ databaseUrl: a.databaseUrl, clock: a.clock });
    key = await a.createRouterKey();
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await b.close();
    await a.close();
  });

  it('scopes the stream: own agent, own team’s supervisor, router; a session is not_ready/private to all but the agent', async () => {
    const team = await a.createTeam();
    const otherTeam = await a.createTeam();
    const agent = await a.createAgent({ teamId: team });
    const colleague = await a.createAgent({ teamId: team });
    const sup = await a.createUser(['supervisor'], team);
    const foreignSup = await a.createUser(['supervisor'], otherTeam);
    const admin = await a.adminToken();

    // Streams held by replica B; the changes are made through replica A.
    const mine = await sse(b, bearer(agent.token));
    expect(mine.contentType).toContain('text/event-stream');
    const colleagues = await sse(b, bearer(colleague.token));
    const supervisor = await sse(b, bearer(sup.token));
    const foreign = await sse(b, bearer(foreignSup.token));
    const router = await sse(b, routerKey(key));
    const admins = await sse(b, bearer(admin));

    const before = Date.now();
    await setPresence(a, agent, 'available');
    const mineAvailable = () =>
      mine
        .of('presence.changed')
        .some((e) => e.data.agentId === agent.agentId && e.data.state === 'available');
    await mine.until(mineAvailable, 3000);
    await supervisor.until(
      () =>
        supervisor
          .of('presence.changed')
          .some((e) => e.data.agentId === agent.agentId && e.data.state === 'available'),
      3000,
    );
    await router.until(
      () => router.of('agent.freed').some((e) => e.data.agentId === agent.agentId),
      3000,
    );
    await admins.until(
      () => admins.of('presence.changed').some((e) => e.data.agentId === agent.agentId),
      3000,
    );
    // Within 1 s of the change, across replicas (wall time of this machine, not a sleep).
    const seenAt = supervisor
      .of('presence.changed')
      .find((e) => e.data.agentId === agent.agentId)!.receivedAt;
    expect(seenAt - before).toBeLessThan(1000);

    // A counselling session: the agent sees it; everyone else sees not_ready/private with no until.
    const now = a.clock.now();
    await a.dataSource.query(
      `UPDATE agent_presence SET state = 'counseling', since = $2, until = $3 WHERE agent_id = $1`,
      [agent.agentId, now, new Date(now.getTime() + 30 * 60_000)],
    );
    await mine.until(
      () => mine.of('presence.changed').some((e) => e.data.state === 'counseling'),
      3000,
    );
    await supervisor.until(
      () => supervisor.of('presence.changed').some((e) => e.data.reason === 'private'),
      3000,
    );
    const masked = supervisor.of('presence.changed').find((e) => e.data.reason === 'private')!;
    expect(masked.data).toMatchObject({ agentId: agent.agentId, state: 'not_ready', until: null });
    await router.until(
      () => router.of('presence.changed').some((e) => e.data.reason === 'private'),
      3000,
    );

    // Let the other streams catch up with everything written so far, then check what they never got.
    await setPresence(a, colleague, 'available');
    await colleagues.until(() => colleagues.of('presence.changed').length > 0, 3000);
    await supervisor.until(
      () => supervisor.of('presence.changed').some((e) => e.data.agentId === colleague.agentId),
      3000,
    );
    const all = [supervisor, router, admins, colleagues, foreign].flatMap((c) => c.events);
    expect(all.some((e) => e.data.state === 'counseling')).toBe(false);
    expect(colleagues.events.some((e) => e.data.agentId === agent.agentId)).toBe(false);
    expect(
      foreign.events.some(
        (e) => e.data.agentId === agent.agentId || e.data.agentId === colleague.agentId,
      ),
    ).toBe(false);
    expect(mine.of('presence.changed').every((e) => e.data.agentId === agent.agentId)).toBe(true);
    expect(supervisor.of('agent.freed')).toHaveLength(0);
  });

  it('replays everything after Last-Event-ID, on either replica, without loss or repeats', async () => {
    const team = await a.createTeam();
    const sup = await a.createUser(['supervisor'], team);
    const agents = await Promise.all([1, 2, 3].map(() => a.createAgent({ teamId: team })));
    const first = await sse(a, bearer(sup.token));
    await setPresence(a, agents[0], 'available');
    await first.until(
      () => first.of('presence.changed').some((e) => e.data.agentId === agents[0].agentId),
      3000,
    );
    const resumeAfter = first.events[first.events.length - 1].id;
    first.close();

    // While disconnected: changes through both replicas.
    await setPresence(b, agents[1], 'available');
    await setPresence(a, agents[2], 'available');
    await setPresence(b, agents[1], 'not_ready');

    const resumed = await sse(b, { ...bearer(sup.token), 'Last-Event-ID': resumeAfter });
    await resumed.until(
      () =>
        resumed
          .of('presence.changed')
          .some((e) => e.data.agentId === agents[1].agentId && e.data.state === 'not_ready'),
      3000,
    );
    const got = resumed
      .of('presence.changed')
      .filter((e) => e.data.state !== 'offline') // an agent's first touch creates its row
      .map((e) => [e.data.agentId, e.data.state]);
    expect(got).toEqual([
      [agents[1].agentId, 'available'],
      [agents[2].agentId, 'available'],
      [agents[1].agentId, 'not_ready'],
    ]);
    const ids = resumed.events.map((e) => BigInt(e.id));
    expect(ids.every((id, i) => id > BigInt(resumeAfter) && (i === 0 || id > ids[i - 1]))).toBe(
      true,
    );
  });

  it('refuses a stream without credentials, and a malformed Last-Event-ID', async () => {
    const url = `${await a.url()}/v1/events`;
    expect((await fetch(url)).status).toBe(401);
    const bad = await fetch(url, { headers: { ...routerKey(key), 'Last-Event-ID': 'abc' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toBe('VALIDATION_FAILED');
  });

  it('prunes events past the retention', async () => {
    const retention = a.app.get(
      (await import('../../src/platform/events/events-retention')).EventsRetention,
    );
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE seq IS NOT NULL`,
    );
    expect(n).toBeGreaterThan(0);
    const removed = await retention.prune(new Date(a.clock.now().getTime() + 25 * 3600_000));
    expect(removed).toBe(n);
  });
});
