import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto';
import type { ListScope } from './authorization-decision';
import type { Principal } from './principal';
import type { Role } from './roles';

export const PUBLIC_KEY = 'shiftwell:public';
export const ROLES_KEY = 'shiftwell:roles';

/** No credentials needed (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call this endpoint. Also documents the auth schemes and the 401/403 answers in OpenAPI.
 * Documents the route's roles in OpenAPI; the authorisation policy (authorization-policy.ts)
 * is what the AuthorizationGuard enforces, and route-coverage.ts fails the boot if the two disagree.
 */
export function Roles(...roles: Role[]) {
  const security = [];
  if (roles.some((r) => r !== 'router')) security.push(ApiBearerAuth('jwt'));
  if (roles.includes('router')) security.push(ApiSecurity('router-key'));
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ...security,
    ApiUnauthorizedResponse({
      description: 'UNAUTHENTICATED: missing or invalid credentials',
      type: ErrorBodyDto,
    }),
    ApiForbiddenResponse({
      description: `FORBIDDEN: caller lacks one of the roles ${roles.join(', ')}`,
      type: ErrorBodyDto,
    }),
  );
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().user,
);

/**
 * The teams the caller's list may show, as the AuthorizationGuard decided from the route's
 * `team-list` row: `{ all: true }` for admins and the router, else the caller's own team.
 */
export const TeamScope = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ListScope =>
    ctx.switchToHttp().getRequest().teamScope ?? { all: true },
);

/** The team id a scoped list must filter on, or `undefined` for all teams (then `requested`). */
export function teamFilter(scope: ListScope, requested?: string): string | undefined {
  return scope.all ? requested : scope.teamId;
}
