import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import {
  RoutingTagDto,
  RoutingTagListDto,
  RoutingTagViewDto,
  UpdateRoutingTagDto,
} from './dto/routing-tag.dto';
import { RoutingTagsService } from './routing-tags.service';

@ApiTags('routing-tags')
@Controller('routing-tags')
export class RoutingTagsController {
  constructor(private readonly tags: RoutingTagsService) {}

  @Get()
  @Roles('admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router')
  @ApiOperation({ summary: 'The dialect and skill catalog' })
  @ApiOkResponse({ type: RoutingTagListDto })
  async list(): Promise<RoutingTagListDto> {
    return { tags: (await this.tags.list()).map(RoutingTagViewDto.from) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a dialect (BCP 47 tag) or skill (slug) to the catalog' })
  @ApiCreatedResponse({ type: RoutingTagViewDto })
  @ApiConflictResponse({ description: 'DUPLICATE_TAG', type: ErrorBodyDto })
  async create(@Body() body: RoutingTagDto): Promise<RoutingTagViewDto> {
    return RoutingTagViewDto.from(await this.tags.create(body));
  }

  @Patch(':tag')
  @Roles('admin')
  @ApiOperation({
    summary: 'Relabel a tag, or retire it (kept by agents who have it, never given anew)',
  })
  @ApiOkResponse({ type: RoutingTagViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorBodyDto })
  async update(
    @Param('tag') tag: string,
    @Body() body: UpdateRoutingTagDto,
  ): Promise<RoutingTagViewDto> {
    return RoutingTagViewDto.from(await this.tags.update(tag, body));
  }
}
