import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropStaleTemplates, preparedCentre } from '../../src/simulator/setup';
import {
  createDatabase,
  databaseExists,
  databaseStamp,
  DatabaseServer,
  dropDatabase,
  schemaFingerprint,
  stampDatabase,
} from '../../src/simulator/sim-service';
import { planWorkforce } from '../../src/simulator/workforce';

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

  it('rebuilds a prepared centre whose template is another build than its manifest (one DATA_DIR, two servers)', async () => {
    const server: DatabaseServer = { adminUrl, embedded: false, stop: async () => undefined };
    const cache = join(dir, 'centres');
    const plan = {
      agents: planWorkforce(2, [['cmn', 1]], 0, 10),
      teams: 1,
      counselors: 1,
      timeZone: 'Asia/Shanghai',
      setupAt: new Date('2026-01-04T01:00:00Z'),
    };
    const prepare = () => preparedCentre(server, plan, cache, process.env, () => undefined);
    const first = await prepare();
    try {
      expect(first.built).toBe(true);
      expect(first.centre.stamp).toBeDefined();
      expect(await databaseStamp(adminUrl, first.template)).toBe(first.centre.stamp);
      expect((await prepare()).built).toBe(false);

      // The same template name built on the other server: same name, another build, other ids.
      await stampDatabase(adminUrl, first.template, randomUUID());
      const again = await prepare();
      expect(again.built).toBe(true);
      expect(again.template).toBe(first.template);
      expect(again.centre.stamp).not.toBe(first.centre.stamp);
      expect(await databaseStamp(adminUrl, again.template)).toBe(again.centre.stamp);
    } finally {
      await dropDatabase(adminUrl, first.template);
    }
  }, 120_000);
});
