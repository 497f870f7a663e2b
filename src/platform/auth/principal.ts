import type { Role } from './roles';

/** Who is calling: a person with a JWT, or a machine (the router) with an API key. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      roles: Role[];
      displayName: string;
      /** The caller's own team (supervisors: the team they lead). */
      teamId: string | null;
      /** Set when the person is an agent. */
      agentId: string | null;
      /** The team of the agent profile (agents act within it). */
      agentTeamId: string | null;
      /** Set when the person is a counsellor. */
      counselorId: string | null;
      email: string;
    }
  | { kind: 'apiKey'; apiKeyId: string; roles: Role[]; name: string };

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** A short, non-identifying label for audit trails. */
export function actorId(principal: Principal): string {
  return principal.kind === 'user' ? principal.userId : `api-key:${principal.apiKeyId}`;
}
