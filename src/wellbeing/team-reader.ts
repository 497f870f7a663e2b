import { hasRole, Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/common/errors/domain-error';

/** Team figures and alerts are for the team's supervisors and admins. */
export function assertTeamReader(teamId: string, caller: Principal): void {
  if (hasRole(caller, 'admin')) return;
  if (caller.kind === 'user' && hasRole(caller, 'supervisor') && caller.teamId === teamId) return;
  throw forbidden('Supervisors see their own team');
}
