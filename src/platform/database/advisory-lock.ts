import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query';

/** Stable 32-bit key for a job name, so every replica agrees on the lock id. */
export function advisoryKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Runs `work` only if this replica wins the PostgreSQL advisory lock for `name`
 * (transaction-scoped, so a killed replica releases it with its connection).
 * Returns undefined when another replica holds the lock.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: (manager: import('typeorm').EntityManager) => Promise<T>,
): Promise<T | undefined> {
  return dataSource.transaction(async (manager) => {
    const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      advisoryKey(name),
    ]);
    if (!locked) return undefined;
    return work(manager);
  });
}

/** Waits for the advisory lock `name`, held until the caller's transaction ends (serialises one key). */
export async function lockInTransaction(manager: EntityManager, name: string): Promise<void> {
  await preparedQuery(manager, 'SELECT pg_advisory_xact_lock($1)', [advisoryKey(name)]);
}

/** Takes the advisory lock `name` for the caller's transaction if it is free now; false if it is held. */
export async function tryLockInTransaction(manager: EntityManager, name: string): Promise<boolean> {
  const [{ locked }] = await preparedQuery<{ locked: boolean }>(
    manager,
    'SELECT pg_try_advisory_xact_lock($1) AS locked',
    [advisoryKey(name)],
  );
  return locked;
}

/**
 * Waits up to `ms` for the advisory lock `name` (held until the caller's transaction ends); false if
 * it stayed taken. The wait is bounded so a burst of requests does not queue up behind one holder.
 * A free lock is taken in one statement; only a taken one pays for the bounded wait (a savepoint and
 * a lock timeout, five statements: on the router's hot path most locks are free).
 */
export async function lockWithin(
  manager: EntityManager,
  name: string,
  ms: number,
): Promise<boolean> {
  if (await tryLockInTransaction(manager, name)) return true;
  await manager.query('SAVEPOINT bounded_lock');
  try {
    await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.round(ms)}ms`]);
    await manager.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(name)]);
    await manager.query(`SELECT set_config('lock_timeout', '0', true)`);
    await manager.query('RELEASE SAVEPOINT bounded_lock');
    return true;
  } catch (e) {
    if ((e as { driverError?: { code?: string } }).driverError?.code !== '55P03') throw e;
    await manager.query('ROLLBACK TO SAVEPOINT bounded_lock');
    await manager.query('RELEASE SAVEPOINT bounded_lock');
    return false;
  }
}
