import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { Owner } from './authorization-decision';
import type { ResourceKind } from './authorization-policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One indexed read per kind: who owns a resource (its team, agent or counsellor). This is the one
 * place that reads other features' tables for authorisation, so that no service checks teams by hand.
 * `site` answers "is the caller's team at this site" (`$2` is the caller's team).
 */
const OWNER_QUERIES: Record<Exclude<ResourceKind, 'team'>, string> = {
  site: `SELECT t.id AS team_id FROM sites s LEFT JOIN teams t ON t.site_id = s.id AND t.id = $2
          WHERE s.id = $1`,
  agent: `SELECT team_id, id AS agent_id FROM agents WHERE id = $1`,
  schedule: `SELECT team_id FROM schedules WHERE id = $1`,
  'time-off': `SELECT a.team_id, r.agent_id FROM time_off_requests r JOIN agents a ON a.id = r.agent_id
                WHERE r.id = $1`,
  swap: `SELECT s.team_id, w.offered_by AS agent_id FROM shift_swaps w
           JOIN shifts sh ON sh.id = w.shift_id JOIN schedules s ON s.id = sh.schedule_id
          WHERE w.id = $1`,
  reservation: `SELECT a.team_id, r.agent_id FROM reservations r JOIN agents a ON a.id = r.agent_id
                 WHERE r.id = $1`,
  alert: `SELECT team_id, agent_id FROM wellbeing_alerts WHERE id = $1`,
  break: `SELECT team_id, agent_id FROM break_bookings WHERE id = $1`,
  call: `SELECT a.team_id, c.agent_id FROM calls c JOIN agents a ON a.id = c.agent_id
          WHERE c.call_id = $1`,
  counselor: `SELECT NULL::uuid AS team_id, id AS counselor_id FROM counselors WHERE id = $1`,
  'open-shift': `SELECT team_id FROM open_shifts WHERE id = $1`,
};

@Injectable()
export class ResourceOwners {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The owner of `kind` named by `value`; a value that cannot name one (not a UUID) counts as not
   * existing, so the route's own validation answers it.
   */
  async of(kind: ResourceKind, value: unknown, callerTeamId: string | null): Promise<Owner> {
    const idLike =
      typeof value === 'string' &&
      (kind === 'call' ? value.length > 0 && value.length <= 200 : UUID.test(value));
    if (!idLike) return { exists: false, teamId: null };
    if (kind === 'team') return { exists: true, teamId: value };
    const params: unknown[] = kind === 'site' ? [value, callerTeamId] : [value];
    const [row] = await preparedQuery<{
      team_id: string | null;
      agent_id?: string | null;
      counselor_id?: string | null;
    }>(this.dataSource, OWNER_QUERIES[kind], params);
    if (!row) return { exists: false, teamId: null };
    return {
      exists: true,
      teamId: row.team_id,
      agentId: row.agent_id ?? null,
      counselorId: row.counselor_id ?? null,
    };
  }
}
