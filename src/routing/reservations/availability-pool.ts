import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AVAILABILITY_SESSION_OPTIONS } from './routing-statements';

/**
 * The availability query's own connections: the same pool class and settings as TypeORM's, with
 * generic plans forced for the session (AVAILABILITY_SESSION_OPTIONS says why). Its own pool, because
 * forcing generic plans on the shared one would also apply to every parameterised query TypeORM sends
 * as an unnamed statement, whose custom plans are the right ones. Made on first use.
 */
@Injectable()
export class AvailabilityPool implements OnModuleDestroy {
  private readonly logger = new Logger(AvailabilityPool.name);
  private pool?: Pool;

  constructor(private readonly dataSource: DataSource) {}

  get(): Pool {
    if (!this.pool) {
      const shared = (this.dataSource.driver as unknown as { master: Pool }).master;
      const options = (shared as unknown as { options: Record<string, unknown> }).options;
      const PoolClass = shared.constructor as new (o: Record<string, unknown>) => Pool;
      const session = [options.options, AVAILABILITY_SESSION_OPTIONS].filter(Boolean).join(' ');
      this.pool = new PoolClass({ ...options, options: session });
      // As TypeORM does for its pool: an idle client's error is logged, never a crash.
      this.pool.on('error', (e) => this.logger.warn(`availability pool: ${e.message}`));
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }
}
