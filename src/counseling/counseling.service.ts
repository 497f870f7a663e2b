import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { conflict, DomainError, forbidden, notFound } from '../platform/common/errors/domain-error';
import { Page, PageQueryDto, pageOf } from '../platform/common/pagination/page-query.dto';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { EventsService, type NewEvent } from '../platform/events/events.service';
import { PresenceService } from '../routing/presence/presence.service';
import { TeamsService } from '../people/teams/teams.service';
import { CounselingBooking } from './booking.entity';
import { Counselor } from './counselor.entity';
import { CounselorsService, policyOf } from './counselors.service';
import {
  BookingDto,
  CounselingExportDto,
  CounselorNotificationDto,
  RescheduleBookingDto,
} from './dto/booking.dto';
import { decryptNote, encryptNote, notesKey } from './notes-crypto';
import { checkSlot, SlotRefusal } from './slots';
import { lockInTransaction } from '../platform/database/advisory-lock';

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

type BookingRow = CounselingBooking & {
  counselorName: string;
  counselorUserId: string;
  agentName: string;
};

/**
 * Confidential bookings. A booking exists only for its agent and its counsellor: every read and
 * change looks it up through the caller, so anyone else gets 404. Bookings of one counsellor are
 * decided under a lock on the counsellor row (daily maximum), an agent's under an advisory lock
 * (upcoming cap); the exclusion constraints are the last word on overlaps.
 */
/** `counseling.booking.cancelled`, for the session's agent alone (no team, no router, no content). */
const sessionCancelled = (
  agentId: string,
  at: Date,
  payload: Record<string, unknown>,
): NewEvent => ({
  type: 'counseling.booking.cancelled',
  teamId: null,
  agentId,
  audience: ['agent'],
  payload,
  at,
});

@Injectable()
export class CounselingService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly counselors: CounselorsService,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly presence: PresenceService,
    private readonly clock: Clock,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = notesKey(config.notesEncryptionKey);
  }

  async book(
    caller: Principal,
    input: { counselorId: string; startsAt: string; minutes: number },
  ): Promise<BookingDto> {
    const agentId = this.requireAgent(caller);
    const place = await this.placeOf(agentId);
    const id = await this.dataSource.transaction(async (m) => {
      await this.lockAgent(m, agentId);
      return this.insert(m, agentId, place, input, null);
    });
    return this.view(caller, id);
  }

  /** The caller's own bookings: as the agent, and as the counsellor. */
  async list(caller: Principal, query: PageQueryDto): Promise<Page<BookingDto>> {
    const { where, params } = this.partyFilter(caller);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM counseling_bookings b JOIN counselors c ON c.id = b.counselor_id WHERE ${where}`,
      params,
    );
    const rows = await this.rows(
      this.dataSource.manager,
      `${where} ORDER BY b.starts_at DESC, b.id LIMIT ${query.pageSize} OFFSET ${query.skip}`,
      params,
    );
    return pageOf(
      rows.map((r) => this.toDto(r, caller)),
      count,
      query,
    );
  }

  async get(caller: Principal, id: string): Promise<BookingDto> {
    return this.view(caller, id);
  }

  /** Cancel by the agent or the counsellor; kept with status `cancelled`, its time free again. */
  async cancel(caller: Principal, id: string, reason: string | null): Promise<BookingDto> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.visible(m, caller, id, true);
      if (row.status === 'cancelled') return;
      if (row.endsAt <= this.clock.now())
        throw conflict('BOOKING_OVER', 'This session is over and cannot be cancelled');
      const by = this.isAgentOf(caller, row) ? 'agent' : 'counselor';
      await this.markCancelled(m, row.id, by, reason);
      // The agent hears of it live; the message itself stays in the booking.
      if (by === 'counselor')
        await this.events.publish(m, [
          sessionCancelled(row.agentId, this.clock.now(), {
            bookingId: row.id,
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
            cancelledBy: 'counselor',
          }),
        ]);
    });
    return this.view(caller, id);
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
        : (await this.visible(this.dataSource.manager, caller, id)).agentId;
    const place = await this.placeOf(agentId);
    const newId = await this.dataSource.transaction(async (m) => {
      await this.lockAgent(m, agentId);
      const old = await this.visible(m, caller, id, true);
      const byAgent = this.isAgentOf(caller, old);
      if (!byAgent && !(this.isCounselorOf(caller, old) && old.agentId === agentId))
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
    return this.view(caller, newId);
  }

  /** Replaces the session notes (the counsellor of the booking only); stored encrypted. */
  async setNotes(caller: Principal, id: string, notes: string): Promise<BookingDto> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.visible(m, caller, id, true);
      if (!this.isCounselorOf(caller, row))
        throw forbidden('Only the counsellor of this session may write its notes');
      await m.query(`UPDATE counseling_bookings SET notes_ciphertext = $2 WHERE id = $1`, [
        id,
        notes === '' ? null : encryptNote(notes, this.key, id),
      ]);
    });
    return this.view(caller, id);
  }

  /** Everything about the agent's counselling, notes included (the agent's own data). */
  async exportFor(caller: Principal): Promise<CounselingExportDto> {
    const agentId = this.requireAgent(caller);
    const rows = await this.rows(
      this.dataSource.manager,
      `b.agent_id = $1 ORDER BY b.starts_at, b.id`,
      [agentId],
    );
    return {
      agentId,
      exportedAt: this.clock.now().toISOString(),
      bookings: rows.map((r) => this.toDto(r, caller, true)),
    };
  }

  /**
   * Erases the agent's counselling history (notes with it). Upcoming sessions are cancelled first
   * and their counsellors told, without content (no agent, no reason: just that the time is free);
   * presence history shows the past sessions as private not_ready time.
   */
  async eraseFor(caller: Principal): Promise<{ erased: number; cancelled: number }> {
    const agentId = this.requireAgent(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      await this.lockAgent(m, agentId);
      const live: Array<{ id: string; counselor_id: string; starts_at: Date; ends_at: Date }> =
        await m.query(
          `SELECT id, counselor_id, starts_at, ends_at FROM counseling_bookings
            WHERE agent_id = $1 AND status = 'booked' ORDER BY starts_at FOR UPDATE`,
          [agentId],
        );
      const upcoming = live.filter((b) => b.ends_at.getTime() > now.getTime());
      for (const b of live) {
        if (upcoming.includes(b)) await this.markCancelled(m, b.id, 'agent', null);
        else await this.presence.cancelScheduled(SESSION_SOURCE_KIND, b.id, { endNow: true }, m);
      }
      for (const b of upcoming)
        await m.query(
          `INSERT INTO counselor_notifications (counselor_id, kind, starts_at, ends_at, created_at)
           VALUES ($1, 'session_cancelled', $2, $3, $4)`,
          [b.counselor_id, b.starts_at, b.ends_at, now],
        );
      // The agent's other pages hear of it; the erased session leaves no id or time in the stream.
      await this.events.publish(
        m,
        upcoming.map(() => sessionCancelled(agentId, now, { cancelledBy: 'erasure' })),
      );
      const [, erased] = await m.query(`DELETE FROM counseling_bookings WHERE agent_id = $1`, [
        agentId,
      ]);
      // Presence history must not tell that there were sessions either.
      await this.presence.redactCounselingHistory(agentId, m);
      return { erased: Number(erased), cancelled: upcoming.length };
    });
  }

  /** The calling counsellor's notifications, newest first. */
  async notificationsFor(caller: Principal): Promise<CounselorNotificationDto[]> {
    if (caller.kind !== 'user') return [];
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT n.id, n.kind, n.starts_at, n.ends_at, n.created_at FROM counselor_notifications n
         JOIN counselors c ON c.id = n.counselor_id
        WHERE c.user_id = $1 ORDER BY n.created_at DESC, n.id LIMIT 200`,
      [caller.userId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      createdAt: r.created_at.toISOString(),
    }));
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
    await this.presence.schedule(
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

  private async markCancelled(
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
    await this.presence.cancelScheduled(SESSION_SOURCE_KIND, id, { endNow: true }, m);
  }

  /** Bookings of one agent are decided one at a time (the upcoming cap is race-free). */
  private async lockAgent(m: EntityManager, agentId: string): Promise<void> {
    await lockInTransaction(m, `counseling-agent:${agentId}`);
  }

  private requireAgent(caller: Principal): string {
    if (caller.kind !== 'user' || !caller.agentId)
      throw forbidden('Only an agent can do this with their own counselling');
    return caller.agentId;
  }

  private async placeOf(agentId: string): Promise<Place> {
    const agent = await this.agents.require(agentId);
    if (!agent.teamId) return { siteId: null, teamId: null };
    return { siteId: (await this.teams.get(agent.teamId)).siteId, teamId: agent.teamId };
  }

  private partyFilter(caller: Principal): { where: string; params: unknown[] } {
    if (caller.kind !== 'user') return { where: 'false', params: [] };
    return {
      where: '(b.agent_id = $1 OR c.user_id = $2)',
      params: [caller.agentId ?? '00000000-0000-0000-0000-000000000000', caller.userId],
    };
  }

  private isAgentOf(caller: Principal, row: BookingRow): boolean {
    return caller.kind === 'user' && caller.agentId === row.agentId;
  }

  private isCounselorOf(caller: Principal, row: BookingRow): boolean {
    return caller.kind === 'user' && caller.userId === row.counselorUserId;
  }

  private async rows(
    m: EntityManager,
    condition: string,
    params: unknown[],
  ): Promise<BookingRow[]> {
    const raw: Array<Record<string, any>> = await m.query(
      `SELECT b.*, c.display_name AS counselor_name, c.user_id AS counselor_user_id, a.display_name AS agent_name
         FROM counseling_bookings b JOIN counselors c ON c.id = b.counselor_id JOIN agents a ON a.id = b.agent_id
        WHERE ${condition}`,
      params,
    );
    return raw.map((r) => ({
      id: r.id,
      counselorId: r.counselor_id,
      agentId: r.agent_id,
      siteId: r.site_id,
      teamId: r.team_id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      blockedUntil: new Date(r.blocked_until),
      minutes: r.minutes,
      status: r.status,
      cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
      cancelledBy: r.cancelled_by,
      cancelReason: r.cancel_reason,
      rescheduledFrom: r.rescheduled_from,
      rescheduledTo: r.rescheduled_to,
      notesCiphertext: r.notes_ciphertext,
      createdAt: new Date(r.created_at),
      counselorName: r.counselor_name,
      counselorUserId: r.counselor_user_id,
      agentName: r.agent_name,
    }));
  }

  /** The booking if the caller is its agent or its counsellor; 404 for anyone else. */
  private async visible(
    m: EntityManager,
    caller: Principal,
    id: string,
    forUpdate = false,
  ): Promise<BookingRow> {
    const { where, params } = this.partyFilter(caller);
    const idParam = `$${params.length + 1}`;
    const [row] = await this.rows(
      m,
      `${where} AND b.id = ${idParam}${forUpdate ? ' FOR UPDATE OF b' : ''}`,
      [...params, id],
    );
    if (!row) throw notFound('Booking');
    return row;
  }

  private async view(caller: Principal, id: string): Promise<BookingDto> {
    return this.toDto(await this.visible(this.dataSource.manager, caller, id), caller);
  }

  private toDto(row: BookingRow, caller: Principal, forExport = false): BookingDto {
    const dto: BookingDto = {
      id: row.id,
      counselorId: row.counselorId,
      counselorName: row.counselorName,
      agentId: row.agentId,
      agentName: row.agentName,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      minutes: row.minutes,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
    };
    if (row.cancelledAt) dto.cancelledAt = row.cancelledAt.toISOString();
    if (row.cancelledBy) dto.cancelledBy = row.cancelledBy;
    if (row.cancelReason) dto.cancelReason = row.cancelReason;
    if (row.rescheduledFrom) dto.rescheduledFrom = row.rescheduledFrom;
    if (row.rescheduledTo) dto.rescheduledTo = row.rescheduledTo;
    if (row.notesCiphertext && (forExport || this.isCounselorOf(caller, row))) {
      try {
        dto.notes = decryptNote(row.notesCiphertext, this.key, row.id);
      } catch {
        throw new DomainError(500, 'NOTES_UNREADABLE', 'The session notes cannot be decrypted');
      }
    }
    return dto;
  }
}
