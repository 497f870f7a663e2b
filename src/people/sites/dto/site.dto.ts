import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone } from '../../../platform/common/time/is-time-zone.decorator';
import type { OpeningHoursEntry } from '../domain/opening-hours';
import type { Site } from '../site.entity';

const OPEN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

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

export class OpeningHoursEntryDto implements OpeningHoursEntry {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;
  @ApiProperty({ example: '09:00', description: 'Local time in the site’s zone (HH:mm)' })
  @Matches(OPEN_TIME, { message: 'open must be HH:mm (00:00-23:59)' })
  open: string;
  @ApiProperty({
    example: '18:00',
    description:
      'Local time (HH:mm); 24:00 = the end of the day; at or before open = past midnight into the next day',
  })
  @Matches(CLOSE_TIME, { message: 'close must be HH:mm (00:00-24:00)' })
  close: string;
}

export class UpdateSiteDto extends PartialType(CreateSiteDto) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    type: [OpeningHoursEntryDto],
    nullable: true,
    description:
      'Replaces the weekly opening hours (in the site’s time zone); null = always open. Callbacks are promised and offered only while the site of their team is open',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'openingHours needs at least one entry (null = always open)' })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursEntryDto)
  openingHours?: OpeningHoursEntryDto[] | null;
}

export class SiteDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;
  @ApiProperty({
    type: [OpeningHoursEntryDto],
    nullable: true,
    description: 'Weekly opening hours in timeZone; null = always open',
  })
  openingHours: OpeningHoursEntryDto[] | null;

  static from(s: Site): SiteDto {
    return {
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      active: s.active,
      openingHours: s.openingHours
        ? s.openingHours.map((e) => ({ weekday: e.weekday, open: e.open, close: e.close }))
        : null,
    };
  }
}

export class SitePageDto {
  @ApiProperty({ type: [SiteDto] }) items: SiteDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
