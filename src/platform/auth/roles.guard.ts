import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '../common/errors/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import type { Principal } from './principal';
import type { Role } from './roles';

/** Global guard: the caller holds one of the route's @Roles(). A route without @Roles is for any signed-in caller. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const principal: Principal | undefined = context.switchToHttp().getRequest().user;
    if (!principal) return false;
    if (!roles || roles.length === 0) {
      // Machine keys only reach endpoints that name their role explicitly.
      if (principal.kind === 'apiKey') throw forbidden();
      return true;
    }
    if (!principal.roles.some((r) => roles.includes(r))) throw forbidden();
    return true;
  }
}
