import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
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
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof DomainError) throw err;
    // The key/user lookup could not reach the database: 503, not a misleading 401.
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user)
      throw new DomainError(401, 'UNAUTHENTICATED', 'Missing or invalid credentials');
    return user;
  }
}
