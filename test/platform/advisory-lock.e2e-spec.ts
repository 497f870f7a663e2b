import type { EntityManager } from 'typeorm';
import {
  lockInTransaction,
  lockWithin,
  tryLockInTransaction,
} from '../../src/platform/database/advisory-lock';
import { TestApp } from '../support/test-app';

/** Transaction-scoped advisory locks on the real database: who holds them, and for how long. */
describe('advisory locks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  /** A transaction left open until `finish` is called (its result is the work's). */
  function openTransaction<T>(work: (m: EntityManager) => Promise<T>) {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let ready!: (value: T) => void;
    const result = new Promise<T>((resolve) => (ready = resolve));
    const done = t.dataSource.transaction(async (m) => {
      ready(await work(m));
      await finished;
    });
    return { result, finish, done };
  }

  /** Another transaction's view: can it take the lock now? (It lets go at once.) */
  const freeForOthers = (name: string) =>
    t.dataSource.transaction((m) => tryLockInTransaction(m, name));

  it('lockWithin takes a free lock at once and holds it until its transaction ends', async () => {
    const a = openTransaction((m) => lockWithin(m, 'lock-free', 500));
    expect(await a.result).toBe(true);
    expect(await freeForOthers('lock-free')).toBe(false);
    a.finish();
    await a.done;
    expect(await freeForOthers('lock-free')).toBe(true);
  });

  it('lockWithin gives up on a held lock after its bound, and its transaction goes on', async () => {
    const holder = openTransaction((m) => lockInTransaction(m, 'lock-held'));
    await holder.result;
    const outcome = await t.dataSource.transaction(async (m) => {
      const got = await lockWithin(m, 'lock-held', 50);
      // The failed wait was rolled back to its savepoint: the transaction still answers, and its
      // lock timeout is back to none.
      const [{ timeout }] = await m.query(`SELECT current_setting('lock_timeout') AS timeout`);
      return { got, timeout };
    });
    expect(outcome).toEqual({ got: false, timeout: '0' });
    holder.finish();
    await holder.done;
  });

  it('lockWithin waits for a lock let go within its bound', async () => {
    const holder = openTransaction((m) => lockInTransaction(m, 'lock-soon'));
    await holder.result;
    const waiter = t.dataSource.transaction((m) => lockWithin(m, 'lock-soon', 30_000));
    // Let go once the waiter is queued on the lock (seen in pg_locks, not guessed from a delay).
    for (;;) {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      );
      if (waiting > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    holder.finish();
    await holder.done;
    expect(await waiter).toBe(true);
  });
});
