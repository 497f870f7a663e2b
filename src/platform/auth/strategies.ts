import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy as CustomStrategy } from 'passport-custom';
import { ExtractJwt, Strategy as JwtPassportStrategy } from 'passport-jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiKeysService } from './api-keys.service';
import { ACCESS_COOKIE, parseCookies } from './cookies';
import { PrincipalLookup } from './principal-lookup';

/** `X-Api-Key: <key>` for machines (the router). */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(CustomStrategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(req: Request) {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) return null;
    return this.apiKeys.authenticate(key);
  }
}

/**
 * `Authorization: Bearer <jwt>` for people. The user is re-read on every request with the token's
 * credential version, so a deactivation, role or password change refuses it at once on every replica.
 * A token without an expiry is refused (jsonwebtoken alone would accept it forever).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtPassportStrategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly lookup: PrincipalLookup,
  ) {
    super({
      // API clients send a Bearer token; browsers the httpOnly session cookie (CSRF: see the guard).
      jwtFromRequest: ExtractJwt.fromExtractors([
        ExtractJwt.fromAuthHeaderAsBearerToken(),
        (req: Request) => {
          if (req.headers.authorization) return null;
          return parseCookies(req.headers.cookie)[ACCESS_COOKIE] ?? null;
        },
      ]),
      // A KeyObject made once: given a string, jsonwebtoken builds one on every verification.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: { sub?: unknown; tv?: unknown; exp?: unknown }) {
    if (typeof payload?.sub !== 'string') return null;
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return null;
    if (typeof payload.tv !== 'number') return null;
    return this.lookup.forUser(payload.sub, payload.tv);
  }
}
