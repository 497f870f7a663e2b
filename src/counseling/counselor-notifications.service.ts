import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../platform/auth/principal';
import { CounselorNotificationDto } from './dto/booking.dto';

/** What a counsellor is told: only that a slot became free (no agent, no reason). */
@Injectable()
export class CounselorNotifications {
  constructor(private readonly dataSource: DataSource) {}

  /** The calling counsellor's notifications, newest first. */
  async forCaller(caller: Principal): Promise<CounselorNotificationDto[]> {
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

  /** Tells the counsellor this session's time is free, inside the caller's transaction. */
  async sessionCancelled(
    m: EntityManager,
    session: { counselorId: string; startsAt: Date; endsAt: Date },
    now: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO counselor_notifications (counselor_id, kind, starts_at, ends_at, created_at)
       VALUES ($1, 'session_cancelled', $2, $3, $4)`,
      [session.counselorId, session.startsAt, session.endsAt, now],
    );
  }
}
