import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';
import { FigureWindowDto, WellbeingFiguresDto } from '../../forecasts/dto/forecast.dto';
import { ShrinkageBreakdownDto } from '../../staffing/dto/erlang.dto';

export class RequirementDto {
  @ApiProperty({ example: '2026-01-05T01:00:00Z', description: 'Interval start (on the grid)' })
  @IsISO8601({ strict: true })
  start: string;
  @ApiPropertyOptional({
    example: 'yue',
    description: 'Counts only agents with this dialect at proficiency ≥ 3',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  dialect?: string;
  @ApiProperty({ example: 12 }) @IsNumber() @Min(0) @Max(100_000) agents: number;
}

export class GenerateScheduleDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiProperty({ example: '2026-01-05', description: 'First local day (site time zone)' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be YYYY-MM-DD' })
  startDate: string;
  @ApiProperty({ example: 7, minimum: 1, maximum: 31 }) @IsInt() @Min(1) @Max(31) days: number;
  @ApiProperty({ example: 30 }) @IsInt() @IsIn([15, 30, 60]) intervalMinutes: number;
  @ApiPropertyOptional({
    type: [RequirementDto],
    description: "Omitted: requirements come from the team's forecast through staffing",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50_000)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements?: RequirementDto[];
}

export class GenerateAcceptedDto {
  @ApiProperty() scheduleId: string;
  @ApiProperty({ enum: ['solving'] }) status: 'solving';
}

export class BreakDto {
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['meal', 'rest'] }) kind: string;
}

export class ShiftDto {
  @ApiProperty() id: string;
  @ApiProperty() scheduleId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [BreakDto] }) breaks: BreakDto[];
}

export class CoverageDto {
  @ApiProperty() start: string;
  @ApiPropertyOptional() dialect?: string;
  @ApiProperty() required: number;
  @ApiProperty({
    description:
      'Whole agents working and not on break: an agent counts for the interval when its shift covers the whole interval and none of its breaks overlaps it (for a dialect row, only agents with the dialect at proficiency ≥ 3)',
  })
  scheduled: number;
}

export class ViolationDto {
  @ApiProperty({ example: 'REST_BETWEEN_SHIFTS' }) rule: string;
  @ApiProperty() agentId: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() at?: string;
}

export class DiagnosticReasonDto {
  @ApiProperty({
    enum: [
      'TEAM_TOO_SMALL',
      'NO_QUALIFIED_AGENTS',
      'DIALECT_TOO_FEW',
      'TIME_OFF_OVER_PEAK',
      'SHIFTS_UNASSIGNED',
      'NO_SCHEDULE',
      'HEADCOUNT_SHORT',
      'CONTRACT_TRIMMED',
      'SHORTFALL',
      'BREAKS_TAKE_WHOLE_INTERVALS',
      'TEMPLATES_MISS_DEMAND',
    ],
  })
  code: string;
  @ApiProperty({ example: 'The team is too small: the requirements need 858 agent-hours, ...' })
  message: string;
  @ApiPropertyOptional({ type: Object }) details?: Record<string, unknown>;
}

export class ShortfallFigureDto {
  @ApiProperty() requiredAgentIntervals: number;
  @ApiProperty({ description: 'Σ max(0, required − scheduled)' }) shortAgentIntervals: number;
  @ApiProperty({ description: 'short ÷ required' }) share: number;
}

export class ShortfallByDialectDto extends ShortfallFigureDto {
  @ApiProperty() dialect: string;
}

export class ShortfallByDayDto extends ShortfallFigureDto {
  @ApiProperty({ example: '2026-01-05', description: 'Local date, over every requirement row' })
  date: string;
}

export class ShortfallDto {
  @ApiProperty({ type: ShortfallFigureDto }) total: ShortfallFigureDto;
  @ApiProperty({ type: [ShortfallByDialectDto] }) byDialect: ShortfallByDialectDto[];
  @ApiProperty({ type: [ShortfallByDayDto] }) byDay: ShortfallByDayDto[];
}

export class PreferenceReportDto {
  @ApiProperty() shiftsOutsideStartWindow: number;
  @ApiProperty() shiftsOnPreferredDaysOff: number;
  @ApiProperty({ description: 'Σ over agents and weeks of (distinct start times − 1)' })
  extraStartTimes: number;
  @ApiProperty({ description: 'Max − min evening shifts (ending after 20:00 local) per agent' })
  eveningSpread: number;
  @ApiProperty({ description: 'Max − min weekend shifts per agent' }) weekendSpread: number;
}

/** Present from the moment the schedule is accepted (before solving); the rest once solved. */
export class ScheduleDiagnosticsDto {
  @ApiProperty({ description: 'Agent-hours the requirements need (per interval, the largest row)' })
  demandAgentHours: number;
  @ApiProperty({
    description:
      'Agent-hours the team can be on the phones at most while calls are asked for: contracts, site rules (or the team’s shift templates, their lengths and start times), published shifts and time off, less paid rest breaks',
  })
  capacityAgentHours: number;
  @ApiProperty({ type: [DiagnosticReasonDto] }) reasons: DiagnosticReasonDto[];
  @ApiPropertyOptional() solverStatus?: string;
  @ApiPropertyOptional({ type: [String], description: 'Agents who got no shift at all' })
  unassignedAgents?: string[];
  @ApiPropertyOptional({ type: ShortfallDto }) shortfall?: ShortfallDto;
  @ApiPropertyOptional({ type: PreferenceReportDto }) preferences?: PreferenceReportDto;
}

export class ScheduleDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty({ enum: ['solving', 'draft', 'published', 'failed'] }) status: string;
  @ApiPropertyOptional({ description: '0..1 while solving' }) progress?: number;
  @ApiPropertyOptional() objective?: number;
  @ApiPropertyOptional({
    description:
      'A proven lower bound on the objective: the LP relaxation, raised by what evening and weekend shifts must cost in fairness and in the start windows and days off they break (gap = (objective − lowerBound) / objective)',
  })
  lowerBound?: number;
  @ApiPropertyOptional() failureReason?: string;
  @ApiProperty() startDate: string;
  @ApiProperty() days: number;
  @ApiProperty() intervalMinutes: number;
  @ApiProperty({ type: [ShiftDto] }) shifts: ShiftDto[];
  @ApiProperty({ type: [CoverageDto] }) coverage: CoverageDto[];
  @ApiProperty({ type: [ViolationDto] }) violations: ViolationDto[];
  @ApiProperty({ type: ScheduleDiagnosticsDto }) diagnostics: ScheduleDiagnosticsDto;
}

export class ScheduleSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() status: string;
  @ApiProperty() startDate: string;
  @ApiProperty() days: number;
  @ApiPropertyOptional() objective?: number;
  @ApiPropertyOptional() lowerBound?: number;
}

export class SchedulePageDto {
  @ApiProperty({ type: [ScheduleSummaryDto] }) items: ScheduleSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListSchedulesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
}

export class EditBreakDto {
  @ApiProperty() @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ enum: ['meal', 'rest'] }) @IsIn(['meal', 'rest']) kind: 'meal' | 'rest';
}

export class EditShiftDto {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Give the shift to another agent' })
  @IsOptional()
  @IsUUID()
  agentId?: string;
  @ApiPropertyOptional({
    type: [EditBreakDto],
    description: 'Omitted while times change: breaks are placed again',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EditBreakDto)
  breaks?: EditBreakDto[];
}

export class EditShiftQueryDto {
  @ApiPropertyOptional({
    description:
      'true: check every rule and answer the shift as it would be (breaks placed), saving nothing',
  })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  dryRun?: boolean;
}

export class AgentShiftsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class ShiftPageDto {
  @ApiProperty({ type: [ShiftDto] }) items: ShiftDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RequirementsPreviewQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiProperty({ example: '2026-01-05' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be YYYY-MM-DD' })
  startDate: string;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(31) days: number;
  @ApiProperty() @Type(() => Number) @IsInt() @IsIn([15, 30, 60]) intervalMinutes: number;
}

export class RequirementRowDto {
  @ApiProperty() start: string;
  @ApiPropertyOptional() dialect?: string;
  @ApiProperty({ description: 'Agents to roster: ceil(rawAgents / (1 − shrinkage.total))' })
  agents: number;
  @ApiProperty({
    description: 'Working agents: what Erlang C needs for the target, plus callbackAgents',
  })
  rawAgents: number;
  @ApiProperty({
    example: 0,
    description:
      "Whole agents of rawAgents for the team's callback work in the interval (callbacks × attempts × handle time ÷ interval, at the occupancy limit); 0 without callbacks and on dialect rows",
  })
  callbackAgents: number;
  @ApiProperty({ type: ShrinkageBreakdownDto }) shrinkage: ShrinkageBreakdownDto;
}

export class BaseShrinkageFigureDto {
  @ApiProperty({ example: 0.3 }) value: number;
  @ApiProperty({ enum: ['setting'] }) source: 'setting';
}

export class PlanningShrinkageDto {
  @ApiProperty({ type: BaseShrinkageFigureDto }) base: BaseShrinkageFigureDto;
  @ApiProperty({
    type: WellbeingFiguresDto,
    description:
      'The wellbeing figures (hostile call rate, recovery minutes per hostile call) and where each came from',
  })
  wellbeing: WellbeingFiguresDto;
}

export class MaxOccupancyFigureDto {
  @ApiProperty({ example: 0.85 }) value: number;
  @ApiProperty({
    enum: ['setting', 'team-cap'],
    description: "setting: the team's planning setting; team-cap: the team's occupancy cap",
  })
  source: 'setting' | 'team-cap';
}

export class StaffingWarningDto {
  @ApiProperty({ enum: ['SHRINKAGE_CAPPED'] }) code: 'SHRINKAGE_CAPPED';
  @ApiProperty() message: string;
  @ApiProperty() intervals: number;
  @ApiProperty() worstUncappedTotal: number;
}

export class CallbackAttemptsFigureDto {
  @ApiProperty({ example: 1.5 }) value: number;
  @ApiProperty({
    enum: ['history', 'default'],
    description: 'history: mean attempts of the callbacks attempted; default: 1 (none attempted)',
  })
  source: 'history' | 'default';
}

export class CallbackHandleFigureDto {
  @ApiProperty({ example: 240, type: Number, nullable: true }) value: number | null;
  @ApiProperty({
    enum: ['history', 'inbound-aht'],
    description:
      "history: mean recorded duration of the callbacks' calls; inbound-aht: none recorded, each interval's forecast AHT is used (value null)",
  })
  source: 'history' | 'inbound-aht';
}

export class ForecastCallbackFiguresDto {
  @ApiProperty({ description: 'Callbacks of the team whose window started in the window' })
  callbacks: number;
  @ApiProperty({ type: FigureWindowDto }) window: FigureWindowDto;
  @ApiProperty({ type: CallbackAttemptsFigureDto }) attemptsPerCallback: CallbackAttemptsFigureDto;
  @ApiProperty({ type: CallbackHandleFigureDto })
  handleSecondsPerAttempt: CallbackHandleFigureDto;
}

export class RequirementsPreviewDto {
  @ApiProperty({ type: [RequirementRowDto] }) requirements: RequirementRowDto[];
  @ApiProperty({ type: PlanningShrinkageDto }) shrinkage: PlanningShrinkageDto;
  @ApiProperty({ type: MaxOccupancyFigureDto, description: 'The occupancy limit staffing used' })
  maxOccupancy: MaxOccupancyFigureDto;
  @ApiPropertyOptional({
    type: ForecastCallbackFiguresDto,
    description:
      "The team's recent callbacks behind callbackAgents (absent when it had none): per interval of the site-local week by window start, averaged over the window's weeks",
  })
  callbacks?: ForecastCallbackFiguresDto;
  @ApiProperty({
    type: [StaffingWarningDto],
    description: 'What staffing could not honour (e.g. shrinkage above 0.95, cut to it)',
  })
  warnings: StaffingWarningDto[];
}
