import { DynamicModule, Module, Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AgentsModule } from './people/agents/agents.module';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './platform/auth/auth.module';
import { CallsModule } from './routing/calls/calls.module';
import { Clock, SystemClock } from './platform/common/clock/clock';
import { ClockModule } from './platform/common/clock/clock.module';
import { loggerParams } from './platform/common/http/logging';
import type { AppConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { CounselingModule } from './counseling/counseling.module';
import { ForecastsModule } from './workforce/forecasts/forecasts.module';
import { buildDataSourceOptions } from './schema/data-source-options';
import { EventsModule } from './platform/events/events.module';
import { HealthModule } from './platform/health/health.module';
import { PresenceModule } from './routing/presence/presence.module';
import { RoutingTagsModule } from './people/routing-tags/routing-tags.module';
import { RoutingModule } from './routing/reservations/routing.module';
import { QueueModule } from './routing/queue/queue.module';
import { SchedulingModule } from './workforce/scheduling/scheduling.module';
import { SitesModule } from './people/sites/sites.module';
import { StaffingModule } from './workforce/staffing/staffing.module';
import { TeamsModule } from './people/teams/teams.module';
import { UsersModule } from './platform/users/users.module';
import { WellbeingModule } from './wellbeing/wellbeing.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use (the embedded one is resolved before the app is built). */
  databaseUrl: string;
  /** Defaults to the system clock; tests and the simulator pass a controllable one. */
  clock?: Clock;
  /** More modules in the same app (benchmark probes, the simulator). */
  extraImports?: Array<Type | DynamicModule>;
}

@Module({})
export class AppModule {
  static register({
    config,
    databaseUrl,
    clock,
    extraImports = [],
  }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock ?? new SystemClock()),
        LoggerModule.forRoot(loggerParams(config.logLevel, config.logFile)),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(databaseUrl, {
            poolSize: config.databasePoolSize,
            statementTimeoutMs: config.databaseStatementTimeoutMs,
          }),
          // Migrations run before the app is built (see runMigrations), under an advisory lock.
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 500,
        }),
        ...(config.jobsEnabled ? [ScheduleModule.forRoot()] : []),
        EventsModule,
        HealthModule,
        AuthModule,
        SitesModule,
        TeamsModule,
        UsersModule,
        RoutingTagsModule,
        AgentsModule,
        PresenceModule,
        CallsModule,
        RoutingModule,
        QueueModule,
        ...extraImports,
        CounselingModule,
        AuditModule,
        WellbeingModule,
        StaffingModule,
        ForecastsModule,
        SchedulingModule,
      ],
    };
  }
}
