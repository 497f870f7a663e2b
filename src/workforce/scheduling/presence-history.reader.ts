import { Injectable } from '@nestjs/common';
import { PresenceHistory } from '../../routing/presence/presence-history.service';
import type { PresenceSpan } from './adherence';

/** Presence history for adherence, through the presence feature's exported service. */
@Injectable()
export class PresenceHistoryReader {
  constructor(private readonly presenceHistory: PresenceHistory) {}

  async history(agentIds: string[], from: Date, to: Date): Promise<PresenceSpan[]> {
    if (agentIds.length === 0) return [];
    const rows = await this.presenceHistory.history(agentIds, from, to);
    return rows.map((r) => ({
      agentId: r.agentId,
      // Who is in counselling is confidential: supervisors see a private not_ready (still adherent).
      state: r.state === 'counseling' ? 'not_ready' : r.state,
      reason: r.state === 'counseling' ? 'private' : r.reason,
      start: r.startedAt.getTime(),
      end: r.endedAt ? r.endedAt.getTime() : null,
    }));
  }
}
