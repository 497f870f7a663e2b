import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WellbeingGrant } from './wellbeing-grant.entity';

export interface ObservedRecovery {
  /** Recovery breaks granted for hostile calls ended in the window. */
  grants: number;
  /** Of them, granted above what the severity alone requires (escalations: nth hostile call in a shift). */
  escalated: number;
  /** Mean minutes the policy granted per recovery, escalations included. */
  meanMinutes: number;
}

/** What the wellbeing policy actually granted: the recovery figures workforce planning staffs for. */
@Injectable()
export class RecoveryGrantsService {
  constructor(
    @InjectRepository(WellbeingGrant) private readonly grants: Repository<WellbeingGrant>,
  ) {}

  async observed(agentIds: string[], from: Date, to: Date): Promise<ObservedRecovery> {
    if (agentIds.length === 0) return { grants: 0, escalated: 0, meanMinutes: 0 };
    const [row] = await this.grants.query(
      `SELECT count(*)::int AS grants,
              count(*) FILTER (WHERE granted_seconds > minimum_seconds)::int AS escalated,
              coalesce(avg(granted_seconds), 0)::float8 / 60 AS "meanMinutes"
         FROM wellbeing_grants
        WHERE kind = 'recovery' AND agent_id = ANY($1) AND call_ended_at >= $2 AND call_ended_at < $3`,
      [agentIds, from, to],
    );
    return row as ObservedRecovery;
  }
}
