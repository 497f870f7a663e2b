import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/schema/data-source-options';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

describe('migrations', () => {
  it('are complete: after running them all, generating a migration yields no change', async () => {
    const url = await createTestDatabase();
    const dataSource = new DataSource(buildDataSourceOptions(url, { poolSize: 2 }));
    await dataSource.initialize();
    try {
      const pending = await dataSource.showMigrations();
      expect(pending).toBe(false);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(url);
    }
  });

  it('enable btree_gist for exclusion constraints', async () => {
    const url = await createTestDatabase();
    const dataSource = new DataSource(buildDataSourceOptions(url, { poolSize: 1 }));
    await dataSource.initialize();
    try {
      const rows = await dataSource.query(
        `SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'`,
      );
      expect(rows).toHaveLength(1);
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(url);
    }
  });
});
