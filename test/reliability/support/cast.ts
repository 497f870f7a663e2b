import { JwtService } from '@nestjs/jwt';
import { LOCAL_DEFAULTS } from '../../../src/platform/config/app-config';
import type { TestApp, TestUser } from '../../support/test-app';

export const ROLES = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router'] as const;
export type CallerRole = (typeof ROLES)[number];
export type Caller = CallerRole | 'none' | 'expired' | 'revoked';

/** One caller per role, plus the bad credentials, over one team with one agent. */
export interface Cast {
  teamId: string;
  siteId: string;
  agent: TestUser & { agentId: string };
  users: Record<Exclude<CallerRole, 'router' | 'agent'>, TestUser>;
  routerKey: string;
  revokedKey: string;
  expiredToken: string;
  headers(caller: Caller): Record<string, string>;
  /** Every password, token and key handed out: none may appear in a log line. */
  secrets(): string[];
}

export async function createCast(t: TestApp): Promise<Cast> {
  const siteId = await t.createSite();
  const teamId = await t.createTeam(siteId);
  const agent = await t.createAgent({ teamId });
  const users = {
    admin: await t.createUser(['admin']),
    scheduler: await t.createUser(['scheduler']),
    supervisor: await t.createUser(['supervisor'], teamId),
    counselor: await t.createUser(['counselor']),
  };
  const routerKey = await t.createRouterKey();
  const created = await t
    .http()
    .post('/v1/api-keys')
    .set(await t.asAdmin())
    .send({ name: 'soon-revoked', role: 'router' })
    .expect(201);
  const revokedKey: string = created.body.key;
  await t
    .http()
    .delete(`/v1/api-keys/${created.body.id}`)
    .set(await t.asAdmin())
    .expect(204);
  // Signed with the service's own secret, but expired an hour ago.
  const expiredToken = new JwtService().sign(
    { sub: users.admin.id, roles: ['admin'], exp: Math.floor(Date.now() / 1000) - 3600 },
    { secret: t.config.jwtSecret, algorithm: 'HS256' },
  );
  const headers = (caller: Caller): Record<string, string> => {
    switch (caller) {
      case 'none':
        return {};
      case 'expired':
        return { Authorization: `Bearer ${expiredToken}` };
      case 'revoked':
        return { 'X-Api-Key': revokedKey };
      case 'router':
        return { 'X-Api-Key': routerKey };
      case 'agent':
        return { Authorization: `Bearer ${agent.token}` };
      default:
        return { Authorization: `Bearer ${users[caller].token}` };
    }
  };
  return {
    teamId,
    siteId,
    agent,
    users,
    routerKey,
    revokedKey,
    expiredToken,
    headers,
    secrets: () => [
      LOCAL_DEFAULTS.bootstrapAdminPassword,
      LOCAL_DEFAULTS.jwtSecret,
      routerKey,
      revokedKey,
      expiredToken,
      agent.password,
      agent.token,
      ...Object.values(users).flatMap((u) => [u.password, u.token]),
    ],
  };
}
