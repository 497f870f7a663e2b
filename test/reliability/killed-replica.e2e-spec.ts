import { ManualClock } from '../../src/platform/common/clock/clock';
import { setPresence } from '../support/router';
import { TestApp } from '../support/test-app';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './support/logs';
import { ReplicaProcess } from './support/replica-process';

const SWEEP_INTERVAL_MS = 2000; // PresenceJobs
const TTL_SECONDS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two real service processes on one database, both running the scheduled sweep; one is SIGKILLed
 * while it holds reservations. Real clock (child processes), so the TTL is short and waits bounded.
 */
describe('killed replica', () => {
  const setupLog = logFileFor('replica-setup');
  const logA = logFileFor('replica-a');
  const logB = logFileFor('replica-b');
  let t: TestApp;
  let a: ReplicaProcess | undefined;
  let b: ReplicaProcess | undefined;
  let key: string;
  const secrets: string[] = [];

  beforeAll(async () => {
    // Setup through an in-process app on the same database (clock near real time, jobs off).
    t = await TestApp.create({ clock: new ManualClock(new Date()), env: loggingEnv(setupLog) });
    key = await t.createRouterKey();
    secrets.push(key);
    [a, b] = await Promise.all([
      ReplicaProcess.start(t.databaseUrl, loggingEnv(logA)),
      ReplicaProcess.start(t.databaseUrl, loggingEnv(logB)),
    ]);
  }, 180_000);
  afterAll(async () => {
    await a?.kill('SIGKILL');
    await b?.kill('SIGTERM');
    await t?.close();
  });

  const reserve = async (base: string, callId: string) => {
    const res = await fetch(`${base}/v1/routing/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
      body: JSON.stringify({ callId, dialect: 'nan', ttlSeconds: TTL_SECONDS }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('the survivor frees the dead replica’s lapsed holds within one sweep of their expiry', async () => {
    const teamId = await t.createTeam();
    const agents = [];
    for (let i = 0; i < 6; i++) {
      const agent = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 4 }] });
      secrets.push(agent.password, agent.token);
      await setPresence(t, agent, 'available');
      agents.push(agent);
    }

    // Replica A takes every agent, then dies without a word.
    const held = [];
    for (let i = 0; i < agents.length; i++) {
      const r = await reserve(a!.url, `killed-${i}`);
      expect(r.status).toBe(201);
      held.push(r.body);
    }
    expect(new Set(held.map((h) => h.agentId)).size).toBe(agents.length);
    a!.child.kill('SIGKILL');
    await new Promise((r) => a!.child.once('exit', r));
    const lastExpiry = Math.max(...held.map((h) => Date.parse(h.expiresAt)));

    // While held, B cannot hand them out twice.
    const meanwhile = await reserve(b!.url, 'killed-meanwhile');
    if (Date.now() < lastExpiry - 500) expect(meanwhile.status).toBe(409);
    if (meanwhile.status === 201)
      await fetch(`${b!.url}/v1/routing/reservations/${meanwhile.body.reservationId}/reject`, {
        method: 'POST',
        headers: { 'X-Api-Key': key },
      });

    // B's sweep (it now wins the advisory lock every time) lapses the holds.
    const deadline = lastExpiry + SWEEP_INTERVAL_MS + 4000; // one sweep, plus slack for a loaded machine
    let freedAt: number | undefined;
    while (Date.now() < deadline + 5000) {
      const [{ reserved }] = await t.dataSource.query(
        `SELECT count(*)::int AS reserved FROM agent_presence WHERE state = 'reserved' AND agent_id = ANY($1::uuid[])`,
        [agents.map((x) => x.agentId)],
      );
      if (reserved === 0) {
        freedAt = Date.now();
        break;
      }
      await sleep(200);
    }
    process.stdout.write(
      `killed replica: holds freed ${freedAt ? freedAt - lastExpiry : 'never'} ms after expiry\n`,
    );
    expect(freedAt).toBeDefined();
    expect(freedAt!).toBeLessThanOrEqual(deadline);
    expect(b!.alive).toBe(true);

    const statuses = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM reservations WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [held.map((h) => h.reservationId)],
    );
    expect(statuses).toEqual([{ status: 'lapsed', n: agents.length }]);
    const [{ available }] = await t.dataSource.query(
      `SELECT count(*)::int AS available FROM agent_presence WHERE state = 'available' AND agent_id = ANY($1::uuid[])`,
      [agents.map((x) => x.agentId)],
    );
    expect(available).toBe(agents.length);

    // The survivor routes to them again.
    const again = await reserve(b!.url, 'killed-after');
    expect(again.status).toBe(201);
    // No agent was ever held by two live reservations.
    const doubled = await t.dataSource.query(
      `SELECT agent_id FROM reservations WHERE status = 'held' GROUP BY agent_id HAVING count(*) > 1`,
    );
    expect(doubled).toEqual([]);
  }, 120_000);

  it('wrote no password, token or key to the logs', async () => {
    await b?.kill('SIGTERM');
    expect(lineCount([logA, logB])).toBeGreaterThan(10);
    expect(leaksIn([setupLog, logA, logB], secrets)).toEqual([]);
  });
});
