import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from '../platform/database/snake-naming.strategy';

/**
 * node-postgres with a guard: every pooled client always has an 'error' listener. When the server
 * goes away, a client can emit an error between two owners (TypeORM's query runner and the pool);
 * with no listener that event would crash the process instead of failing one request with a 503.
 */
class GuardedPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super(options);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}
const guardedPg = { ...pg, Pool: GuardedPool };

/** The one description of Shiftwell's database, shared by the app, the migration CLI and tests. */
export function buildDataSourceOptions(
  url: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    driver: guardedPg,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built in since PostgreSQL 13: no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.applicationName ?? 'shiftwell',
      // Waiting for a pooled connection under load is normal; give it time before calling the database gone.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      // Client-side bound too: a query on a connection the server no longer answers must not hang.
      query_timeout: 16_000,
    },
  };
}
