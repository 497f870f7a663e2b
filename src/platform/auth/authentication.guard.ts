import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, csrfSatisfied, parseCookies } from './cookies';
import { PUBLIC_KEY } from './decorators';

/** Global guard: an X-Api-Key or a Bearer JWT, unless the route is @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['api-key', 'jwt']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request>();
    // A browser's session cookie is sent by any page that posts here; only our page can echo the CSRF cookie.
    if (!req.headers.authorization && !req.headers['x-api-key']) {
      const cookies = parseCookies(req.headers.cookie);
      const header = req.headers[CSRF_HEADER];
      if (
        cookies[ACCESS_COOKIE] &&
        !csrfSatisfied(
          req.method,
          cookies[CSRF_COOKIE],
          typeof header === 'string' ? header : undefined,
        )
      )
        throw new DomainError(403, 'CSRF_FAILED', 'Send the sw_csrf cookie value as X-CSRF-Token');
    }
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A database that cannot answer is a 503, not a wrong credential.
    if (err instanceof DomainError || isDatabaseUnavailable(err)) throw err;
    if (err || !user)
      throw new DomainError(401, 'UNAUTHENTICATED', 'Missing or invalid credentials');
    return user;
  }
}
