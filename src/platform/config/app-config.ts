import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Matches,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { PASSWORD_HASHING, PasswordHashing } from '../auth/passwords';

/** Documented local defaults; a production start refuses to use them. */
export const LOCAL_DEFAULTS = {
  jwtSecret: 'shiftwell-local-development-secret-change-me',
  bootstrapAdminEmail: 'admin@shiftwell.local',
  bootstrapAdminPassword: 'shiftwell-admin',
  notesEncryptionKey: 'bG9jYWwtZGV2LW9ubHktbm90ZXMta2V5LTMyLWJ5dGU=',
  callerRefSecret: 'shiftwell-local-development-caller-ref-key',
  callbackEncryptionKey: 'bG9jYWwtZGV2LW9ubHktY2FsbGJhY2sta2V5LTMyYnk=',
} as const;

/** A hop count, or proxies by address, CIDR or Express's names for local ranges. */
const TRUST_PROXY_FORMAT =
  /^(?:(?:[1-9]|10)|(?:(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)(?:\s*,\s*(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?))*))$/;

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** The environment as the service reads it; validated once at start-up. */
class EnvironmentSchema {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @Transform(({ value }) => (value === '' ? undefined : value))
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  JOBS_ENABLED?: string;

  @IsOptional()
  @IsIn([...PASSWORD_HASHING])
  PASSWORD_HASHING?: PasswordHashing;

  @IsOptional()
  @IsString()
  @MinLength(1)
  LOG_FILE?: string;

  @IsOptional()
  @IsString()
  NOTES_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  CALLBACK_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @IsString()
  @Matches(TRUST_PROXY_FORMAT, {
    message:
      'TRUST_PROXY must be a hop count (1-10), or a comma-separated list of proxy addresses/CIDRs or loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_REQUEST_BUDGET_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  SESSION_MAX_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  SESSION_ACCESS_TTL_SECONDS?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'CALLER_REF_SECRET must be at least 32 characters' })
  CALLER_REF_SECRET?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Absent: the service runs an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  databasePoolSize: number;
  /** Router paths answer within this (pool wait plus queries), else 503 DATABASE_UNAVAILABLE. */
  databaseRequestBudgetMs: number;
  /** Server-side statement_timeout of every pooled session (and a client-side bound just above it). */
  databaseStatementTimeoutMs: number;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  bootstrapAdmin: { email: string; password: string };
  /** The cost of new password hashes (see passwords.ts). */
  passwordHashing: PasswordHashing;
  logLevel: string;
  /** Write logs to this file instead of stdout. */
  logFile?: string;
  /** Scheduled sweeps; tests turn them off and call the services with a controlled clock. */
  jobsEnabled: boolean;
  /**
   * Queue passes only when the caller runs `QueueDispatcher.dispatch()`, never on events or timers.
   * Set in-process by the simulator alone (no environment variable: a replica so configured would
   * leave calls waiting): its day must not depend on when a wall-clock event arrives.
   */
  queuePassesByCaller?: boolean;
  /** 32-byte key (base64) for AES-256-GCM encryption of counselling notes. */
  notesEncryptionKey: string;
  /** Key of the HMAC that callers' references are stored under (never the reference itself). */
  callerRefSecret: string;
  /** 32-byte key (base64) for AES-256-GCM encryption of callbacks' dial targets. */
  callbackEncryptionKey: string;
  /**
   * Browser sessions: signed out after `idleMinutes` without use (the admin's setting), at the latest
   * `maxHours` after signing in (a shift); the access cookie lives `accessTtlSeconds` between refreshes.
   */
  session: { idleMinutes: number; maxHours: number; accessTtlSeconds: number };
  /**
   * Proxies whose `X-Forwarded-For` is believed (Express `trust proxy`): a hop count or a list of
   * addresses/CIDRs. Unset: none, so the client address is the TCP peer and cannot be forged.
   */
  trustProxy: number | string[] | false;
  /** Settings that fell back to a local default, reported in the start-up log. */
  defaultsUsed: string[];
}

export class ConfigError extends Error {}

/** Parses and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvironmentSchema, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const nodeEnv = (parsed.NODE_ENV ?? 'development') as AppConfig['env'];
  const production = nodeEnv === 'production';
  const defaultsUsed: string[] = [];
  const required = (name: string, value: string | undefined, fallback: string): string => {
    if (value !== undefined) return value;
    if (production)
      throw new ConfigError(`Invalid configuration:\n  ${name} is required in production`);
    defaultsUsed.push(name);
    return fallback;
  };

  const notesKey = required(
    'NOTES_ENCRYPTION_KEY',
    parsed.NOTES_ENCRYPTION_KEY,
    LOCAL_DEFAULTS.notesEncryptionKey,
  );
  if (Buffer.from(notesKey, 'base64').length !== 32) {
    throw new ConfigError(
      'Invalid configuration:\n  NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded',
    );
  }

  const callbackKey = required(
    'CALLBACK_ENCRYPTION_KEY',
    parsed.CALLBACK_ENCRYPTION_KEY,
    LOCAL_DEFAULTS.callbackEncryptionKey,
  );
  if (Buffer.from(callbackKey, 'base64').length !== 32) {
    throw new ConfigError(
      'Invalid configuration:\n  CALLBACK_ENCRYPTION_KEY must be 32 bytes, base64-encoded',
    );
  }

  return {
    env: nodeEnv,
    port: parsed.PORT ?? 3000,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE ?? 20,
    databaseRequestBudgetMs: parsed.DATABASE_REQUEST_BUDGET_MS ?? 2000,
    databaseStatementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000,
    dataDir: parsed.DATA_DIR ?? './data',
    embeddedPgPort: parsed.EMBEDDED_PG_PORT ?? 54329,
    jwtSecret: required('JWT_SECRET', parsed.JWT_SECRET, LOCAL_DEFAULTS.jwtSecret),
    jwtTtlSeconds: parsed.JWT_TTL_SECONDS ?? 3600,
    bootstrapAdmin: {
      email: required(
        'BOOTSTRAP_ADMIN_EMAIL',
        parsed.BOOTSTRAP_ADMIN_EMAIL,
        LOCAL_DEFAULTS.bootstrapAdminEmail,
      ),
      password: required(
        'BOOTSTRAP_ADMIN_PASSWORD',
        parsed.BOOTSTRAP_ADMIN_PASSWORD,
        LOCAL_DEFAULTS.bootstrapAdminPassword,
      ),
    },
    passwordHashing: parsed.PASSWORD_HASHING ?? 'standard',
    logLevel: parsed.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFile: parsed.LOG_FILE,
    jobsEnabled: (parsed.JOBS_ENABLED ?? 'true') === 'true',
    notesEncryptionKey: notesKey,
    session: {
      idleMinutes: parsed.SESSION_IDLE_MINUTES ?? 30,
      maxHours: parsed.SESSION_MAX_HOURS ?? 12,
      accessTtlSeconds: parsed.SESSION_ACCESS_TTL_SECONDS ?? 300,
    },
    callerRefSecret: required(
      'CALLER_REF_SECRET',
      parsed.CALLER_REF_SECRET,
      LOCAL_DEFAULTS.callerRefSecret,
    ),
    callbackEncryptionKey: callbackKey,
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    defaultsUsed,
  };
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value.trim() === '') return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value.split(',').map((v) => v.trim());
}
