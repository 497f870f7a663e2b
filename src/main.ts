import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';

async function bootstrap(): Promise<void> {
  let config;
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

  const app = await NestFactory.create(AppModule.register({ config, databaseUrl }), {
    bufferLogs: true,
    bodyParser: false,
  });
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

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`);
    try {
      await app.close();
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.port);
  logger.log(`Shiftwell listening on http://localhost:${config.port} (API docs at /docs)`);
}

void bootstrap();
