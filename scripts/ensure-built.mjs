#!/usr/bin/env node
// Builds what `npm start` runs, only when an output is missing or older than its sources: the
// first start after a clone or a pull builds, every other start goes straight to `node`.
// `--dry-run` prints what would be built and builds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One row per thing to build: the service, and the web app it serves at `/`. */
const TARGETS = [
  {
    name: 'server',
    sources: ['src', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
    stamp: 'dist/.built',
    command: ['npm', 'run', 'build'],
  },
  {
    name: 'web',
    sources: ['web/src', 'web/index.html', 'web/package-lock.json', 'web/vite.config.ts'],
    stamp: 'web/dist/.built',
    command: ['npm', '--prefix', 'web', 'run', 'build'],
  },
];

/** Newest modification time under a file or directory (0 if absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file shows only as the directory's change
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const root = process.cwd();
const dryRun = process.argv.includes('--dry-run');
for (const target of TARGETS) {
  const stamp = join(root, target.stamp);
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...target.sources.map((s) => newest(join(root, s))));
  if (built > 0 && changed <= built) {
    console.log(`${target.name}: up to date`);
    continue;
  }
  console.log(`${target.name}: ${built ? 'sources changed' : 'not built yet'}, building once`);
  if (dryRun) continue;
  const startedAt = new Date();
  const result = spawnSync(target.command[0], target.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`${target.name}: build failed (${target.command.join(' ')})`);
    process.exit(result.status ?? 1);
  }
  // Stamped with the build's start: a source saved during the build makes the next start rebuild.
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
}
