/**
 * Writes the service's OpenAPI document (what /docs-json serves) without a database: Nest's preview
 * mode builds the module graph without running any provider, which is all Swagger reads.
 * Used by the web client's drift check (web/scripts/check-api-drift.mjs) and `npm run api:generate`.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../src/app.module';
import { buildOpenApiConfig } from '../src/app.setup';
import { loadConfig } from '../src/platform/config/app-config';

async function main() {
  const config = { ...loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false' }), logLevel: 'silent' };
  const app = await NestFactory.create(
    AppModule.register({ config, databaseUrl: 'postgres://preview@127.0.0.1:1/none' }),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('v1', { exclude: ['health'] });
  const document = SwaggerModule.createDocument(app, buildOpenApiConfig());
  const out = process.argv[2];
  const text = JSON.stringify(document, null, 2) + '\n';
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  await app.close();
}

void main();
