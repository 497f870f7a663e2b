import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { ApiKey } from './api-key.entity';
import { WebSessionsService } from './web-sessions.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { PrincipalLookup } from './principal-lookup';
import { RolesGuard } from './roles.guard';
import { ApiKeyStrategy, JwtStrategy } from './strategies';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([ApiKey]),
    UsersModule,
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [
    AuthService,
    WebSessionsService,
    ApiKeysService,
    PrincipalLookup,
    ApiKeyStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [ApiKeysService, WebSessionsService],
})
export class AuthModule {}
