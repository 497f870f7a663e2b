import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { SessionSettingsController } from './session-settings.controller';
import { SessionSettingsService } from './session-settings.service';
import { ApiKey } from './api-key.entity';
import { WebSessionsService } from './web-sessions.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { PrincipalLookup } from './principal-lookup';
import { AuthorizationGuard } from './authorization.guard';
import { LoginAttemptsService } from './login-attempts.service';
import { MeController } from './me.controller';
import { ResourceOwners } from './resource-owners';
import { RouteCoverageCheck } from './route-coverage';
import { ApiKeyStrategy, JwtStrategy } from './strategies';

@Module({
  imports: [
    PassportModule,
    DiscoveryModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([ApiKey]),
    UsersModule,
    AuditModule,
  ],
  controllers: [AuthController, MeController, ApiKeysController, SessionSettingsController],
  providers: [
    AuthService,
    WebSessionsService,
    SessionSettingsService,
    ApiKeysService,
    PrincipalLookup,
    LoginAttemptsService,
    ResourceOwners,
    RouteCoverageCheck,
    ApiKeyStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [ApiKeysService, WebSessionsService],
})
export class AuthModule {}
