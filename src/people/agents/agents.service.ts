import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, ILike, Repository } from 'typeorm';
import { containsPattern } from '../../platform/common/search/contains-pattern';
import { badRequest, notFound } from '../../platform/common/errors/domain-error';
import { Page, pageOf } from '../../platform/common/pagination/page-query.dto';
import { RoutingTagsService } from '../routing-tags/routing-tags.service';
import { TeamsService } from '../teams/teams.service';
import { UsersService } from '../../platform/users/users.service';
import { AgentTag } from './agent-tag.entity';
import { Agent } from './agent.entity';
import {
  AgentDto,
  AgentTagsDto,
  CreateAgentDto,
  ListAgentsQueryDto,
  TagProficiencyDto,
  UpdateAgentDto,
} from './dto/agent.dto';
import { preparedQuery } from '../../platform/database/prepared-query';

@Injectable()
export class AgentsService {
  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    private readonly dataSource: DataSource,
    private readonly routingTags: RoutingTagsService,
    private readonly teams: TeamsService,
    private readonly users: UsersService,
  ) {}

  /** Creates the agent, its optional login (audited as created `by`) and its tags in one transaction. */
  async create(input: CreateAgentDto, by: string): Promise<AgentDto> {
    if ((input.email === undefined) !== (input.password === undefined)) {
      throw badRequest('VALIDATION_FAILED', 'email and password go together', {
        fields: [
          {
            field: input.email ? 'password' : 'email',
            messages: ['is required when the other is given'],
          },
        ],
      });
    }
    if (input.teamId) await this.teams.requireExists(input.teamId);
    const tags = await this.checkTags(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const user = input.email
        ? await this.users.create(
            {
              email: input.email,
              password: input.password!,
              displayName: input.displayName,
              roles: ['agent'],
              teamId: input.teamId ?? null,
            },
            by,
            manager,
          )
        : null;
      const agent = await manager.getRepository(Agent).save(
        manager.getRepository(Agent).create({
          externalId: input.externalId,
          displayName: input.displayName,
          teamId: input.teamId ?? null,
          userId: user?.id ?? null,
          contact: input.contact ?? null,
        }),
      );
      await this.writeTags(manager, agent.id, tags);
      return agent.id;
    });
    return this.get(id);
  }

  /**
   * Agents, by external id or team, in work-number order; `teamId` is the caller's team filter
   * (see @TeamScope).
   */
  async list(query: ListAgentsQueryDto, teamId?: string): Promise<Page<AgentDto>> {
    const where: Record<string, unknown> = {};
    if (query.externalId) where.externalId = query.externalId;
    if (teamId) where.teamId = teamId;
    const pattern = query.search ? ILike(containsPattern(query.search)) : null;
    const [rows, total] = await this.agents.findAndCount({
      where: pattern
        ? [
            { ...where, displayName: pattern },
            { ...where, externalId: pattern },
          ]
        : where,
      order: { externalId: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(await this.withTags(rows), total, query);
  }

  async get(id: string): Promise<AgentDto> {
    const agent = await this.agents.findOne({ where: { id } });
    if (!agent) throw notFound('Agent');
    return (await this.withTags([agent]))[0];
  }

  /** The agent entity, for other features (team, login); 404 when absent. */
  async require(id: string): Promise<Agent> {
    const agent = await this.agents.findOne({ where: { id } });
    if (!agent) throw notFound('Agent');
    return agent;
  }

  async update(id: string, input: UpdateAgentDto, by: string): Promise<AgentDto> {
    const agent = await this.require(id);
    if (input.teamId) await this.teams.requireExists(input.teamId);
    const patch: Partial<Agent> = {};
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.teamId !== undefined) patch.teamId = input.teamId;
    if (input.active !== undefined) patch.active = input.active;
    if (input.contact !== undefined) patch.contact = input.contact;
    if (Object.keys(patch).length) await this.agents.update({ id }, patch);
    if (input.active === false && agent.userId) await this.users.deactivate(agent.userId, by);
    return this.get(id);
  }

  async replaceTags(id: string, input: AgentTagsDto): Promise<AgentDto> {
    await this.require(id);
    // A retired tag the agent already has may stay; it is only never given anew.
    const held = (await this.dataSource.getRepository(AgentTag).findBy({ agentId: id })).map(
      (t) => t.tag,
    );
    const tags = await this.checkTags(input, held);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AgentTag).delete({ agentId: id });
      await this.writeTags(manager, id, tags);
    });
    return this.get(id);
  }

  private async checkTags(
    input: AgentTagsDto,
    held: string[] = [],
  ): Promise<Array<{ tag: string; proficiency: number }>> {
    const dialects = await this.routingTags.requireKnown(
      'dialect',
      input.dialects.map((d) => d.tag),
      held,
    );
    const skills = await this.routingTags.requireKnown(
      'skill',
      input.skills.map((s) => s.tag),
      held,
    );
    const all = [
      ...dialects.map((tag, i) => ({ tag, proficiency: input.dialects[i].proficiency })),
      ...skills.map((tag, i) => ({ tag, proficiency: input.skills[i].proficiency })),
    ];
    const seen = new Set<string>();
    for (const [i, t] of all.entries()) {
      if (seen.has(t.tag)) {
        throw badRequest('VALIDATION_FAILED', `Tag ${t.tag} is listed twice`, {
          fields: [{ field: `tags.${i}`, messages: ['duplicate tag'] }],
        });
      }
      seen.add(t.tag);
    }
    return all;
  }

  private async writeTags(
    manager: EntityManager,
    agentId: string,
    tags: Array<{ tag: string; proficiency: number }>,
  ) {
    if (tags.length)
      await manager.getRepository(AgentTag).insert(tags.map((t) => ({ agentId, ...t })));
  }

  private async withTags(agents: Agent[]): Promise<AgentDto[]> {
    if (agents.length === 0) return [];
    const rows: Array<{ agent_id: string; tag: string; proficiency: number; kind: string }> =
      await this.dataSource.query(
        `SELECT t.agent_id, t.tag, t.proficiency, r.kind FROM agent_tags t JOIN routing_tags r ON r.tag = t.tag
        WHERE t.agent_id = ANY($1) ORDER BY t.proficiency DESC, t.tag`,
        [agents.map((a) => a.id)],
      );
    return agents.map((a) => {
      const mine = rows.filter((r) => r.agent_id === a.id);
      const pick = (kind: string): TagProficiencyDto[] =>
        mine
          .filter((r) => r.kind === kind)
          .map((r) => ({ tag: r.tag, proficiency: Number(r.proficiency) }));
      return {
        id: a.id,
        externalId: a.externalId,
        displayName: a.displayName,
        teamId: a.teamId,
        userId: a.userId,
        active: a.active,
        contact: a.contact ?? null,
        dialects: pick('dialect'),
        skills: pick('skill'),
      };
    });
  }

  /** Every active agent of a team, with tags (team views, planning). */
  async listForTeam(teamId: string): Promise<AgentDto[]> {
    const rows = await this.agents.find({
      where: { teamId, active: true },
      order: { externalId: 'ASC' },
    });
    return this.withTags(rows);
  }

  /** Ids of a team's active agents, read in the caller's transaction when given one. */
  async idsInTeam(teamId: string, manager: EntityManager = this.agents.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM agents WHERE team_id = $1 AND active ORDER BY id',
      [teamId],
    );
    return rows.map((r) => r.id);
  }

  /** Agents by id, for features that show names (supervisor views). */
  /** Id and team of each agent that exists (the call-events hot path: one prepared statement). */
  async teamsOf(ids: string[]): Promise<Array<{ id: string; teamId: string | null }>> {
    if (ids.length === 0) return [];
    const rows = await preparedQuery<{ id: string; team_id: string | null }>(
      this.agents.manager,
      'SELECT id, team_id FROM agents WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((r) => ({ id: r.id, teamId: r.team_id }));
  }
}
