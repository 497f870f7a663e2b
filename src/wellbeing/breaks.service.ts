import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgentsService } from '../people/agents/agents.service';
import { AuditService } from '../platform/audit/audit.service';
import { actorId, Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { badRequest, conflict, forbidden, notFound } from '../platform/common/errors/domain-error';
import { assertSpan } from '../platform/common/time/time-span';
import { lockInTransaction } from '../platform/database/advisory-lock';
import { PresenceService } from '../routing/presence/presence.service';
import { ScheduledStates } from '../routing/presence/scheduled-states.service';
import { PublishedShiftsReader } from '../workforce/scheduling/published-shifts.reader';
import { SitesService } from '../people/sites/sites.service';
import { TeamsService } from '../people/teams/teams.service';
import { teamBreakCap } from './break-policy';
import { BreakWindow, breakFits, breakWindows, SiteDay } from './break-windows';
import {
  BookBreakDto,
  BreakCapacityDto,
  BreakCapacityQueryDto,
  BreakDto,
  BreakListQueryDto,
  BreakWindowsDto,
  BreakWindowsQueryDto,
} from './dto/wellbeing.dto';
import { WellbeingPoliciesService } from './wellbeing-policies.service';

export const SELF_BREAK_SOURCE_KIND = 'self-break';

/**
 * Self-booked rest and meal breaks: no overlap, inside the break windows (break-windows.ts: within
 * the agent's published shift that day, none on a day off), a daily allowance (the site's local day),
 * and a team cap.
 */
@Injectable()
export class BreaksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agents: AgentsService,
    private readonly presence: PresenceService,
    private readonly scheduledStates: ScheduledStates,
    private readonly policies: WellbeingPoliciesService,
    private readonly audit: AuditService,
    private readonly shifts: PublishedShiftsReader,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
  ) {}

  /** The time zone whose days count for an agent: its team's site's (UTC without a team). */
  private async timeZoneOf(teamId: string | null): Promise<string> {
    if (!teamId) return 'UTC';
    return (await this.sites.get((await this.teams.get(teamId)).siteId)).timeZone;
  }

  /**
   * Books a break for the calling agent. The team's count and the insert happen under a per-team
   * transaction lock, so concurrent bookings can never exceed the cap together.
   */
  async book(body: BookBreakDto, caller: Principal): Promise<BreakDto> {
    if (caller.kind !== 'user' || !caller.agentId) throw forbidden('Agents book their own breaks');
    const agentId = caller.agentId;
    const agent = await this.agents.require(agentId);
    const now = this.clock.now();
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + body.minutes * 60_000);
    if (startsAt.getTime() <= now.getTime())
      throw badRequest('BREAK_IN_PAST', 'A break is booked ahead: its start must be in the future');
    const policy = await this.policies.effective(agent.teamId);
    // The site's local day the break starts in: for the allowance and for "a shift that day".
    const local = DateTime.fromJSDate(startsAt, { zone: await this.timeZoneOf(agent.teamId) });
    const dayStart = local.startOf('day').toJSDate();
    const dayEnd = local.plus({ days: 1 }).startOf('day').toJSDate();
    // The windows of the day it starts in (until the team's schedule covers it, the whole day).
    const windows = await this.windowsOver(agentId, agent.teamId, local, local);
    if (!breakFits(windows, startsAt, endsAt))
      throw conflict(
        'OUTSIDE_SHIFT',
        windows.length === 0
          ? 'That day is a day off in your published schedule: there is no shift to take a break in'
          : 'A break must lie wholly inside one of your shifts that day',
        {
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      );
    return this.dataSource.transaction(async (m) => {
      if (agent.teamId) await lockInTransaction(m, `break-cap:${agent.teamId}`);
      const [{ used }] = await m.query(
        `SELECT COALESCE(SUM(EXTRACT(EPOCH FROM ends_at - starts_at)), 0)::float / 60 AS used FROM break_bookings
          WHERE agent_id = $1 AND status = 'booked' AND starts_at >= $2 AND starts_at < $3`,
        [agentId, dayStart, dayEnd],
      );
      if (used + body.minutes > policy.dailyBreakAllowanceMinutes)
        throw conflict('BREAK_ALLOWANCE_EXCEEDED', 'This break would exceed the daily allowance', {
          allowanceMinutes: policy.dailyBreakAllowanceMinutes,
          usedMinutes: used,
        });
      if (agent.teamId) {
        const loggedIn = (await this.presence.loggedIn(agent.teamId, m)).length;
        const cap = teamBreakCap(policy, loggedIn);
        const [{ booked }] = await m.query(
          `SELECT count(DISTINCT agent_id)::int AS booked FROM break_bookings
            WHERE team_id = $1 AND status = 'booked' AND agent_id <> $2
              AND tstzrange(starts_at, ends_at) && tstzrange($3, $4)`,
          [agent.teamId, agentId, startsAt, endsAt],
        );
        if (booked + 1 > cap)
          throw conflict(
            'BREAK_CAPACITY',
            cap === 0
              ? // Nobody else is on a break: say why, so a small team is not told it is crowded.
                `Too few of the team are logged in: at most ${policy.teamBreakCapPercent}% of them may be on a self-booked break at once`
              : 'Too many of the team would be on a break at that time',
            { cap, loggedInAgents: loggedIn, alreadyBooked: booked },
          );
      }
      const [row] = await m.query(
        `INSERT INTO break_bookings (agent_id, team_id, kind, starts_at, ends_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [agentId, agent.teamId, body.kind, startsAt, endsAt, now],
      );
      // At its start the agent moves to break (after any call in progress).
      await this.scheduledStates.schedule(
        [
          {
            agentId,
            state: 'break',
            reason: body.kind,
            startsAt,
            endsAt,
            durationSeconds: null,
            sourceKind: SELF_BREAK_SOURCE_KIND,
            sourceId: row.id,
          },
        ],
        m,
      );
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: 'break.booked',
          subjectType: 'agent',
          subjectId: agentId,
          details: {
            breakId: row.id,
            kind: body.kind,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
          },
        },
      ]);
      return toBreakDto(row);
    });
  }

  /**
   * When the calling agent may book a break, per site day overlapping [from, to): the windows the
   * booking itself checks (OUTSIDE_SHIFT), so the page offers only what will be taken.
   */
  async windows(query: BreakWindowsQueryDto, caller: Principal): Promise<BreakWindowsDto> {
    if (caller.kind !== 'user' || !caller.agentId) throw forbidden('Agents see their own breaks');
    const from = new Date(query.from);
    const to = new Date(query.to);
    assertSpan(from, to, 7);
    const agentId = caller.agentId;
    const agent = await this.agents.require(agentId);
    const timeZone = await this.timeZoneOf(agent.teamId);
    // `to` is exclusive: its site day counts only when a moment of it is asked for.
    const windows = await this.windowsOver(
      agentId,
      agent.teamId,
      DateTime.fromJSDate(from, { zone: timeZone }),
      DateTime.fromJSDate(new Date(to.getTime() - 1), { zone: timeZone }),
    );
    return {
      timeZone,
      windows: windows.map((w) => ({
        startsFrom: w.startsFrom.toISOString(),
        startsBefore: w.startsBefore.toISOString(),
        endsBy: w.endsBy?.toISOString() ?? null,
      })),
    };
  }

  /**
   * The break windows of the site days from `first`'s to `last`'s (local times in the site's zone):
   * whether the team's published schedule covers each day, and the agent's shifts over them.
   */
  private async windowsOver(
    agentId: string,
    teamId: string | null,
    first: DateTime,
    last: DateTime,
  ): Promise<BreakWindow[]> {
    const local: DateTime[] = [];
    for (let day = first.startOf('day'); day <= last; day = day.plus({ days: 1 })) local.push(day);
    const scheduled = teamId
      ? await this.shifts.scheduledDates(
          teamId,
          local[0].toISODate()!,
          local[local.length - 1].toISODate()!,
        )
      : new Set<string>();
    const days: SiteDay[] = local.map((day) => ({
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).startOf('day').toJSDate(),
      scheduled: scheduled.has(day.toISODate()!),
    }));
    const shifts = await this.shifts.shiftsOverlapping(
      agentId,
      days[0].start,
      days[days.length - 1].end,
    );
    return breakWindows(days, shifts);
  }

  /**
   * What booking would meet, before the agent books: the team's cap and how many are booked then,
   * and the day's allowance. Read without the lock: the booking checks again under it.
   */
  async capacity(query: BreakCapacityQueryDto, caller: Principal): Promise<BreakCapacityDto> {
    if (caller.kind !== 'user' || !caller.agentId) throw forbidden('Agents see their own team');
    const agentId = caller.agentId;
    const agent = await this.agents.require(agentId);
    const startsAt = new Date(query.startsAt);
    const endsAt = new Date(startsAt.getTime() + query.minutes * 60_000);
    const policy = await this.policies.effective(agent.teamId);
    const local = DateTime.fromJSDate(startsAt, { zone: await this.timeZoneOf(agent.teamId) });
    const [{ used }] = await this.dataSource.query(
      `SELECT COALESCE(SUM(EXTRACT(EPOCH FROM ends_at - starts_at)), 0)::float / 60 AS used FROM break_bookings
        WHERE agent_id = $1 AND status = 'booked' AND starts_at >= $2 AND starts_at < $3`,
      [agentId, local.startOf('day').toJSDate(), local.plus({ days: 1 }).startOf('day').toJSDate()],
    );
    let cap = 0;
    let loggedIn = 0;
    let booked = 0;
    if (agent.teamId) {
      loggedIn = (await this.presence.loggedIn(agent.teamId)).length;
      cap = teamBreakCap(policy, loggedIn);
      [{ booked }] = await this.dataSource.query(
        `SELECT count(DISTINCT agent_id)::int AS booked FROM break_bookings
          WHERE team_id = $1 AND status = 'booked' AND agent_id <> $2
            AND tstzrange(starts_at, ends_at) && tstzrange($3, $4)`,
        [agent.teamId, agentId, startsAt, endsAt],
      );
    }
    const allowance = policy.dailyBreakAllowanceMinutes;
    return {
      cap,
      loggedInAgents: loggedIn,
      alreadyBooked: booked,
      fits: (!agent.teamId || booked + 1 <= cap) && used + query.minutes <= allowance,
      allowanceMinutes: allowance,
      usedMinutes: used,
    };
  }

  async list(query: BreakListQueryDto, caller: Principal): Promise<BreakDto[]> {
    // Agents see their own; supervisors name an agent of their team (the authorisation policy's).
    let agentId = query.agentId;
    if (caller.kind === 'user' && caller.agentId && (!agentId || agentId === caller.agentId)) {
      agentId = caller.agentId;
    } else {
      if (!agentId) throw badRequest('AGENT_REQUIRED', 'Name the agent whose breaks to list');
      await this.agents.require(agentId);
    }
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM break_bookings WHERE agent_id = $1 AND ($2::timestamptz IS NULL OR ends_at > $2)
        ORDER BY starts_at LIMIT 500`,
      [agentId, query.from ?? null],
    );
    return rows.map(toBreakDto);
  }

  /** Cancels a booked break before it starts. */
  async cancel(id: string, caller: Principal): Promise<BreakDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(`SELECT * FROM break_bookings WHERE id = $1 FOR UPDATE`, [id]);
      // The agent's own break: the authorisation policy's.
      if (!row) throw notFound('Break');
      if (row.status !== 'booked') return toBreakDto(row);
      if (row.starts_at.getTime() <= now.getTime())
        throw conflict('BREAK_STARTED', 'A break can be cancelled only before it starts');
      const [[updated]] = await m.query(
        `UPDATE break_bookings SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 RETURNING *`,
        [id, now],
      );
      await this.scheduledStates.cancelScheduled(SELF_BREAK_SOURCE_KIND, id, { endNow: false }, m);
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: 'break.cancelled',
          subjectType: 'agent',
          subjectId: row.agent_id,
          details: { breakId: id },
        },
      ]);
      return toBreakDto(updated);
    });
  }
}

function toBreakDto(r: any): BreakDto {
  return {
    id: r.id,
    agentId: r.agent_id,
    kind: r.kind,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
  };
}
