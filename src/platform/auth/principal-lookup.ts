import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { Principal } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves a token's user to a principal: roles, team, agent and counsellor profile, active users
 * only, and only while the token's credential version is the user's current one. Read on every
 * person request (one indexed read joining on unique keys), so a password change, a deactivation or a
 * role change refuses earlier tokens at once on every replica: there is no cache to outlive it.
 */
@Injectable()
export class PrincipalLookup {
  constructor(private readonly dataSource: DataSource) {}

  async forUser(userId: string, tokenVersion: number): Promise<Principal | null> {
    if (!UUID.test(userId) || !Number.isSafeInteger(tokenVersion)) return null;
    const rows = await preparedQuery<{
      id: string;
      email: string;
      roles: string[];
      display_name: string;
      team_id: string | null;
      agent_id: string | null;
      agent_team_id: string | null;
      counselor_id: string | null;
    }>(
      this.dataSource,
      `SELECT u.id, u.email, u.roles, u.display_name, u.team_id,
              a.id AS agent_id, a.team_id AS agent_team_id, c.id AS counselor_id
         FROM users u
         LEFT JOIN agents a ON a.user_id = u.id AND a.active
         LEFT JOIN counselors c ON c.user_id = u.id
        WHERE u.id = $1 AND u.active AND u.token_version = $2`,
      [userId, tokenVersion],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      kind: 'user',
      userId: row.id,
      email: row.email,
      roles: row.roles as Principal['roles'],
      displayName: row.display_name,
      teamId: row.team_id,
      agentId: row.agent_id,
      agentTeamId: row.agent_team_id,
      counselorId: row.counselor_id,
    };
  }
}
