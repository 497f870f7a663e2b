import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { EventsService } from '../platform/events/events.service';
import { PresenceHistory } from '../routing/presence/presence-history.service';
import { ScheduledStates } from '../routing/presence/scheduled-states.service';
import { requireAgent } from './booking-parties';
import { BookingsService, SESSION_SOURCE_KIND } from './bookings.service';
import { CounselorNotifications } from './counselor-notifications.service';
import { SESSION_CANCELLED_EVENT, sessionCancelledEvent } from './session-cancelled-event';

/** The agent's right to have its counselling forgotten: bookings, notes and the trace in presence. */
@Injectable()
export class CounselingErasure {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly bookings: BookingsService,
    private readonly notifications: CounselorNotifications,
    private readonly scheduledStates: ScheduledStates,
    private readonly presenceHistory: PresenceHistory,
    private readonly events: EventsService,
  ) {}

  /**
   * Erases the agent's counselling history (notes with it). Upcoming sessions are cancelled first
   * and their counsellors told, without content (no agent, no reason: just that the time is free);
   * presence history shows the past sessions as private not_ready time.
   */
  async eraseFor(caller: Principal): Promise<{ erased: number; cancelled: number }> {
    const agentId = requireAgent(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      await this.bookings.lockAgent(m, agentId);
      const live: Array<{ id: string; counselor_id: string; starts_at: Date; ends_at: Date }> =
        await m.query(
          `SELECT id, counselor_id, starts_at, ends_at FROM counseling_bookings
            WHERE agent_id = $1 AND status = 'booked' ORDER BY starts_at FOR UPDATE`,
          [agentId],
        );
      const upcoming = live.filter((b) => b.ends_at.getTime() > now.getTime());
      for (const b of live) {
        if (upcoming.includes(b)) await this.bookings.markCancelled(m, b.id, 'agent', null);
        else
          await this.scheduledStates.cancelScheduled(
            SESSION_SOURCE_KIND,
            b.id,
            { endNow: true },
            m,
          );
      }
      for (const b of upcoming)
        await this.notifications.sessionCancelled(
          m,
          { counselorId: b.counselor_id, startsAt: b.starts_at, endsAt: b.ends_at },
          now,
        );
      // The stream's replay (24 h) forgets the sessions too: earlier cancellations and the agent's
      // own presence rows of a session. Then the agent's other pages hear of the erasure, without
      // an id or a time.
      await this.events.forgetPrivate(m, agentId, {
        types: [SESSION_CANCELLED_EVENT],
        presenceState: 'counseling',
      });
      await this.events.publish(
        m,
        upcoming.map(() => sessionCancelledEvent(agentId, now, { cancelledBy: 'erasure' })),
      );
      const [, erased] = await m.query(`DELETE FROM counseling_bookings WHERE agent_id = $1`, [
        agentId,
      ]);
      // The counselling offered to the agent is part of that history too (and an offer a deleted
      // booking had answered must not come back).
      await m.query(`DELETE FROM wellbeing_offers WHERE agent_id = $1`, [agentId]);
      // Presence history must not tell that there were sessions either.
      await this.presenceHistory.redactCounselingHistory(agentId, m);
      return { erased: Number(erased), cancelled: upcoming.length };
    });
  }
}
