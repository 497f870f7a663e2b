import { DataSource } from 'typeorm';
import { advisoryKey } from '../platform/database/advisory-lock';
import { buildDataSourceOptions } from './data-source-options';

/**
 * Runs pending migrations once, even when several replicas boot together:
 * a session advisory lock serialises them and the late ones find nothing to do.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(
    buildDataSourceOptions(url, { poolSize: 2, applicationName: 'shiftwell-migrate' }),
  );
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [advisoryKey('shiftwell-migrations')]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    await runner.query('SELECT pg_advisory_unlock($1)', [advisoryKey('shiftwell-migrations')]);
    return ran.map((m) => m.name);
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
