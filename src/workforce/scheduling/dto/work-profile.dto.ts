import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class WeeklyUnavailabilityDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;
  @ApiProperty({ example: '18:00', description: 'Local time' })
  @Matches(HHMM, { message: 'start must be HH:MM' })
  start: string;
  @ApiProperty({
    example: '24:00',
    description: 'Local time; at or before start runs past midnight',
  })
  @Matches(HHMM_OR_24, { message: 'end must be HH:MM or 24:00' })
  end: string;
}

export class StartWindowDto {
  @ApiProperty({ example: '07:00' })
  @Matches(HHMM, { message: 'earliest must be HH:MM' })
  earliest: string;
  @ApiProperty({ example: '10:00' })
  @Matches(HHMM, { message: 'latest must be HH:MM' })
  latest: string;
}

/** PUT body: replaces the agent's contract and preferences (omitted = none). */
export class PutWorkProfileDto {
  @ApiPropertyOptional({
    example: 20,
    description: 'Contract: at least these paid hours a week (soft)',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(168)
  minWeeklyHours?: number;
  @ApiPropertyOptional({
    example: 24,
    description: 'Contract: at most these paid hours a week (hard)',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(168)
  maxWeeklyHours?: number;
  @ApiPropertyOptional({
    type: [WeeklyUnavailabilityDto],
    description: 'Recurring weekly times the agent cannot work (hard)',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyUnavailabilityDto)
  unavailability?: WeeklyUnavailabilityDto[];
  @ApiPropertyOptional({ type: StartWindowDto, description: 'Preferred shift starts (soft)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StartWindowDto)
  preferredStartWindow?: StartWindowDto;
  @ApiPropertyOptional({
    type: [Number],
    example: [6, 7],
    description: 'ISO weekdays preferred off (soft)',
  })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  preferredDaysOff?: number[];
}

export class WorkProfileDto {
  @ApiProperty() agentId: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) minWeeklyHours: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxWeeklyHours: number | null;
  @ApiProperty({ type: [WeeklyUnavailabilityDto] }) unavailability: WeeklyUnavailabilityDto[];
  @ApiPropertyOptional({ type: StartWindowDto, nullable: true })
  preferredStartWindow: StartWindowDto | null;
  @ApiProperty({ type: [Number] }) preferredDaysOff: number[];
}

export class ShiftTemplateDto {
  @ApiProperty({ example: '08:00', description: 'Local start' })
  @Matches(HHMM, { message: 'start must be HH:MM' })
  start: string;
  @ApiProperty({ example: 480, minimum: 30, maximum: 1440 })
  @IsInt()
  @Min(30)
  @Max(1440)
  minutes: number;
}

export class ShiftSettingsDto {
  @ApiProperty({ type: [ShiftTemplateDto], description: 'The only shifts to plan; empty = any' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ShiftTemplateDto)
  shiftTemplates: ShiftTemplateDto[];
  @ApiProperty({ description: 'Prefer one start time per agent across the week (soft)' })
  @IsBoolean()
  consistentStartTimes: boolean;
}
