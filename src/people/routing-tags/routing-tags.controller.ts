import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { RoutingTagDto, RoutingTagListDto } from './dto/routing-tag.dto';
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
    return { tags: (await this.tags.list()).map(({ tag, kind, label }) => ({ tag, kind, label })) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a dialect (BCP 47 tag) or skill (slug) to the catalog' })
  @ApiCreatedResponse({ type: RoutingTagDto })
  @ApiConflictResponse({ description: 'DUPLICATE_TAG', type: ErrorBodyDto })
  async create(@Body() body: RoutingTagDto): Promise<RoutingTagDto> {
    const { tag, kind, label } = await this.tags.create(body);
    return { tag, kind, label };
  }
}
