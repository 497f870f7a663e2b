import { AsyncResource } from 'node:async_hooks';
import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { poolWaitBudgetMs, remainingBudgetMs } from '../platform/database/request-budget';
import { SnakeNamingStrategy } from '../platform/database/snake-naming.strategy';

const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * Bounds a client's queries by the request's database budget (if any), and drops the connection
 * when a query times out on the client side: its answer may still come, and a transaction left
 * open on it (its ROLLBACK timed out too) must never be handed to the next request.
 */
function boundQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const drop = (e: unknown) => {
    if (e instanceof Error && e.message === QUERY_READ_TIMEOUT)
      (
        client as unknown as { connection?: { stream?: { destroy(): void } } }
      ).connection?.stream?.destroy();
  };
  (client as { query: unknown }).query = (
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) => {
    const left = remainingBudgetMs();
    if (
      left !== undefined &&
      config &&
      typeof (config as { submit?: unknown }).submit !== 'function'
    ) {
      const own: { text?: string; query_timeout?: number } =
        typeof config === 'string' ? { text: config } : (config as { query_timeout?: number });
      config = { ...own, query_timeout: Math.min(own.query_timeout ?? Infinity, left) };
    }
    if (typeof values === 'function') {
      const cb = values as (e: unknown, r?: unknown) => void;
      return query(config, (e: unknown, r?: unknown) => (drop(e), cb(e, r)));
    }
    if (typeof callback === 'function') {
      const cb = callback as (e: unknown, r?: unknown) => void;
      return query(config, values, (e: unknown, r?: unknown) => (drop(e), cb(e, r)));
    }
    const result = query(config, values);
    if (result instanceof Promise)
      return result.catch((e: unknown) => {
        drop(e);
        throw e;
      });
    return result;
  };
}

/**
 * node-postgres with guards: every pooled client always has an 'error' listener (when the server
 * goes away, a client can emit an error between two owners, TypeORM's query runner and the pool;
 * with no listener that event would crash the process instead of failing one request with a 503),
 * and inside a request's database budget each query gets only what is left of it, and the pool wait
 * what is left less the queries' reserve (request-budget.ts).
 */
class GuardedPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super(options);
    this.on('connect', (client) => {
      client.on('error', () => undefined);
      boundQueries(client);
    });
  }

  override connect(...args: unknown[]): never {
    // pg-pool calls a waiting caller back from whichever request releases a client: bound here, the
    // callback (and Pool.query's query inside it) runs in the caller's context, with its own budget,
    // not the releaser's (an expired one answered 503 to a request that had just started).
    // (A resource of our own: AsyncResource.bind also builds a deprecation getter on every call,
    // 3% of the router's availability CPU on Node 20.)
    if (typeof args[0] === 'function') {
      const callback = args[0] as (...a: unknown[]) => void;
      const resource = new AsyncResource('PgPoolConnect');
      args[0] = (...a: unknown[]) => resource.runInAsyncScope(callback, undefined, ...a);
    }
    const left = poolWaitBudgetMs();
    const options = (this as unknown as { options: { connectionTimeoutMillis?: number } }).options;
    const usual = options.connectionTimeoutMillis;
    // pg-pool reads the timeout synchronously inside connect(): lend it the pool's share of the
    // budget for this call.
    if (left !== undefined) options.connectionTimeoutMillis = Math.min(usual || Infinity, left);
    try {
      return (super.connect as (...a: unknown[]) => never)(...args);
    } finally {
      options.connectionTimeoutMillis = usual;
    }
  }
}
const guardedPg = { ...pg, Pool: GuardedPool };

/** The one description of Shiftwell's database, shared by the app, the migration CLI and tests. */
export function buildDataSourceOptions(
  url: string,
  options: { poolSize?: number; applicationName?: string; statementTimeoutMs?: number } = {},
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
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      // Client-side bound too: a query on a connection the server no longer answers must not hang.
      // Router requests get a tighter one from their budget (request-budget.ts).
      query_timeout: (options.statementTimeoutMs ?? 15_000) + 1000,
    },
  };
}
