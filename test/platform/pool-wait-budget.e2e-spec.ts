import { DataSource, QueryRunner } from 'typeorm';
import { withDatabaseBudget } from '../../src/platform/database/request-budget';
import { buildDataSourceOptions } from '../../src/schema/data-source-options';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * Inside a request's database budget, a wait for a pooled connection gives up while 40% of the
 * budget is left for the queries (a 503 that touched nothing), instead of handing the request a
 * connection with nothing left, to time out in the middle of its transaction and lose the
 * connection. A one-connection pool on the real database, its connection held; the pool's
 * timer runs on a fake clock.
 */
describe('the wait for a pooled connection inside a request budget', () => {
  let url: string;
  let dataSource: DataSource;
  let holder: QueryRunner;

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(url, { poolSize: 1 })).initialize();
  });
  beforeEach(async () => {
    holder = dataSource.createQueryRunner();
    await holder.connect();
  });
  afterEach(async () => {
    jest.useRealTimers();
    await holder.release();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  /** On the fake clock: the query `ask` starts is still waiting at `ms` - 1 and gave up at `ms` + 1. */
  async function expectGivesUpAt(ms: number, ask: () => Promise<unknown>) {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    let outcome: string | undefined;
    void ask().then(
      () => (outcome = 'answered'),
      (e: Error) => (outcome = e.message),
    );
    await jest.advanceTimersByTimeAsync(ms - 1);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(2);
    expect(outcome).toMatch(/timeout exceeded when trying to connect/);
  }

  it('gives up at 60% of a 2 s budget, before the queries reserve', () =>
    expectGivesUpAt(1200, () => withDatabaseBudget(2000, () => dataSource.query('SELECT 1'))));

  it('hands over a connection freed in time', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const query = withDatabaseBudget(2000, () => dataSource.query('SELECT 1 AS one'));
    await jest.advanceTimersByTimeAsync(1000);
    jest.useRealTimers();
    await holder.release();
    await expect(query).resolves.toEqual([{ one: 1 }]);
    holder = dataSource.createQueryRunner();
    await holder.connect();
  });

  it('outside a budget (a job) waits the usual 5 s', () =>
    expectGivesUpAt(5000, () => dataSource.query('SELECT 1')));
});
