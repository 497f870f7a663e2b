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

/** The whole shutdown, database included, ends within this whatever the database does. */
export const SHUTDOWN_DEADLINE_MS = 9000;
/** Open requests get this long to finish before the HTTP server and pool are abandoned. */
const APP_CLOSE_MS = 4000;

const within = (promise: Promise<unknown>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.catch(() => undefined),
    new Promise((r) => (timer = setTimeout(r, ms))),
  ]).finally(() => clearTimeout(timer));
};

/**
 * Boots the service as `npm start` does: validated config, the embedded PostgreSQL when no
 * DATABASE_URL, migrations under an advisory lock, then HTTP. `extraImports` lets benchmarks
 * mount a probe endpoint in the same app. SIGINT/SIGTERM stop it (and its embedded database)
 * within SHUTDOWN_DEADLINE_MS, also during start-up.
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

  let app: INestApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let say = (line: string) => console.warn(line);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (app) await within(app.close(), APP_CLOSE_MS);
      await embedded?.stop();
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return; // a second Ctrl-C must not kill the process before its database
      say(`${signal} received, shutting down`);
      // Whatever hangs (a frozen database, a stuck socket), the process ends by the deadline.
      setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
      void stop().finally(() => process.exit(0));
    });
  }

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        ownSignals: true,
        log: (line) => {
          if (/orphaned|stale/i.test(line)) console.warn(line);
        },
      });
      databaseUrl = embedded.url;
    }

    // Schema first: the app's start-up hooks (bootstrap admin, seeded catalogs) expect it.
    const applied = await runMigrations(databaseUrl);

    app = await NestFactory.create(
      AppModule.register({ config, databaseUrl, extraImports: options.extraImports }),
      {
        bufferLogs: true,
        bodyParser: false,
      },
    );
    const logger = app.get(Logger);
    say = (line) => logger.log(line);
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

    await app.listen(config.port);
    logger.log(`Shiftwell listening on http://localhost:${config.port} (API docs at /docs)`);
    return { app, config, stop };
  } catch (e) {
    await within(stop(), SHUTDOWN_DEADLINE_MS);
    throw e;
  }
}

/** One line for a failed start: what went wrong, never a stack or "reason undefined". */
export function startFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e ?? 'unknown error');
  return `Shiftwell could not start: ${message.split('\n')[0]}`;
}
