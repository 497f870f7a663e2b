import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { Clock } from '../platform/common/clock/clock';
import { CounselorsService, policyOf } from './counselors.service';
import { SuggestedSlotDto } from './dto/counselor.dto';
import { generateSlots } from './slots';

const DAY = 86_400_000;

/** Free counselling slots to suggest to an agent. */
@Injectable()
export class SuggestedSlotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counselors: CounselorsService,
    private readonly agents: AgentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The next free slots across counsellors for an agent, those speaking one of the agent's
   * dialects first, skipping times the agent is already booked. For the wellbeing policy's
   * counselling offers and `GET /v1/counseling/suggested-slots`.
   */
  async suggestSlots(agentId: string, count: number, from: Date): Promise<SuggestedSlotDto[]> {
    const agent = await this.agents.get(agentId);
    const dialects = new Set(agent.dialects.map((d) => d.tag));
    const now = this.clock.now();
    const to = new Date(from.getTime() + 14 * DAY);
    const own: Array<{ starts_at: Date; ends_at: Date }> = await this.dataSource.query(
      `SELECT starts_at, ends_at FROM counseling_bookings WHERE agent_id = $1 AND status = 'booked' AND ends_at > $2`,
      [agentId, from],
    );
    const counselors = await this.counselors.activeCounselors();
    const busy = await this.counselors.liveBookingsOf(
      this.dataSource.manager,
      counselors.map((c) => c.id),
      from,
      to,
    );
    const candidates: Array<SuggestedSlotDto & { match: boolean }> = [];
    for (const c of counselors) {
      const minutes = c.sessionMinutes[0];
      const match = c.languages.some((l) => dialects.has(l));
      const free = generateSlots(policyOf(c), busy.get(c.id) ?? [], now, from, to, minutes, {
        limit: count,
        keep: (s) => !own.some((o) => s.startsAt < o.ends_at && o.starts_at < s.endsAt),
      });
      for (const s of free)
        candidates.push({
          counselorId: c.id,
          counselorName: c.displayName,
          languages: c.languages,
          minutes,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          match,
        });
    }
    candidates.sort(
      (a, b) => Number(b.match) - Number(a.match) || a.startsAt.localeCompare(b.startsAt),
    );
    return candidates.slice(0, count).map(({ match: _match, ...slot }) => slot);
  }
}
