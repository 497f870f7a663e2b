import { ManualClock } from '../../../src/platform/common/clock/clock';
import { runMigrations } from '../../../src/schema/migrate';
import { TestApp } from '../../support/test-app';
import { DedicatedPostgres } from './dedicated-postgres';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './logs';

/** One router request as the outage suites record it. */
export interface Tried {
  kind: 'reserve' | 'reject' | 'events' | 'health' | 'read';
  startedAt: number;
  ms: number;
  status: number;
  error?: string;
  retryAfter?: string | null;
  eventIds?: string[];
  reservationId?: string;
  agentId?: string;
}

export const DOWN_MS = 10_000;
export const BUDGET_MS = 2000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OutageHarness {
  pg: DedicatedPostgres;
  t: TestApp;
  key: string;
  logFile: string;
  secrets: string[];
}

/**
 * A service on a PostgreSQL of its own (so stopping or freezing it hurts no other suite), with a
 * router key and logs to a file; registers the suite's hooks and the check that the logs leak nothing.
 */
export function useOutageHarness(): OutageHarness {
  const h = { logFile: logFileFor('outage'), secrets: [] as string[] } as OutageHarness;
  beforeAll(async () => {
    h.pg = await DedicatedPostgres.start();
    await runMigrations(h.pg.url);
    h.t = await TestApp.create({
      databaseUrl: h.pg.url,
      clock: new ManualClock(),
      env: {
        ...loggingEnv(h.logFile),
        DATABASE_POOL_SIZE: '10',
        DATABASE_REQUEST_BUDGET_MS: String(BUDGET_MS),
      },
    });
    h.key = await h.t.createRouterKey();
    h.secrets.push(h.key);
  }, 120_000);
  afterAll(async () => {
    await h.t?.close();
    await h.pg?.destroy();
  });
  return h;
}

/** Registers the check, run last, that the suite's logs hold no password, token or key. */
export function itWroteNoSecrets(h: OutageHarness): void {
  it('wrote no password, token or key to the logs', async () => {
    expect(lineCount([h.logFile])).toBeGreaterThan(50);
    expect(leaksIn([h.logFile], h.secrets)).toEqual([]);
  });
}
