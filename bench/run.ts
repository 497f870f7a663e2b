/** Runs every bench/*.bench.ts and prints all rows as one table. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main() {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
  const rows: unknown[] = [];
  for (const f of files) {
    const mod = require(join(__dirname, f)) as { run: () => Promise<unknown[]> };
    rows.push(...(await mod.run()));
  }
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
