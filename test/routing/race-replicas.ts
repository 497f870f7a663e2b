import { ManualClock } from '../../src/platform/common/clock/clock';
import { ReplicaProcess } from '../reliability/support/replica-process';
import { TestApp } from '../support/test-app';

/**
 * The race is about correctness, not latency: a burst of hundreds of calls on a shared 2-core machine
 * can outlast the router's 2 s database budget, so these replicas get a generous one (the outage
 * suite tests the budget), and no log output.
 */
const RACE_ENV = {
  DATABASE_POOL_SIZE: '20',
  LOG_LEVEL: 'silent',
  DATABASE_REQUEST_BUDGET_MS: '20000',
};

/** Real time, for an app that shares a database with processes on the system clock. */
class WallClock extends ManualClock {
  override now(): Date {
    return new Date();
  }
}

export interface RaceReplicas {
  /** The set-up app (it runs a dispatcher too: a third replica on the same clock). */
  t: TestApp;
  /** A router request to replica 0 or 1, retried on a 503 or a reset connection as a router would. */
  api(
    replica: number,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  /** Either replica, at random. */
  pick(): number;
  /** How many requests were retried (a busy database on this shared machine). */
  retries: number;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two real service processes (system clock, jobs on) on a TestApp's database, with a router key.
 * Registers the suite's hooks. Every request the races send is idempotent (callId, reservation
 * decisions, eventId, callbackId), so retrying is what a router does too.
 */
export function useRaceReplicas(): RaceReplicas {
  let replicas: ReplicaProcess[] = [];
  let key = '';
  const race: RaceReplicas = {
    t: undefined as unknown as TestApp,
    retries: 0,
    pick: () => Math.floor(Math.random() * 2),
    api: async (replica, method, path, body) => {
      for (let attempt = 0; ; attempt++) {
        let res: Response;
        try {
          res = await fetch(`${replicas[replica].url}${path}`, {
            method,
            headers: { 'X-Api-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
        } catch (e) {
          if (attempt < 20 && replicas.every((r) => r.alive)) {
            race.retries++; // a reset connection under load
            await pause(100 + Math.random() * 200);
            continue;
          }
          const alive = replicas.map((r) => r.alive).join('/');
          throw new Error(
            `${method} ${path}: ${String((e as any).cause ?? e)} (replicas alive: ${alive})`,
          );
        }
        const text = await res.text();
        if (res.status === 503 && attempt < 20) {
          race.retries++;
          await pause(100 + Math.random() * 200);
          continue;
        }
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      }
    },
  };
  beforeAll(async () => {
    race.t = await TestApp.create({ clock: new WallClock() });
    key = await race.t.createRouterKey();
    replicas = await Promise.all([
      ReplicaProcess.start(race.t.databaseUrl, RACE_ENV),
      ReplicaProcess.start(race.t.databaseUrl, RACE_ENV),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await race.t?.close();
  });
  return race;
}
