import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropStaleTemplates } from '../../src/simulator/setup';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  schemaFingerprint,
} from '../../src/simulator/sim-service';

/** Prepared centres built on an older schema are dropped from the server; current ones stay. */
describe('simulator template housekeeping', () => {
  const adminUrl = process.env.SHIFTWELL_TEST_ADMIN_URL!;
  const dir = mkdtempSync(join(tmpdir(), 'shiftwell-sim-tpl-'));
  const name = () => `sw_sim_tpl_${randomBytes(6).toString('hex')}`;
  const stale = name();
  const unmarked = name();
  const current = name();

  afterAll(async () => {
    for (const db of [stale, unmarked, current]) await dropDatabase(adminUrl, db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('drops the template databases and manifests of an older schema, and only those', async () => {
    for (const db of [stale, unmarked, current]) await createDatabase(adminUrl, db);
    writeFileSync(join(dir, `${stale}.json`), JSON.stringify({ schema: 'an-older-schema' }));
    writeFileSync(join(dir, `${unmarked}.json`), JSON.stringify({ agents: [] }));
    writeFileSync(join(dir, `${current}.json`), JSON.stringify({ schema: schemaFingerprint() }));
    writeFileSync(join(dir, 'notes.json'), '{}');

    const dropped = await dropStaleTemplates(adminUrl, dir);

    expect(dropped.sort()).toEqual([stale, unmarked].sort());
    expect(await databaseExists(adminUrl, stale)).toBe(false);
    expect(await databaseExists(adminUrl, unmarked)).toBe(false);
    expect(existsSync(join(dir, `${stale}.json`))).toBe(false);
    expect(await databaseExists(adminUrl, current)).toBe(true);
    expect(existsSync(join(dir, `${current}.json`))).toBe(true);
    expect(existsSync(join(dir, 'notes.json'))).toBe(true);
  });
});
