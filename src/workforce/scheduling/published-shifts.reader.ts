import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { preparedQuery } from '../../platform/database/prepared-query';
import { Shift } from './shift.entity';

/** A shift of a published schedule, as other features need it. */
export interface PublishedShift {
  id: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Read-only view of published shifts (`live` ones) for features that must not depend on the
 * scheduling services (wellbeing, which forecasts depend on). Pass the caller's transaction
 * manager when inside one, so the read never takes a second pooled connection.
 */
@Injectable()
export class PublishedShiftsReader {
  constructor(@InjectRepository(Shift) private readonly shifts: Repository<Shift>) {}

  private repo(manager?: EntityManager): Repository<Shift> {
    return manager ? manager.getRepository(Shift) : this.shifts;
  }

  /** The local dates (YYYY-MM-DD) from `from` to `to` inclusive that a published schedule of the team covers. */
  async scheduledDates(
    teamId: string,
    from: string,
    to: string,
    manager?: EntityManager,
  ): Promise<Set<string>> {
    const rows: Array<{ date: string }> = await (manager ?? this.shifts.manager).query(
      `SELECT DISTINCT to_char(d, 'YYYY-MM-DD') AS date
         FROM schedules s, generate_series(s.start_date, s.start_date + s.days - 1, interval '1 day') d
        WHERE s.team_id = $1 AND s.status = 'published'
          AND s.start_date <= $3::date AND s.start_date + s.days > $2::date
          AND d >= $2::date AND d <= $3::date`,
      [teamId, from, to],
    );
    return new Set(rows.map((r) => r.date));
  }

  /** The agent's published shifts overlapping [from, to), earliest first. */
  async shiftsOverlapping(
    agentId: string,
    from: Date,
    to: Date,
    manager?: EntityManager,
  ): Promise<PublishedShift[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('s')
      .where('s.agent_id = :agentId AND s.live AND s.starts_at < :to AND s.ends_at > :from', {
        agentId,
        from,
        to,
      })
      .orderBy('s.starts_at')
      .getMany();
    return rows.map((s) => ({
      id: s.id,
      agentId: s.agentId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    }));
  }

  /**
   * The agent's published shift wholly containing [startsAt, endsAt], or null. On the call-end
   * path (wellbeing), so one prepared statement.
   */
  async shiftCovering(
    agentId: string,
    startsAt: Date,
    endsAt: Date,
    manager?: EntityManager,
  ): Promise<PublishedShift | null> {
    const [s] = await preparedQuery<{
      id: string;
      agent_id: string;
      starts_at: Date;
      ends_at: Date;
    }>(
      manager ?? this.shifts.manager,
      `SELECT id, agent_id, starts_at, ends_at FROM shifts
        WHERE agent_id = $1 AND live AND starts_at <= $2 AND ends_at >= $3 ORDER BY starts_at LIMIT 1`,
      [agentId, startsAt, endsAt],
    );
    return s ? { id: s.id, agentId: s.agent_id, startsAt: s.starts_at, endsAt: s.ends_at } : null;
  }
}
