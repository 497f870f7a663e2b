import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig, ConfigError, loadConfig } from './platform/config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './platform/database/embedded-postgres';
import { runMigrations } from './schema/migrate';

export interface RunningService {
  app: INestApplication;
  config: AppConfig;
  stop(): Promise<void>;
}

/**
 * Boots the service as `npm start` does: validated config, the embedded PostgreSQL when no
 * DATABASE_URL, migrations under an advisory lock, then HTTP. `extraImports` lets benchmarks
 * mount a probe endpoint in the same app.
 */
export async function startService(
  options: { extraImports?: Array<Type | DynamicModule> } = {},
): Promise<RunningService> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
    });
    databaseUrl = embedded.url;
  }

  // Schema first: the app's start-up hooks (bootstrap admin, seeded catalogs) expect it.
  const applied = await runMigrations(databaseUrl);

  const app = await NestFactory.create(
    AppModule.register({ config, databaseUrl, extraImports: options.extraImports }),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  const logger = app.get(Logger);
  configureApp(app);
  if (embedded)
    logger.log(
      `Using the embedded PostgreSQL under ${config.dataDir} (set DATABASE_URL to use a server)`,
    );
  if (config.defaultsUsed.length) {
    logger.warn(
      `Using documented local defaults for ${config.defaultsUsed.join(', ')}; set them for any shared deployment`,
    );
  }
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await app.close();
      } finally {
        await embedded?.stop();
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      logger.log(`${signal} received, shutting down`);
      void stop().finally(() => process.exit(0));
    });
  }

  await app.listen(config.port);
  logger.log(`Shiftwell listening on http://localhost:${config.port} (API docs at /docs)`);
  return { app, config, stop };
}
