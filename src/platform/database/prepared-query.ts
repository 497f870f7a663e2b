import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * Runs a hot-path statement as a named prepared statement on the pg connection underneath TypeORM.
 *
 * Why: the router's statements are planned in 1-2 ms but execute in well under 1 ms; a prepared
 * statement is planned once per pooled connection and reused. The name is derived from the text, so
 * a statement whose text depends on the filter (one EXISTS per skill) gets one name per shape.
 * Errors are wrapped in TypeORM's QueryFailedError so the error filter maps constraints and outages
 * exactly as for any other query.
 */
export async function preparedQuery<T = any>(
  executor: DataSource | EntityManager | Pool,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const name = statementName(text);
  const queryable = await connectionOf(executor);
  try {
    const result = await queryable.query({ name, text, values });
    return result.rows as T[];
  } catch (e) {
    if (e instanceof Error && 'severity' in e) throw new QueryFailedError(text, values, e);
    throw e;
  }
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** The transaction's own connection for a manager inside one; otherwise the pool (TypeORM's, or one given). */
async function connectionOf(
  executor: DataSource | EntityManager | Pool,
): Promise<Pool | PoolClient> {
  if (!(executor instanceof DataSource) && !(executor instanceof EntityManager)) return executor;
  const runner = executor instanceof DataSource ? undefined : executor.queryRunner;
  if (runner) return (await runner.connect()) as PoolClient;
  const dataSource = executor instanceof DataSource ? executor : executor.connection;
  return (dataSource.driver as unknown as { master: Pool }).master;
}
