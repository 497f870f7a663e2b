import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../src/platform/database/database-url';

/** A fresh database for one suite, cloned from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.SHIFTWELL_TEST_ADMIN_URL;
  const template = process.env.SHIFTWELL_TEST_TEMPLATE;
  const runId = process.env.SHIFTWELL_TEST_RUN_ID;
  if (!adminUrl || !template || !runId)
    throw new Error('e2e suites need the jest globalSetup (run them with npm test)');
  const name = `sw_${runId}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (e) {
        // Two suites cloning at the same instant: "source database is being accessed by other users".
        if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const adminUrl = process.env.SHIFTWELL_TEST_ADMIN_URL!;
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
