import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsTimeZone } from '../../../platform/common/time/is-time-zone.decorator';
import type { Site } from '../site.entity';

export class CreateSiteDto {
  @ApiProperty({ example: 'Wuhan Optics Valley' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    default: 'Asia/Shanghai',
    description: 'IANA time zone',
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class UpdateSiteDto extends PartialType(CreateSiteDto) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class SiteDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;

  static from(s: Site): SiteDto {
    return { id: s.id, name: s.name, timeZone: s.timeZone, active: s.active };
  }
}

export class SitePageDto {
  @ApiProperty({ type: [SiteDto] }) items: SiteDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
