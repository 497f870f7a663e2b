// The typed API client comes from the service's OpenAPI document (what /docs-json serves), made
// without a database. `--write` regenerates src/lib/api/schema.d.ts; without it the check fails
// when the committed client and the service have drifted apart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(web, '..');
const target = join(web, 'src/lib/api/schema.d.ts');
const docFile = join(mkdtempSync(join(tmpdir(), 'sw-openapi-')), 'openapi.json');
execFileSync(
  join(root, 'node_modules/.bin/ts-node'),
  ['--transpile-only', join(root, 'scripts/openapi-document.ts'), docFile],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
const document = JSON.parse(readFileSync(docFile, 'utf8'));
const header = '// Generated from the service\'s OpenAPI document by `npm run api:generate` in web/. Do not edit.\n';
const generated = header + astToString(await openapiTS(document));
if (process.argv.includes('--write')) {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
} else {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {}
  if (committed !== generated) {
    console.error(
      'web/src/lib/api/schema.d.ts differs from the service\'s OpenAPI document: run `npm run api:generate` in web/ and commit it',
    );
    process.exit(1);
  }
  console.log('web API client matches the OpenAPI document');
}
