import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';

/**
 * Resolves a user id to a principal: roles, team and agent profile, active users only.
 * One read joining users and agents on every JWT request, so it is plain SQL on primary/unique keys.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class PrincipalLookup {
  constructor(private readonly dataSource: DataSource) {}

  async forUser(userId: string): Promise<Principal | null> {
    if (!UUID.test(userId)) return null;
    const rows: Array<{
      id: string;
      roles: string[];
      display_name: string;
      team_id: string | null;
      agent_id: string | null;
    }> = await this.dataSource.query(
      `SELECT u.id, u.roles, u.display_name, u.team_id, a.id AS agent_id
           FROM users u LEFT JOIN agents a ON a.user_id = u.id AND a.active
          WHERE u.id = $1 AND u.active`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      kind: 'user',
      userId: row.id,
      roles: row.roles as Principal['roles'],
      displayName: row.display_name,
      teamId: row.team_id,
      agentId: row.agent_id,
    };
  }
}
