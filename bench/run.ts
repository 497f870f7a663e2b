/**
 * `npm run bench [-- name ...]`: runs bench/*.bench.ts (or the named ones) and prints one table.
 * Each bench exports `run(): Promise<BenchRow[]>`. Targets are checked here, never in tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './support';

async function main() {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    process.stderr.write(`running ${file} ...\n`);
    const mod = await import(join(__dirname, file));
    try {
      rows.push(...(await mod.run()));
    } catch (e) {
      rows.push({
        benchmark: file,
        metric: 'error',
        value: (e as Error).message,
        target: '-',
        ok: false,
      });
    }
  }
  console.log('\n| benchmark | metric | value | target | ok |\n|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.benchmark} | ${r.metric} | ${r.value} | ${r.target} | ${r.ok ? 'yes' : 'NO'} |`,
    );
  process.exit(0);
}

void main();
