import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';
import { CoverageChangeDto, RemovedShiftDto } from './open-shift.dto';

/** Every labour rule is optional here: omitted ones keep their defaults. */
export class LabourRulesDto {
  @ApiPropertyOptional({ example: 240 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(1440)
  minShiftMinutes?: number;
  @ApiPropertyOptional({ example: 540 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(1440)
  maxShiftMinutes?: number;
  @ApiPropertyOptional({ example: 480 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(1440)
  maxDailyWorkMinutes?: number;
  @ApiPropertyOptional({ example: 2400 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(10080)
  maxWeeklyWorkMinutes?: number;
  @ApiPropertyOptional({ example: 2160 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(44640)
  maxMonthlyOvertimeMinutes?: number;
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7)
  minDaysOffPerWeek?: number;
  @ApiPropertyOptional({ example: 660 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2880)
  minRestMinutesBetweenShifts?: number;
  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  maxConsecutiveWorkDays?: number;
  @ApiPropertyOptional({ example: 360 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  mealBreakAfterShiftMinutes?: number;
  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  mealBreakMinMinutes?: number;
  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  mealBreakMaxMinutes?: number;
  @ApiPropertyOptional({ example: 180 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  mealBreakEarliestStartMinutes?: number;
  @ApiPropertyOptional({ example: 300 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  mealBreakLatestStartMinutes?: number;
  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  restBreakMinutes?: number;
  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(1440)
  restBreakPerWorkedMinutes?: number;
  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  solverTimeLimitSeconds?: number;
}

export class CreateTimeOffDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() agentId: string;
  @ApiProperty({
    enum: ['time_off', 'unavailable'],
    description: 'time_off waits for a scheduler; unavailable (declared) takes effect at once',
  })
  @IsIn(['time_off', 'unavailable'])
  kind: 'time_off' | 'unavailable';
  @ApiProperty() @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class TimeOffDto {
  @ApiProperty() id: string;
  @ApiProperty() agentId: string;
  @ApiProperty({ enum: ['time_off', 'unavailable'] }) kind: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({
    enum: ['pending', 'approved', 'denied', 'withdrawn'],
    description: 'withdrawn: the agent took a pending request back',
  })
  status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The scheduler's reason for a denial",
  })
  decisionReason: string | null;
}

export class DenyTimeOffDto {
  @ApiPropertyOptional({ description: 'Shown to the agent' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** An approval also names the published shifts it removed and the coverage they cost. */
export class TimeOffDecisionDto extends TimeOffDto {
  @ApiPropertyOptional({ type: [RemovedShiftDto] }) removedShifts?: RemovedShiftDto[];
  @ApiPropertyOptional({ type: [CoverageChangeDto] }) coverageEffect?: CoverageChangeDto[];
}

export class TimeOffPageDto {
  @ApiProperty({ type: [TimeOffDto] }) items: TimeOffDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListTimeOffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agentId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'denied', 'withdrawn'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'denied', 'withdrawn'])
  status?: 'pending' | 'approved' | 'denied' | 'withdrawn';
}

export class OfferSwapDto {
  @ApiProperty({ format: 'uuid', description: 'A published shift of the calling agent' })
  @IsUUID()
  shiftId: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A trade: the colleague's published shift wanted in return (the colleague accepts, a scheduler approves)",
  })
  @IsOptional()
  @IsUUID()
  counterShiftId?: string;
}

export class SwapDto {
  @ApiProperty() id: string;
  @ApiProperty() shiftId: string;
  @ApiProperty() offeredBy: string;
  @ApiPropertyOptional({ nullable: true, type: String }) acceptedBy: string | null;
  @ApiProperty({ enum: ['open', 'proposed', 'accepted', 'completed', 'cancelled', 'rejected'] })
  status: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [String], description: 'Dialects the taker needs at proficiency ≥ 3' })
  requiredDialects: string[];
  @ApiPropertyOptional({ description: 'Trades: the shift given in return' })
  counterShiftId?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) counterAgentId?: string | null;
  @ApiPropertyOptional() counterStartsAt?: string;
  @ApiPropertyOptional() counterEndsAt?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The scheduler user who approved the trade',
  })
  approvedBy?: string | null;
}

export class SwapPageDto {
  @ApiProperty({ type: [SwapDto] }) items: SwapDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListSwapsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'proposed', 'accepted', 'completed', 'cancelled', 'rejected'],
  })
  @IsOptional()
  @IsIn(['open', 'proposed', 'accepted', 'completed', 'cancelled', 'rejected'])
  status?: 'open' | 'proposed' | 'accepted' | 'completed' | 'cancelled' | 'rejected';
}

export class AcceptSwapDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Schedulers may accept on behalf of an agent',
  })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

export class AdherenceQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiProperty() @IsISO8601({ strict: true }) from: string;
  @ApiProperty() @IsISO8601({ strict: true }) to: string;
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn([15, 30, 60])
  intervalMinutes?: number;
}

export class AdherenceRowDto {
  @ApiProperty() agentId: string;
  @ApiProperty() start: string;
  @ApiProperty() scheduledMinutes: number;
  @ApiProperty() adherentMinutes: number;
  @ApiProperty({ nullable: true, type: Number }) adherence: number | null;
}

export class AdherenceDto {
  @ApiProperty({ type: [AdherenceRowDto] }) items: AdherenceRowDto[];
}

export class LiveAdherenceQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
}

export class OutOfAdherenceDto {
  @ApiProperty() agentId: string;
  @ApiProperty({ enum: ['work', 'break'] }) expected: string;
  @ApiProperty({ description: 'Current presence state (private sessions show as not_ready)' })
  state: string;
  @ApiProperty() since: string;
}

export class LiveAdherenceDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [OutOfAdherenceDto] }) outOfAdherence: OutOfAdherenceDto[];
}
