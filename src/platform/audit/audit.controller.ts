import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Roles } from '../auth/decorators';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { AuditService } from './audit.service';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'recovery.shortened' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ description: 'user id, api-key:<id>, or system' }) actor: string;
  @ApiProperty({ example: 'recovery.enforced' }) action: string;
  @ApiProperty({ example: 'agent' }) subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description:
      'Enforced breaks, overrides (who, why) and policy changes; and who changed access: logins created ' +
      '(`user.created`, with roles and team), roles, team or sign-in changed (`user.access_changed`, ' +
      'each field with `from` and `to`), passwords set (`user.password_reset` by an admin, ' +
      '`user.password_changed` by their owner), router keys issued and revoked (`api_key.*`) and ' +
      'schedules published (`schedule.published`, on the team). Never notes, counselling details, ' +
      'emails, passwords or keys.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }
}
