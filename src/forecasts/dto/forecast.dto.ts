import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ForecastIntervalDto {
  @ApiProperty({ example: '2026-01-05T01:00:00Z' }) @IsISO8601({ strict: true }) start: string;
  @ApiPropertyOptional({ example: 'yue', description: "Omitted: the team's whole traffic" })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  dialect?: string;
  @ApiProperty({ example: 120 }) @IsNumber() @Min(0) @Max(1_000_000) calls: number;
  @ApiProperty({ example: 180 }) @IsNumber() @Min(1) @Max(36_000) ahtSeconds: number;
}

/** Either `intervals` (JSON) or `csv` (text with header start,dialect?,calls,ahtSeconds). */
export class UploadForecastDto {
  @ApiProperty({ example: 30 }) @IsInt() @IsIn([15, 30, 60]) intervalMinutes: number;
  @ApiPropertyOptional({ type: [ForecastIntervalDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => ForecastIntervalDto)
  intervals?: ForecastIntervalDto[];
  @ApiPropertyOptional({
    description:
      'CSV text: header `start,calls,ahtSeconds` (optional `dialect` column), one interval a line',
    example: 'start,dialect,calls,ahtSeconds\n2026-01-05T01:00:00Z,,120,180',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  csv?: string;
}

export class ForecastQueryDto {
  @ApiProperty() @IsISO8601({ strict: true }) from: string;
  @ApiProperty() @IsISO8601({ strict: true }) to: string;
}

export class ForecastDto {
  @ApiProperty() teamId: string;
  @ApiProperty({ type: [ForecastIntervalDto] }) intervals: Array<
    ForecastIntervalDto & { intervalMinutes: number }
  >;
}

export class UploadResultDto {
  @ApiProperty() stored: number;
}

export class PlanningSettingsDto {
  @ApiProperty({ example: 0.8 }) @IsNumber() @Min(0.01) @Max(0.9999) targetServiceLevel: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) @Max(3600) targetAnswerSeconds: number;
  @ApiProperty({ example: 0.3 }) @IsNumber() @Min(0) @Max(0.9) shrinkage: number;
  @ApiPropertyOptional({ example: 0.85, nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(1)
  maxOccupancy?: number | null;
  @ApiProperty({ example: 0.05, description: 'Share of calls that are hostile' })
  @IsNumber()
  @Min(0)
  @Max(1)
  hostileCallRate: number;
  @ApiProperty({ example: 7, description: 'Enforced recovery minutes per hostile call' })
  @IsNumber()
  @Min(0)
  @Max(240)
  recoveryMinutesPerHostileCall: number;
}

export class ForecastFromHistoryDto {
  @ApiProperty({ example: '2026-02-02', description: 'First local day to forecast' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be YYYY-MM-DD' })
  startDate: string;
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(31) days: number;
  @ApiProperty({ example: 30 }) @IsInt() @IsIn([15, 30, 60]) intervalMinutes: number;
  @ApiPropertyOptional({ example: 4, default: 4, description: 'Past weeks to weigh (newest most)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  weeks?: number;
}
