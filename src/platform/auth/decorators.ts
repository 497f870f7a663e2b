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
import type { Principal } from './principal';
import type { Role } from './roles';

export const PUBLIC_KEY = 'shiftwell:public';
export const ROLES_KEY = 'shiftwell:roles';

/** No credentials needed (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call this endpoint. Also documents the auth schemes and the 401/403 answers in OpenAPI.
 * Finer checks (own team, own agent) stay in the service.
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
