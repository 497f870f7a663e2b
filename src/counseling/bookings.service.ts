import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { conflict, forbidden } from '../platform/common/errors/domain-error';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { ScheduledStates } from '../routing/presence/scheduled-states.service';
import { TeamsService } from '../people/teams/teams.service';
import { isAgentOf, isCounselorOf, requireAgent } from './booking-parties';
import { Counselor } from './counselor.entity';
import { CounselorsService, policyOf } from './counselors.service';
import { BookingDto, RescheduleBookingDto } from './dto/booking.dto';
import { encryptNote, notesKey } from './notes-crypto';
import { checkSlot, SlotRefusal } from './slots';
import { VisibleBookings } from './visible-bookings.service';
import { lockInTransaction } from '../platform/database/advisory-lock';
import { EventsService } from '../platform/events/events.service';
import { sessionCancelledEvent } from './session-cancelled-event';

/** An agent holds at most this many upcoming (live, not yet ended) bookings. */
export const MAX_UPCOMING_BOOKINGS = 2;
export const SESSION_SOURCE_KIND = 'counseling-booking';

const REFUSALS: Record<Exclude<SlotRefusal, 'taken'>, string> = {
  length: 'This counsellor does not offer sessions of that length',
  notice: 'This slot starts sooner than the counsellor’s minimum notice',
  window: 'This slot is beyond the counsellor’s booking window',
  outside: 'This is not a start time inside the counsellor’s availability',
  buffer: 'This slot is too close to another session (buffer)',
  daily_max: 'The counsellor’s day is fully booked',
};

interface Place {
  siteId: string | null;
  teamId: string | null;
}

/**
 * Booking, moving and cancelling confidential sessions, and their notes. Every change finds the
 * booking through the caller (VisibleBookings), so anyone but its agent and counsellor gets 404.
 * Bookings of one counsellor are decided under a lock on the counsellor row (daily maximum), an
 * agent's under an advisory lock (upcoming cap); the exclusion constraints are the last word on overlaps.
 */
@Injectable()
export class BookingsService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly counselors: CounselorsService,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly scheduledStates: ScheduledStates,
    private readonly clock: Clock,
    private readonly visible: VisibleBookings,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = notesKey(config.notesEncryptionKey);
  }

  async book(
    caller: Principal,
    input: { counselorId: string; startsAt: string; minutes: number },
  ): Promise<BookingDto> {
    const agentId = requireAgent(caller);
    const place = await this.placeOf(agentId);
    const id = await this.dataSource.transaction(async (m) => {
      await this.lockAgent(m, agentId);
      return this.insert(m, agentId, place, input, null);
    });
    return this.visible.view(caller, id);
  }

  /** Cancel by the agent or the counsellor; kept with status `cancelled`, its time free again. */
  async cancel(caller: Principal, id: string, reason: string | null): Promise<BookingDto> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.visible.find(m, caller, id, true);
      if (row.status === 'cancelled') return;
      if (row.endsAt <= this.clock.now())
        throw conflict('BOOKING_OVER', 'This session is over and cannot be cancelled');
      const by = isAgentOf(caller, row) ? 'agent' : 'counselor';
      await this.markCancelled(m, row.id, by, reason);
      // The agent hears of it live; the message itself stays in the booking.
      if (by === 'counselor')
        await this.events.publish(m, [
          sessionCancelledEvent(row.agentId, this.clock.now(), {
            bookingId: row.id,
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
            cancelledBy: 'counselor',
          }),
        ]);
    });
    return this.visible.view(caller, id);
  }

  /**
   * Moves a booking: a new booking linked to the old one, in one transaction. If the new slot
   * cannot be booked, nothing changes (the old booking stays). Its agent may move it to any
   * counsellor; its counsellor within their own calendar, with a message the agent sees.
   */
  async reschedule(
    caller: Principal,
    id: string,
    input: RescheduleBookingDto,
  ): Promise<BookingDto> {
    // The booking's agent: the caller, or for the counsellor the agent it is booked for.
    const agentId =
      caller.kind === 'user' && caller.agentId
        ? caller.agentId
        : (await this.visible.find(this.dataSource.manager, caller, id)).agentId;
    const place = await this.placeOf(agentId);
    const newId = await this.dataSource.transaction(async (m) => {
      await this.lockAgent(m, agentId);
      const old = await this.visible.find(m, caller, id, true);
      const byAgent = isAgentOf(caller, old);
      if (!byAgent && !(isCounselorOf(caller, old) && old.agentId === agentId))
        throw forbidden('Only the agent or the counsellor of a booking can reschedule it');
      if (old.status !== 'booked' || old.startsAt <= this.clock.now())
        throw conflict('BOOKING_NOT_RESCHEDULABLE', 'Only an upcoming booking can be rescheduled');
      await this.markCancelled(
        m,
        old.id,
        byAgent ? 'agent' : 'counselor',
        input.reason ?? 'rescheduled',
      );
      const created = await this.insert(
        m,
        agentId,
        place,
        {
          counselorId: byAgent ? (input.counselorId ?? old.counselorId) : old.counselorId,
          startsAt: input.startsAt,
          minutes: input.minutes ?? old.minutes,
        },
        old.id,
      );
      await m.query(`UPDATE counseling_bookings SET rescheduled_to = $2 WHERE id = $1`, [
        old.id,
        created,
      ]);
      return created;
    });
    return this.visible.view(caller, newId);
  }

  /** Replaces the session notes (the counsellor of the booking only); stored encrypted. */
  async setNotes(caller: Principal, id: string, notes: string): Promise<BookingDto> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.visible.find(m, caller, id, true);
      if (!isCounselorOf(caller, row))
        throw forbidden('Only the counsellor of this session may write its notes');
      await m.query(`UPDATE counseling_bookings SET notes_ciphertext = $2 WHERE id = $1`, [
        id,
        notes === '' ? null : encryptNote(notes, this.key, id),
      ]);
    });
    return this.visible.view(caller, id);
  }

  // --- internals ---------------------------------------------------------------------------

  /** Checks the slot with the pure rules under the counsellor lock, inserts, schedules presence. */
  private async insert(
    m: EntityManager,
    agentId: string,
    place: Place,
    input: { counselorId: string; startsAt: string; minutes: number },
    rescheduledFrom: string | null,
  ): Promise<string> {
    const now = this.clock.now();
    const [{ upcoming }] = await m.query(
      `SELECT count(*)::int AS upcoming FROM counseling_bookings
        WHERE agent_id = $1 AND status = 'booked' AND ends_at > $2`,
      [agentId, now],
    );
    if (upcoming >= MAX_UPCOMING_BOOKINGS)
      throw conflict(
        'BOOKING_LIMIT',
        `An agent can hold at most ${MAX_UPCOMING_BOOKINGS} upcoming sessions`,
        { limit: MAX_UPCOMING_BOOKINGS },
      );
    const counselor: Counselor = await this.counselors.lock(m, input.counselorId);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
    const bookings = await this.counselors.liveBookings(m, counselor.id, startsAt, endsAt);
    const refusal = checkSlot(policyOf(counselor), bookings, now, startsAt, input.minutes);
    if (refusal === 'taken')
      throw conflict('SLOT_TAKEN', 'This slot has already been booked', { reason: 'taken' });
    if (refusal) throw conflict('SLOT_UNAVAILABLE', REFUSALS[refusal], { reason: refusal });
    const [{ id }] = await m.query(
      `INSERT INTO counseling_bookings
         (counselor_id, agent_id, site_id, team_id, starts_at, ends_at, blocked_until, minutes, status,
          rescheduled_from, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', $9, $10) RETURNING id`,
      [
        counselor.id,
        agentId,
        place.siteId,
        place.teamId,
        startsAt,
        endsAt,
        new Date(endsAt.getTime() + counselor.bufferMinutes * 60_000),
        input.minutes,
        rescheduledFrom,
        now,
      ],
    );
    await this.scheduledStates.schedule(
      [
        {
          agentId,
          state: 'counseling',
          reason: 'session',
          startsAt,
          endsAt,
          durationSeconds: null,
          sourceKind: SESSION_SOURCE_KIND,
          sourceId: id,
        },
      ],
      m,
    );
    return id;
  }

  /** Cancels inside the caller's transaction and frees the agent's scheduled session. */
  async markCancelled(
    m: EntityManager,
    id: string,
    by: 'agent' | 'counselor',
    reason: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE counseling_bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
        WHERE id = $1`,
      [id, this.clock.now(), by, reason],
    );
    await this.scheduledStates.cancelScheduled(SESSION_SOURCE_KIND, id, { endNow: true }, m);
  }

  /** Bookings of one agent are decided one at a time (the upcoming cap is race-free). */
  async lockAgent(m: EntityManager, agentId: string): Promise<void> {
    await lockInTransaction(m, `counseling-agent:${agentId}`);
  }

  private async placeOf(agentId: string): Promise<Place> {
    const agent = await this.agents.require(agentId);
    if (!agent.teamId) return { siteId: null, teamId: null };
    return { siteId: (await this.teams.get(agent.teamId)).siteId, teamId: agent.teamId };
  }
}
