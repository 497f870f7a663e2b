import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { badRequest, notFound } from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import { SitesService } from '../sites/sites.service';
import { ListTeamsQueryDto } from './dto/team.dto';
import { DEFAULT_TEAM_SETTINGS, TeamSettings } from './team-settings.entity';
import { Team } from './team.entity';
import { preparedQuery } from '../../platform/database/prepared-query';
import { stripUndefined } from '../../platform/common/objects';

export type TeamSettingsValues = typeof DEFAULT_TEAM_SETTINGS;

type SettingsListener = (teamId: string) => Promise<void>;

@Injectable()
export class TeamsService {
  private readonly settingsListeners: SettingsListener[] = [];

  /** Features that derive state from team settings (routing rank) re-derive it on change. */
  onSettingsChanged(listener: SettingsListener): void {
    this.settingsListeners.push(listener);
  }

  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(TeamSettings) private readonly settings: Repository<TeamSettings>,
    private readonly sites: SitesService,
  ) {}

  async create(input: { name: string; siteId: string }): Promise<Team> {
    await this.sites.requireExists(input.siteId);
    return this.teams.save(this.teams.create(input));
  }

  /** Teams, of a site if asked; `onlyTeamId` (a team-bound caller's scope) narrows it to one. */
  async list(query: ListTeamsQueryDto, onlyTeamId?: string): Promise<Page<Team>> {
    const [items, total] = await this.teams.findAndCount({
      where: {
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(onlyTeamId ? { id: onlyTeamId } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  /** The team, read through `manager` when given (inside a transaction: never a second connection). */
  async get(id: string, manager: EntityManager = this.teams.manager): Promise<Team> {
    const team = await manager.findOne(Team, { where: { id } });
    if (!team) throw notFound('Team');
    return team;
  }

  /** For other features that reference a team in a request body: 400 UNKNOWN_TEAM. */
  async requireExists(id: string): Promise<Team> {
    const team = await this.teams.findOne({ where: { id } });
    if (!team) throw badRequest('UNKNOWN_TEAM', 'No team has this id', { teamId: id });
    return team;
  }

  async update(
    id: string,
    changes: { name?: string; active?: boolean; siteId?: string },
  ): Promise<Team> {
    await this.get(id);
    if (changes.siteId) await this.sites.requireExists(changes.siteId);
    const defined = stripUndefined(changes); // an empty PATCH is a no-op, not a 500
    if (Object.keys(defined).length) await this.teams.update({ id }, defined);
    return this.get(id);
  }

  /** The team's operating settings, defaults filled in (an agent without a team gets the defaults). */
  async settingsFor(teamId: string | null): Promise<TeamSettingsValues> {
    if (!teamId) return { ...DEFAULT_TEAM_SETTINGS };
    // Read on router paths (a hostile flag's report window, the occupancy check): one prepared
    // statement rather than a query builder. The call-event batch reads its wrap-up rules with the
    // presence lock instead (PresenceRow.wrapUp).
    const [row] = await preparedQuery<TeamSettingsValues>(
      this.settings.manager,
      `SELECT wrap_up_seconds AS "wrapUpSeconds", occupancy_cap AS "occupancyCap", routing_order AS "routingOrder",
              stale_after_seconds AS "staleAfterSeconds", reservation_ttl_seconds AS "reservationTtlSeconds",
              hostile_report_window_seconds AS "hostileReportWindowSeconds", expected_handle_seconds AS "expectedHandleSeconds",
              max_hostile_per_hour AS "maxHostilePerHour", max_call_minutes AS "maxCallMinutes",
              callback_retry_minutes AS "callbackRetryMinutes", callback_max_share AS "callbackMaxShare"
         FROM team_settings WHERE team_id = $1`,
      [teamId],
    );
    return row ?? { ...DEFAULT_TEAM_SETTINGS };
  }

  async updateSettings(
    teamId: string,
    changes: Partial<TeamSettingsValues>,
  ): Promise<TeamSettingsValues> {
    await this.get(teamId);
    const current = await this.settingsFor(teamId);
    await this.settings.upsert({ teamId, ...current, ...changes }, ['teamId']);
    for (const listener of this.settingsListeners) await listener(teamId);
    return this.settingsFor(teamId);
  }
}
