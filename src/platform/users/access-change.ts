import type { Role } from '../auth/roles';

/** What decides what a person may do: their roles, their team, whether they may sign in. */
export interface Access {
  roles: Role[];
  teamId: string | null;
  active: boolean;
}

/** One changed field, as the audit log keeps it. */
export interface FieldChange<T> {
  from: T;
  to: T;
}

export type AccessChange = Partial<{
  roles: FieldChange<Role[]>;
  teamId: FieldChange<string | null>;
  active: FieldChange<boolean>;
}>;

const sorted = (roles: Role[]) => [...roles].sort();

/**
 * The fields of `after` that differ from `before` (roles compared as a set), or null when access
 * is unchanged. A rename or a new password is not an access change.
 */
export function accessChange(before: Access, after: Partial<Access>): AccessChange | null {
  const change: AccessChange = {};
  if (after.roles !== undefined) {
    const from = sorted(before.roles);
    const to = sorted(after.roles);
    if (from.join() !== to.join()) change.roles = { from, to };
  }
  if (after.teamId !== undefined && after.teamId !== before.teamId)
    change.teamId = { from: before.teamId, to: after.teamId };
  if (after.active !== undefined && after.active !== before.active)
    change.active = { from: before.active, to: after.active };
  return Object.keys(change).length ? change : null;
}
