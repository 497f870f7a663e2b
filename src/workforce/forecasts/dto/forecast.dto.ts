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
  @ApiPropertyOptional({
    example: 0.85,
    nullable: true,
    type: Number,
    description:
      "Staffing's occupancy limit; unset = the team's occupancy cap (team settings, 0.85 by default)",
  })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(1)
  maxOccupancy?: number | null;
  @ApiProperty({
    example: 0.05,
    description:
      'Share of calls that are hostile: the fallback when the team has no answered calls in the last wellbeingHistoryWeeks (planning uses the observed share otherwise)',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  hostileCallRate: number;
  @ApiProperty({
    example: 7,
    description:
      "Enforced recovery minutes per hostile call: the fallback when no hostile call was seen in the last wellbeingHistoryWeeks (planning weighs the team's wellbeing policy by the observed severity mix otherwise)",
  })
  @IsNumber()
  @Min(0)
  @Max(240)
  recoveryMinutesPerHostileCall: number;
  @ApiPropertyOptional({
    example: 4,
    default: 4,
    description: 'Weeks of call history the wellbeing figures are observed over',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  wellbeingHistoryWeeks?: number;
}

export class HostileRateFigureDto {
  @ApiProperty({ example: 0.04 }) value: number;
  @ApiProperty({
    enum: ['history', 'setting'],
    description:
      "history: the window's hostile calls blended with the team's stored setting, which counts as settingWeightCalls answered calls: (hostileCalls + settingWeightCalls × setting) ÷ (answeredCalls + settingWeightCalls), so a new team's first few calls do not decide it; setting: the stored planning setting (no answered call in the window)",
  })
  source: 'history' | 'setting';
  @ApiProperty() answeredCalls: number;
  @ApiProperty() hostileCalls: number;
  @ApiPropertyOptional({
    example: 0.1,
    description: 'hostileCalls ÷ answeredCalls, before the blend (history only)',
  })
  observedRate?: number;
  @ApiPropertyOptional({
    example: 100,
    description:
      'How many answered calls the stored setting counts for in the blend (history only)',
  })
  settingWeightCalls?: number;
}

export class RecoveryMinutesFigureDto {
  @ApiProperty({ example: 7.5 }) value: number;
  @ApiProperty({
    enum: ['history', 'setting'],
    description:
      "history: the minutes the team's wellbeing policy granted per recovery (escalations included), or its minutes by severity weighted by the observed mix when nothing was granted; setting: the stored planning setting",
  })
  source: 'history' | 'setting';
  @ApiPropertyOptional({ type: [Number], description: 'Hostile calls seen by severity 1, 2, 3' })
  severityMix?: [number, number, number];
  @ApiPropertyOptional({ type: [Number], description: "The policy's minutes for severity 1, 2, 3" })
  recoveryMinutesBySeverity?: [number, number, number];
  @ApiPropertyOptional({
    enum: ['grants', 'severity-mix'],
    description:
      'grants: the mean minutes the policy granted per recovery (escalations included); severity-mix: the policy minutes by the observed severity mix (no grants)',
  })
  basis?: 'grants' | 'severity-mix';
  @ApiPropertyOptional({ description: 'Recovery breaks granted in the window' }) grants?: number;
  @ApiPropertyOptional({ description: 'Of them, escalated above the severity minutes' })
  escalatedGrants?: number;
}

export class FigureWindowDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() weeks: number;
}

/** The wellbeing figures planning adds as shrinkage, and where each came from. */
export class WellbeingFiguresDto {
  @ApiProperty({ type: HostileRateFigureDto }) hostileCallRate: HostileRateFigureDto;
  @ApiProperty({ type: RecoveryMinutesFigureDto })
  recoveryMinutesPerHostileCall: RecoveryMinutesFigureDto;
  @ApiProperty({ type: FigureWindowDto }) window: FigureWindowDto;
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
  @ApiPropertyOptional({
    example: ['yue', 'cmn-x-wuhan'],
    description:
      'Also build a forecast per dialect from the calls whose routing reservation asked for it (the team-wide forecast is always built)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  dialects?: string[];
}
