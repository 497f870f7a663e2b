import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { badRequest, notFound } from '../common/errors/domain-error';
import { Page, pageOf } from '../common/pagination/page-query.dto';
import { SitesService } from '../sites/sites.service';
import { ListTeamsQueryDto } from './dto/team.dto';
import { Team } from './team.entity';

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly sites: SitesService,
  ) {}

  async create(input: { name: string; siteId: string }): Promise<Team> {
    await this.sites.requireExists(input.siteId);
    return this.teams.save(this.teams.create(input));
  }

  async list(query: ListTeamsQueryDto): Promise<Page<Team>> {
    const [items, total] = await this.teams.findAndCount({
      where: query.siteId ? { siteId: query.siteId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<Team> {
    const team = await this.teams.findOne({ where: { id } });
    if (!team) throw notFound('Team');
    return team;
  }

  /** For other features that reference a team in a request body: 400 UNKNOWN_TEAM. */
  async requireExists(id: string): Promise<Team> {
    const team = await this.teams.findOne({ where: { id } });
    if (!team) throw badRequest('UNKNOWN_TEAM', 'No team has this id', { teamId: id });
    return team;
  }

  async update(id: string, changes: { name?: string; active?: boolean }): Promise<Team> {
    await this.get(id);
    if (Object.keys(changes).length) await this.teams.update({ id }, changes);
    return this.get(id);
  }
}
