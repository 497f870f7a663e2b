import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgentsService } from '../../people/agents/agents.service';
import { SitesService } from '../../people/sites/sites.service';
import { TeamsService } from '../../people/teams/teams.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/common/clock/clock';
import { forbidden, notFound } from '../../platform/common/errors/domain-error';
import { toICalendar } from './ical';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Calendar subscriptions: a secret per-agent URL that phones and mail clients poll without
 * signing in. One at a time per agent; making a new one or revoking ends the old at once.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
  ) {}

  /** A new token for the calling agent (shown once); the previous URL stops working. */
  async create(agentId: string, caller: Principal): Promise<{ token: string; createdAt: Date }> {
    this.assertSelf(agentId, caller);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (agent_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (agent_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [agentId, hash(token), now],
    );
    return { token, createdAt: now };
  }

  async revoke(agentId: string, caller: Principal): Promise<void> {
    this.assertSelf(agentId, caller);
    await this.dataSource.query(`DELETE FROM calendar_feeds WHERE agent_id = $1`, [agentId]);
  }

  async exists(agentId: string, caller: Principal): Promise<Date | null> {
    this.assertSelf(agentId, caller);
    const [row] = await this.dataSource.query(
      `SELECT created_at FROM calendar_feeds WHERE agent_id = $1`,
      [agentId],
    );
    return row?.created_at ?? null;
  }

  /** The feed behind a token: published shifts in the site's local time; unknown tokens 404. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('Calendar feed');
    const [row] = await this.dataSource.query(
      `SELECT agent_id FROM calendar_feeds WHERE token_hash = $1`,
      [hash(token)],
    );
    if (!row) throw notFound('Calendar feed');
    const agent = await this.agents.require(row.agent_id);
    const zone = agent.teamId
      ? (await this.sites.get((await this.teams.get(agent.teamId)).siteId)).timeZone
      : 'UTC';
    const shifts: Array<{ id: string; starts_at: Date; ends_at: Date; breaks: never[] }> =
      await this.dataSource.query(
        `SELECT id, starts_at, ends_at, breaks FROM shifts WHERE agent_id = $1 AND live
          ORDER BY starts_at LIMIT 1000`,
        [row.agent_id],
      );
    return toICalendar(
      agent.displayName,
      shifts.map((s) => ({ id: s.id, start: s.starts_at, end: s.ends_at, breaks: s.breaks ?? [] })),
      this.clock.now(),
      zone,
    );
  }

  private assertSelf(agentId: string, caller: Principal): void {
    if (!(caller.kind === 'user' && caller.agentId === agentId))
      throw forbidden('Agents manage their own calendar subscription');
  }
}
