import { Client } from 'pg';

/** Drops this run's databases (server mode) and stops the embedded PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as any).__SHIFTWELL_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  const adminUrl = process.env.SHIFTWELL_TEST_ADMIN_URL;
  const runId = process.env.SHIFTWELL_TEST_RUN_ID;
  if (!adminUrl || !runId) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `sw_${runId}_%`,
  ]);
  for (const { datname } of rows)
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
