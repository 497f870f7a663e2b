export const ROLES = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a person (JWT) may hold; `router` belongs to API keys only. */
export const PERSON_ROLES = ROLES.filter((r) => r !== 'router') as Exclude<Role, 'router'>[];
