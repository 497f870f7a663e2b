import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/schema/data-source-options';

/**
 * The data source the TypeORM CLI uses (`npm run migration:generate|run`).
 * Points at DATABASE_URL, or at the embedded database `npm start` runs (start it first).
 */
const url =
  process.env.DATABASE_URL ||
  `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/shiftwell`;

export default new DataSource(
  buildDataSourceOptions(url, { poolSize: 2, applicationName: 'shiftwell-cli' }),
);
