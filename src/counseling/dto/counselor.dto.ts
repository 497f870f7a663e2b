import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone } from '../../platform/common/time/is-time-zone.decorator';
import { PageQueryDto } from '../../platform/common/pagination/page-query.dto';

const CLOCK_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateCounselorDto {
  @ApiProperty({ example: 'counsellor@example.com' }) @IsEmail() email: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) password: string;
  @ApiProperty({ example: 'Dr Li Na' }) @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: 'IANA zone the weekly hours are written in',
  })
  @IsTimeZone()
  timeZone: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['cmn', 'cmn-x-wuhan'],
    description: 'Dialect tags from the routing-tag catalog (unknown → 400 UNKNOWN_TAG)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  languages?: string[];
}

export class WeeklyRuleDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;
  @ApiProperty({ example: '09:00', description: 'Local time in the counsellor’s zone' })
  @Matches(CLOCK_TIME, { message: 'start must be HH:MM' })
  start: string;
  @ApiProperty({ example: '17:00', description: 'After start; 24:00 = end of the day' })
  @Matches(CLOCK_TIME, { message: 'end must be HH:MM' })
  end: string;
}

export class DateOverrideDto {
  @ApiProperty({ example: '2026-02-17', description: 'Local date in the counsellor’s zone' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;
  @ApiPropertyOptional({ description: 'A day off: the weekly hours of this date do not apply' })
  @IsOptional()
  @IsBoolean()
  off?: boolean;
  @ApiPropertyOptional({ example: '18:00', description: 'Extra hours this date (with end)' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'start must be HH:MM' })
  start?: string;
  @ApiPropertyOptional({ example: '20:00' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'end must be HH:MM' })
  end?: string;
}

export class AvailabilityDto {
  @ApiProperty({ type: [WeeklyRuleDto], description: 'Replaces the weekly hours' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRuleDto)
  weekly: WeeklyRuleDto[];
  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  bufferMinutes?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 20160, default: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20160)
  minimumNoticeMinutes?: number;
  @ApiPropertyOptional({ type: [Number], example: [30, 50], default: [30, 50] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(10, { each: true })
  @Max(240, { each: true })
  sessionMinutes?: number[];
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  bookingWindowDays?: number;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 48,
    default: 6,
    description: 'Sessions per local day',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(48)
  dailyMaximum?: number;
  @ApiPropertyOptional({
    type: [DateOverrideDto],
    description: 'Replaces the date overrides when given (days off, extra hours)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => DateOverrideDto)
  overrides?: DateOverrideDto[];
}

export class CounselorDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [Number] }) sessionMinutes: number[];
  @ApiProperty() bufferMinutes: number;
  @ApiProperty() minimumNoticeMinutes: number;
  @ApiProperty() bookingWindowDays: number;
  @ApiProperty() dailyMaximum: number;
  @ApiProperty({ type: [WeeklyRuleDto] }) weekly: WeeklyRuleDto[];
  @ApiProperty({ type: [DateOverrideDto] }) overrides: DateOverrideDto[];
}

export class CounselorPageDto {
  @ApiProperty({ type: [CounselorDto] }) items: CounselorDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListCounselorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'cmn-x-wuhan', description: 'Only counsellors speaking this' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  language?: string;
}

export class SlotsQueryDto {
  @ApiPropertyOptional({ description: 'Default: now' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Default: from + 7 days (at most 62 days are searched)' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'Session length; default: the first length offered' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;
}

export class SlotDto {
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class SlotsDto {
  @ApiProperty({ type: [SlotDto] }) slots: SlotDto[];
}

export class SuggestedSlotDto extends SlotDto {
  @ApiProperty() counselorId: string;
  @ApiProperty() counselorName: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ type: [String] }) languages: string[];
}

export class SuggestedSlotsDto {
  @ApiProperty({ type: [SuggestedSlotDto] }) slots: SuggestedSlotDto[];
}

export class SuggestedSlotsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  count?: number;
  @ApiPropertyOptional({ description: 'Default: now' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
}
