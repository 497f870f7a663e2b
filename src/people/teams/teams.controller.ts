import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { UuidParam } from '../../platform/common/http/uuid-param';
import {
  CreateTeamDto,
  ListTeamsQueryDto,
  TeamDto,
  TeamPageDto,
  TeamSettingsDto,
  UpdateTeamDto,
  UpdateTeamSettingsDto,
} from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('people')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team within a site' })
  @ApiCreatedResponse({ type: TeamDto })
  async create(@Body() body: CreateTeamDto): Promise<TeamDto> {
    return TeamDto.from(await this.teams.create(body));
  }

  @Get()
  @Roles('admin', 'scheduler', 'supervisor')
  @ApiOkResponse({ type: TeamPageDto })
  async list(
    @Query() query: ListTeamsQueryDto,
    @TeamScope() scope: ListScope,
  ): Promise<TeamPageDto> {
    const page = await this.teams.list(query, teamFilter(scope));
    return { ...page, items: page.items.map(TeamDto.from) };
  }

  @Get(':id')
  @Roles('admin', 'scheduler', 'supervisor')
  @ApiOkResponse({ type: TeamDto })
  async get(@Param('id', UuidParam) id: string): Promise<TeamDto> {
    return TeamDto.from(await this.teams.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, move to another site or deactivate (active: false) a team' })
  @ApiOkResponse({ type: TeamDto })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateTeamDto): Promise<TeamDto> {
    return TeamDto.from(await this.teams.update(id, body));
  }

  @Get(':id/settings')
  @Roles('admin', 'supervisor', 'scheduler')
  @ApiOperation({
    summary: "The team's operating settings (wrap-up, occupancy cap, routing order, stale limit)",
  })
  @ApiOkResponse({ type: TeamSettingsDto })
  async settings(@Param('id', UuidParam) id: string): Promise<TeamSettingsDto> {
    await this.teams.get(id);
    return this.teams.settingsFor(id);
  }

  @Put(':id/settings')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Change team settings (admins; supervisors for their own team)' })
  @ApiOkResponse({ type: TeamSettingsDto })
  updateSettings(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateTeamSettingsDto,
  ): Promise<TeamSettingsDto> {
    return this.teams.updateSettings(id, body);
  }
}
