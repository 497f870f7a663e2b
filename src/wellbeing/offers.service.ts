import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { forbidden, notFound } from '../platform/common/errors/domain-error';
import { preparedQuery } from '../platform/database/prepared-query';
import { EventsService } from '../platform/events/events.service';
import { SuggestedSlotsService } from '../counseling/suggested-slots.service';
import type { PolicyDecision } from './break-policy';
import { OfferDto } from './dto/wellbeing.dto';

/** Slots suggested with a counselling offer. */
const SUGGESTED_SLOTS = 3;

/** Confidential offers to agents (counselling after hostile calls): only the agent sees them. */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly suggested: SuggestedSlotsService,
    private readonly events: EventsService,
  ) {}

  /**
   * The offers the policy decided for one call, once per call. Each new offer is announced on the
   * live stream to the agent alone (`offer.created`: ids and times, no team, no call).
   */
  async recordDecided(
    m: EntityManager,
    offers: PolicyDecision['offers'],
    agentId: string,
    callId: string,
    now: Date,
  ): Promise<void> {
    for (const o of offers) {
      const inserted: Array<{ id: string }> = await preparedQuery(
        m,
        `INSERT INTO wellbeing_offers (agent_id, kind, source_call_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (agent_id, source_call_id) DO NOTHING RETURNING id`,
        [agentId, o.kind, callId, now],
      );
      if (inserted.length === 0) continue;
      await this.events.publish(m, [
        {
          type: 'offer.created',
          teamId: null,
          agentId,
          audience: ['agent'],
          payload: { offerId: inserted[0].id, kind: o.kind, createdAt: now.toISOString() },
          at: now,
        },
      ]);
    }
  }

  /**
   * Offers the agent has neither declined nor answered: a session the agent booked since an offer
   * was made answers it (the agent's own bookings, read for the agent's own request).
   */
  private async openOffersFor(agentId: string): Promise<Array<Omit<OfferDto, 'suggestedSlots'>>> {
    const rows: any[] = await this.dataSource.query(
      `SELECT o.id, o.kind, o.created_at FROM wellbeing_offers o
        WHERE o.agent_id = $1 AND o.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM counseling_bookings b
                           WHERE b.agent_id = o.agent_id AND b.created_at >= o.created_at)
        ORDER BY o.created_at DESC`,
      [agentId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.created_at.toISOString() }));
  }

  /** The calling agent's open offers, each with a few suggested slots computed now. */
  async myOffers(caller: Principal): Promise<OfferDto[]> {
    if (caller.kind !== 'user' || !caller.agentId)
      throw forbidden('Offers are shown to the agent only');
    const offers = await this.openOffersFor(caller.agentId);
    if (offers.length === 0) return [];
    const slots = await this.suggested.suggestSlots(
      caller.agentId,
      SUGGESTED_SLOTS,
      this.clock.now(),
    );
    return offers.map((o) => ({ ...o, suggestedSlots: slots }));
  }

  /**
   * The agent says no, thank you: the offer is no longer shown. Idempotent; anyone else's offer
   * (or none) is 404, so an id says nothing about whose it is.
   */
  async decline(caller: Principal, offerId: string): Promise<void> {
    if (caller.kind !== 'user' || !caller.agentId)
      throw forbidden('Offers are shown to the agent only');
    // An UPDATE answers [rows, count].
    const [rows]: [Array<{ status: string }>, number] = await this.dataSource.query(
      `UPDATE wellbeing_offers SET status = CASE WHEN status = 'open' THEN 'dismissed' ELSE status END
        WHERE id = $1 AND agent_id = $2 RETURNING status`,
      [offerId, caller.agentId],
    );
    if (rows.length === 0) throw notFound('Offer');
  }
}
