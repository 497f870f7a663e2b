import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { RoutingTag } from '../routing-tag.entity';

export class RoutingTagDto {
  @ApiProperty({
    example: 'cmn-x-wuhan',
    description: 'BCP 47 language tag (dialects) or lowercase slug (skills)',
  })
  @IsString()
  @Length(1, 40)
  tag: string;
  @ApiProperty({ enum: ['dialect', 'skill'] }) @IsIn(['dialect', 'skill']) kind:
    'dialect' | 'skill';
  @ApiProperty({ example: 'Wuhan' }) @IsString() @Length(1, 100) label: string;
}

export class UpdateRoutingTagDto {
  @ApiPropertyOptional({ example: 'Wuhan dialect' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  label?: string;
  @ApiPropertyOptional({
    description:
      'true retires the tag: agents who have it keep it and calls still route by it, but it can no longer be given to an agent; false brings it back',
  })
  @IsOptional()
  @IsBoolean()
  retired?: boolean;
}

export class RoutingTagViewDto extends RoutingTagDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the tag was retired (no longer assigned); null while in use',
  })
  retiredAt: string | null;

  static from(t: RoutingTag): RoutingTagViewDto {
    return {
      tag: t.tag,
      kind: t.kind,
      label: t.label,
      retiredAt: t.retiredAt ? t.retiredAt.toISOString() : null,
    };
  }
}

export class RoutingTagListDto {
  @ApiProperty({ type: [RoutingTagViewDto] }) tags: RoutingTagViewDto[];
}
