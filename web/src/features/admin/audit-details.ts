/**
 * What an audit entry's details say, for the log's "details" column: only the access changes
 * and publications the service records with their facts (a key's name is its subject already). Anything else (an older entry, a
 * shape this app does not know) says nothing rather than guessing.
 */
export type AuditDetail =
  | { kind: 'roles'; from: string[]; to: string[] }
  | { kind: 'team'; from: string | null; to: string | null }
  | { kind: 'signIn'; allowed: boolean }
  | { kind: 'grantedRoles'; roles: string[]; teamId: string | null }
  | { kind: 'schedule'; startDate: string; days: number; shifts: number };

type Details = Record<string, unknown>;

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const isTeam = (v: unknown): v is string | null => v === null || typeof v === 'string';
const change = (v: unknown): { from: unknown; to: unknown } | null =>
  v && typeof v === 'object' && 'from' in v && 'to' in v
    ? (v as { from: unknown; to: unknown })
    : null;

export function auditDetails(action: string, details: Details): AuditDetail[] {
  switch (action) {
    case 'user.created':
      return isStrings(details.roles) && isTeam(details.teamId ?? null)
        ? [
            {
              kind: 'grantedRoles',
              roles: details.roles,
              teamId: (details.teamId ?? null) as string | null,
            },
          ]
        : [];
    case 'user.access_changed': {
      const out: AuditDetail[] = [];
      const roles = change(details.roles);
      if (roles && isStrings(roles.from) && isStrings(roles.to))
        out.push({ kind: 'roles', from: roles.from, to: roles.to });
      const team = change(details.teamId);
      if (team && isTeam(team.from) && isTeam(team.to))
        out.push({ kind: 'team', from: team.from, to: team.to });
      const active = change(details.active);
      if (active && typeof active.to === 'boolean')
        out.push({ kind: 'signIn', allowed: active.to });
      return out;
    }
    case 'schedule.published':
      return typeof details.startDate === 'string' &&
        typeof details.days === 'number' &&
        typeof details.shifts === 'number'
        ? [
            {
              kind: 'schedule',
              startDate: details.startDate,
              days: details.days,
              shifts: details.shifts,
            },
          ]
        : [];
    default:
      return [];
  }
}
