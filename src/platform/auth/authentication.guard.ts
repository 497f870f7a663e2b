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
    // A database that cannot answer is a 503, not a wrong credential.
    if (err instanceof DomainError || isDatabaseUnavailable(err)) throw err;
    if (err || !user)
      throw new DomainError(401, 'UNAUTHENTICATED', 'Missing or invalid credentials');
    return user;
  }
}
