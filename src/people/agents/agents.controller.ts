import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import { actorId, type Principal } from '../../platform/auth/principal';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { SitesService } from '../sites/sites.service';
import { TeamsService } from '../teams/teams.service';
import { AgentsService } from './agents.service';
import { AgentImportService } from './agent-import.service';
import { ImportAgentsDto, ImportAgentsResultDto } from './dto/agent-import.dto';
import {
  AgentDto,
  AgentPageDto,
  AgentTagsDto,
  AgentWorkplaceDto,
  CreateAgentDto,
  ListAgentsQueryDto,
  UpdateAgentDto,
} from './dto/agent.dto';

@ApiTags('agents')
@Controller('agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsService,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly importer: AgentImportService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Import agents from CSV, checked row by row (dryRun to check only)',
    description:
      'Columns external_id, display_name, dialects, skills; tags as tag:proficiency separated by ;. ' +
      'Rows with errors are skipped and reported by line; the others are created together.',
  })
  @ApiOkResponse({ type: ImportAgentsResultDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, INVALID_CSV_HEADER or TOO_MANY_ROWS',
    type: ErrorBodyDto,
  })
  importCsv(
    @Body() body: ImportAgentsDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ImportAgentsResultDto> {
    return this.importer.import(body, caller);
  }

  @Post()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Create an agent with dialect and skill tags (optionally with a login)',
  })
  @ApiCreatedResponse({ type: AgentDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or UNKNOWN_TAG', type: ErrorBodyDto })
  @ApiConflictResponse({
    description: 'DUPLICATE_EXTERNAL_ID or DUPLICATE_EMAIL',
    type: ErrorBodyDto,
  })
  create(@Body() body: CreateAgentDto, @CurrentPrincipal() caller: Principal): Promise<AgentDto> {
    return this.agents.create(body, actorId(caller));
  }

  @Get()
  @Roles('admin', 'supervisor', 'scheduler', 'router')
  @ApiOperation({
    summary: 'List agents; `?externalId=8001` finds one by the id the router knows it by',
    description: 'In work-number (externalId) order, then id: a page is where an admin expects it.',
  })
  @ApiOkResponse({ type: AgentPageDto })
  list(@Query() query: ListAgentsQueryDto, @TeamScope() scope: ListScope): Promise<AgentPageDto> {
    return this.agents.list(query, teamFilter(scope, query.teamId));
  }

  @Get(':agentId')
  @Roles('admin', 'supervisor', 'router', 'scheduler', 'agent')
  @ApiOkResponse({ type: AgentDto })
  get(@Param('agentId', UuidParam) agentId: string): Promise<AgentDto> {
    return this.agents.get(agentId);
  }

  @Get(':agentId/workplace')
  @Roles('admin', 'supervisor', 'scheduler', 'agent')
  @ApiOperation({
    summary: "An agent's team, site and the site's time zone (the agent's days and clock times)",
  })
  @ApiOkResponse({ type: AgentWorkplaceDto })
  async workplace(@Param('agentId', UuidParam) agentId: string): Promise<AgentWorkplaceDto> {
    // Whose workplace one may read: the declared policy (own agent, own team).
    const agent = await this.agents.get(agentId);
    const team = agent.teamId ? await this.teams.get(agent.teamId) : null;
    const site = team ? await this.sites.get(team.siteId) : null;
    return {
      agentId,
      displayName: agent.displayName,
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      siteName: site?.name ?? null,
      timeZone: site?.timeZone ?? 'UTC',
    };
  }

  @Patch(':agentId')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Rename, move team or deactivate (active: false) an agent' })
  @ApiOkResponse({ type: AgentDto })
  update(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: UpdateAgentDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AgentDto> {
    return this.agents.update(agentId, body, actorId(caller));
  }

  @Put(':agentId/tags')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: "Replace an agent's dialect and skill tags" })
  @ApiOkResponse({ type: AgentDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or UNKNOWN_TAG', type: ErrorBodyDto })
  replaceTags(
    @Param('agentId', UuidParam) agentId: string,
    @Body() body: AgentTagsDto,
  ): Promise<AgentDto> {
    return this.agents.replaceTags(agentId, body);
  }
}
