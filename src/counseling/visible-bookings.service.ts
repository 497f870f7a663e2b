import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { DomainError, notFound } from '../platform/common/errors/domain-error';
import { Page, PageQueryDto, pageOf } from '../platform/common/pagination/page-query.dto';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { BookingRow, isCounselorOf, partyFilter, requireAgent } from './booking-parties';
import { BookingDto, CounselingExportDto } from './dto/booking.dto';
import { decryptNote, notesKey } from './notes-crypto';

/**
 * Reading confidential bookings. A booking exists only for its agent and its counsellor: every
 * read looks it up through the caller, so anyone else gets 404. Notes are decrypted for the
 * session's counsellor and in the agent's own export, never for anyone else.
 */
@Injectable()
export class VisibleBookings {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = notesKey(config.notesEncryptionKey);
  }

  /** The caller's own bookings: as the agent, and as the counsellor. */
  async list(caller: Principal, query: PageQueryDto): Promise<Page<BookingDto>> {
    const { where, params } = partyFilter(caller);
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

  /** Everything about the agent's counselling, notes included (the agent's own data). */
  async exportFor(caller: Principal): Promise<CounselingExportDto> {
    const agentId = requireAgent(caller);
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

  /** The booking if the caller is its agent or its counsellor; 404 for anyone else. */
  async find(
    m: EntityManager,
    caller: Principal,
    id: string,
    forUpdate = false,
  ): Promise<BookingRow> {
    const { where, params } = partyFilter(caller);
    const idParam = `$${params.length + 1}`;
    const [row] = await this.rows(
      m,
      `${where} AND b.id = ${idParam}${forUpdate ? ' FOR UPDATE OF b' : ''}`,
      [...params, id],
    );
    if (!row) throw notFound('Booking');
    return row;
  }

  /** The booking as the caller may see it (404 for anyone else). */
  async view(caller: Principal, id: string): Promise<BookingDto> {
    return this.toDto(await this.find(this.dataSource.manager, caller, id), caller);
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
    if (row.notesCiphertext && (forExport || isCounselorOf(caller, row))) {
      try {
        dto.notes = decryptNote(row.notesCiphertext, this.key, row.id);
      } catch {
        throw new DomainError(500, 'NOTES_UNREADABLE', 'The session notes cannot be decrypted');
      }
    }
    return dto;
  }
}
