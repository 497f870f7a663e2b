import { hasRole, Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/common/errors/domain-error';

/**
 * Team scope for workforce planning: admins act everywhere; schedulers and supervisors only on their own
 * team (403 FORBIDDEN otherwise, never another team's data).
 */
export function assertActsOnTeam(caller: Principal, teamId: string | null): void {
  if (hasRole(caller, 'admin')) return;
  if (caller.kind === 'user' && caller.teamId !== null && caller.teamId === teamId) return;
  throw forbidden("You may act only on your own team's planning");
}
