import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, TeamScope, teamFilter } from '../../platform/auth/decorators';
import type { ListScope } from '../../platform/auth/authorization-decision';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { PageQueryDto } from '../../platform/common/pagination/page-query.dto';
import { CreateSiteDto, SiteDto, SitePageDto, UpdateSiteDto } from './dto/site.dto';
import { SitesService } from './sites.service';

@ApiTags('people')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a site (a call-centre location with its time zone)' })
  @ApiCreatedResponse({ type: SiteDto })
  async create(@Body() body: CreateSiteDto): Promise<SiteDto> {
    return SiteDto.from(await this.sites.create(body));
  }

  @Get()
  @Roles('admin', 'scheduler', 'supervisor')
  @ApiOkResponse({ type: SitePageDto })
  async list(@Query() query: PageQueryDto, @TeamScope() scope: ListScope): Promise<SitePageDto> {
    const page = await this.sites.list(query, teamFilter(scope));
    return { ...page, items: page.items.map(SiteDto.from) };
  }

  @Get(':id')
  @Roles('admin', 'scheduler', 'supervisor')
  @ApiOkResponse({ type: SiteDto })
  async get(@Param('id', UuidParam) id: string): Promise<SiteDto> {
    return SiteDto.from(await this.sites.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, change the time zone, or deactivate (active: false) a site' })
  @ApiOkResponse({ type: SiteDto })
  async update(@Param('id', UuidParam) id: string, @Body() body: UpdateSiteDto): Promise<SiteDto> {
    return SiteDto.from(await this.sites.update(id, body));
  }
}
