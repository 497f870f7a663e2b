import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { SitesService } from '../people/sites/sites.service';
import { TeamsService } from '../people/teams/teams.service';
import { hasRole, Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/common/errors/domain-error';
import { MonthlyStatsDto } from './dto/booking.dto';

const DAY = 86_400_000;

/** Counselling in aggregate: sessions per site or team and month, small counts hidden. */
@Injectable()
export class CounselingStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
  ) {}

  /**
   * Aggregates only, with small counts hidden as "<5": admins get sessions per site, a
   * supervisor the sessions of their own team, for a calendar month in each site's time zone
   * (UTC for agents without a site).
   */
  async monthlyStats(caller: Principal, month: string): Promise<MonthlyStatsDto> {
    const hide = (n: number): number | '<5' => (n < 5 ? '<5' : n);
    if (hasRole(caller, 'admin')) {
      // Sites with bookings near the month (zones are within ±14 h of UTC), then each site's own month.
      const utc = monthRange(month, 'UTC');
      const near: Array<{ site_id: string | null }> = await this.dataSource.query(
        `SELECT DISTINCT site_id FROM counseling_bookings
          WHERE status = 'booked' AND starts_at >= $1 AND starts_at < $2`,
        [new Date(utc.from.getTime() - DAY), new Date(utc.to.getTime() + DAY)],
      );
      const ranges = await Promise.all(
        near.map(async (r) => ({
          siteId: r.site_id,
          ...monthRange(month, await this.timeZoneOfSite(r.site_id)),
        })),
      );
      const rows: Array<{ site_id: string | null; count: number }> = await this.dataSource.query(
        `SELECT v.site_id, count(*)::int AS count
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(site_id, f, t)
           JOIN counseling_bookings b ON b.site_id IS NOT DISTINCT FROM v.site_id
          WHERE b.status = 'booked' AND b.starts_at >= v.f AND b.starts_at < v.t
          GROUP BY v.site_id ORDER BY v.site_id NULLS LAST`,
        [ranges.map((r) => r.siteId), ranges.map((r) => r.from), ranges.map((r) => r.to)],
      );
      return { month, sites: rows.map((r) => ({ siteId: r.site_id, sessions: hide(r.count) })) };
    }
    const teamId = caller.kind === 'user' ? caller.teamId : null;
    if (!teamId) throw forbidden('Only a supervisor of a team or an admin may see these counts');
    const { from, to } = monthRange(
      month,
      await this.timeZoneOfSite((await this.teams.get(teamId)).siteId),
    );
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM counseling_bookings
        WHERE status = 'booked' AND starts_at >= $1 AND starts_at < $2 AND team_id = $3`,
      [from, to, teamId],
    );
    return { month, teams: [{ teamId, sessions: hide(count) }] };
  }

  private async timeZoneOfSite(siteId: string | null): Promise<string> {
    return siteId ? (await this.sites.get(siteId)).timeZone : 'UTC';
  }
}

/** A calendar month (YYYY-MM) as an instant range in a time zone. */
function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(`${month}-01`, { zone: timeZone }).startOf('month');
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}
