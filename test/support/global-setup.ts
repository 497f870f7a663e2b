import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { runMigrations } from '../../src/schema/migrate';
import { freePort, withDatabase } from '../../src/platform/database/database-url';

/**
 * Once per `jest` run: a PostgreSQL (DATABASE_URL, or an embedded one in a temp dir),
 * and a template database with every migration applied. Each e2e suite clones the template.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'shiftwell-test-'));
    chmodSync(dataDir, 0o755); // the postgres system user must reach it
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'shiftwell_admin',
      persistent: false,
    });
    (globalThis as any).__SHIFTWELL_EMBEDDED__ = embedded;
    adminUrl = embedded.url;
  }
  const template = `sw_${runId}_tpl`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await runMigrations(withDatabase(adminUrl, template));

  process.env.SHIFTWELL_TEST_ADMIN_URL = adminUrl;
  process.env.SHIFTWELL_TEST_RUN_ID = runId;
  process.env.SHIFTWELL_TEST_TEMPLATE = template;
}
