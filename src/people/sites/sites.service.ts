import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { badRequest, notFound } from '../../platform/common/errors/domain-error';
import { Page, pageOf, PageQueryDto } from '../../platform/common/pagination/page-query.dto';
import { Site } from './site.entity';
import type { OpeningHours, OpeningHoursEntry } from './domain/opening-hours';

export interface SiteHours {
  timeZone: string;
  openingHours: OpeningHours;
}
import { stripUndefined } from '../../platform/common/objects';

@Injectable()
export class SitesService {
  constructor(@InjectRepository(Site) private readonly sites: Repository<Site>) {}

  create(input: { name: string; timeZone?: string }): Promise<Site> {
    return this.sites.save(
      this.sites.create({ name: input.name, timeZone: input.timeZone ?? 'Asia/Shanghai' }),
    );
  }

  /** Sites; `ofTeamId` (a team-bound caller's scope) narrows it to that team's site. */
  async list(query: PageQueryDto, ofTeamId?: string): Promise<Page<Site>> {
    const qb = this.sites
      .createQueryBuilder('s')
      .orderBy('s.created_at', 'ASC')
      .addOrderBy('s.id')
      .skip(query.skip)
      .take(query.pageSize);
    if (ofTeamId)
      qb.where('s.id = (SELECT t.site_id FROM teams t WHERE t.id = :ofTeamId)', { ofTeamId });
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<Site> {
    const site = await this.sites.findOne({ where: { id } });
    if (!site) throw notFound('Site');
    return site;
  }

  /** For other features that reference a site in a request body. */
  async requireExists(id: string): Promise<Site> {
    const site = await this.sites.findOne({ where: { id } });
    if (!site) throw badRequest('UNKNOWN_SITE', 'No site has this id', { siteId: id });
    return site;
  }

  async update(
    id: string,
    changes: Partial<Pick<Site, 'name' | 'timeZone' | 'active' | 'openingHours'>>,
  ): Promise<Site> {
    await this.get(id);
    const defined = stripUndefined(changes); // an empty PATCH is a no-op, not a 500
    if (defined.openingHours)
      defined.openingHours = defined.openingHours.map((e) => ({
        weekday: e.weekday,
        open: e.open,
        close: e.close,
      }));
    if (Object.keys(defined).length) await this.sites.update({ id }, defined as any);
    return this.get(id);
  }

  /** The opening hours and zone of a team's site (null when the team is unknown). */
  async hoursOfTeam(teamId: string, m?: EntityManager): Promise<SiteHours | null> {
    const [row] = await (m ?? this.sites.manager).query(
      `SELECT s.time_zone, s.opening_hours FROM teams t JOIN sites s ON s.id = t.site_id WHERE t.id = $1`,
      [teamId],
    );
    return row ? { timeZone: row.time_zone, openingHours: row.opening_hours ?? null } : null;
  }

  /** Every team whose site has opening hours, with them (teams of always-open sites are left out). */
  async teamsWithOpeningHours(m?: EntityManager): Promise<Map<string, SiteHours>> {
    const rows: Array<{ id: string; time_zone: string; opening_hours: OpeningHoursEntry[] }> =
      await (m ?? this.sites.manager).query(
        `SELECT t.id, s.time_zone, s.opening_hours FROM teams t JOIN sites s ON s.id = t.site_id
        WHERE s.opening_hours IS NOT NULL`,
      );
    return new Map(
      rows.map((r) => [r.id, { timeZone: r.time_zone, openingHours: r.opening_hours }]),
    );
  }
}
