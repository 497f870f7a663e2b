import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { SuggestedSlotDto } from '../../counseling/dto/counselor.dto';

/** Every policy setting; in a PUT each is optional (unset ones keep their current value). */
export class PolicySettingsDto {
  @ApiPropertyOptional({
    example: true,
    default: true,
    description:
      'Whether a hostile call gives a recovery break. When false, hostile calls are still recorded, ' +
      'reported and alerted (and counselling offered), but the agent goes to wrap-up and back to ' +
      'work as after any call; the report then shows no full recoveries.',
  })
  @IsOptional()
  @IsBoolean()
  recoveryBreaksEnabled?: boolean;

  @ApiPropertyOptional({
    type: [Number],
    example: [5, 10, 15],
    description: 'Recovery minutes for severity 1, 2, 3',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  recoveryMinutesBySeverity?: [number, number, number];

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  escalationWindowMinutes?: number;
  @ApiPropertyOptional({
    example: 2,
    description: 'nth hostile call in the window alerts the supervisor',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  escalationAlertAt?: number;
  @ApiPropertyOptional({ example: 8, description: 'Length of a shift for counting hostile calls' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  shiftHours?: number;
  @ApiPropertyOptional({
    example: 3,
    description: 'nth hostile call in a shift: longer recovery and a counselling offer',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  counsellingOfferAt?: number;
  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  escalatedRecoveryMinutes?: number;
  @ApiPropertyOptional({
    example: 4,
    description: 'More hostile calls than this in a shift alerts the supervisor',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  hostileCallsAlertAbove?: number;
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  recoveryFloorMinutes?: number;
  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  recoveryMaximumMinutes?: number;
  @ApiPropertyOptional({ example: 55 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  microBreakAfterMinutes?: number;
  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  microBreakAfterCalls?: number;
  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  microBreakMinutes?: number;
  @ApiPropertyOptional({ example: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  teamBreakCapPercent?: number;
  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  dailyBreakAllowanceMinutes?: number;
  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(480)
  occupancyAlertMinutes?: number;
}

export class PolicyViewDto {
  @ApiProperty({ enum: ['site', 'team'] }) scope: 'site' | 'team';
  @ApiProperty({ format: 'uuid' }) scopeId: string;
  @ApiProperty({
    enum: ['team', 'site', 'default'],
    description: 'Where the effective policy comes from',
  })
  source: 'team' | 'site' | 'default';
  @ApiProperty({
    type: PolicySettingsDto,
    description: 'The effective policy, every setting filled in',
  })
  policy: PolicySettingsDto;
}

export class ReportHostileDto {
  @ApiProperty({ minimum: 1, maximum: 3 }) @IsInt() @Min(1) @Max(3) severity: number;
  @ApiPropertyOptional({
    description: 'Confidential free text: stored, never logged or audited',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class HostileReportResultDto {
  @ApiProperty() callId: string;
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty({ description: 'The call’s severity after this report' }) severity: number;
  @ApiProperty({ nullable: true, type: Number }) previousSeverity: number | null;
  @ApiProperty({
    description: 'Recovery minutes the policy grants for the call (0 when recovery breaks are off)',
  })
  recoveryMinutes: number;
}

export class ShortenRecoveryDto {
  @ApiProperty({
    description: 'New total length from the recovery’s start (≥ the policy floor)',
    example: 5,
  })
  @IsInt()
  @Min(0)
  @Max(120)
  totalMinutes: number;
  @ApiProperty({ description: 'Why (audited)', example: 'agent asked to return' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class ExtendRecoveryDto {
  @ApiProperty({
    description: 'Minutes to add (the total stays within the policy maximum)',
    example: 5,
  })
  @IsInt()
  @Min(1)
  @Max(120)
  minutes: number;
}

export class RecoveryViewDto {
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty() state: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional() until?: string;
  @ApiProperty() totalMinutes: number;
}

export class AlertsQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiPropertyOptional({ description: 'Include acknowledged alerts (default false)' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeAcknowledged?: boolean;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty({
    enum: [
      'escalation',
      'hostile_calls_in_shift',
      'occupancy_above_cap',
      'routed_during_protected_time',
    ],
  })
  kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() acknowledgedAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) acknowledgedBy?: string;
}

export class AlertListDto {
  @ApiProperty({ type: [AlertDto] }) alerts: AlertDto[];
}

export class OfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['counselling'] }) kind: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    type: [SuggestedSlotDto],
    description:
      'A few free counselling slots, computed when read (counsellors speaking one of the agent’s ' +
      'dialects first); book one with POST /v1/counseling/bookings',
  })
  suggestedSlots: SuggestedSlotDto[];
}

export class OfferListDto {
  @ApiProperty({ type: [OfferDto] }) offers: OfferDto[];
}

export class ReportQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiProperty({ example: '2026-11-23', description: 'A day in the site’s time zone' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;
}

export class DistributionBucketDto {
  @ApiProperty({ description: 'Hostile calls an agent had that day' }) hostileCalls: number;
  @ApiProperty({ description: 'How many agents had that many' }) agents: number;
}

export class WellbeingReportDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() date: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() hostileCalls: number;
  @ApiProperty({
    type: [DistributionBucketDto],
    description: 'Hostile calls per agent, without names',
  })
  hostileCallsPerAgent: DistributionBucketDto[];
  @ApiProperty() recoveryMinutesGranted: number;
  @ApiProperty({
    description: 'Hostile calls followed by a recovery at least as long as the severity requires',
  })
  hostileCallsWithFullRecovery: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Share (0..1) of hostile calls with a full recovery; should be 1 (0 for calls taken while the ' +
      'policy gave no recovery breaks)',
  })
  fullRecoveryShare: number | null;
  @ApiProperty() microBreaksGiven: number;
  @ApiProperty({
    description:
      'Hostile calls (by the calls they ended) whose recovery started, by the presence history, before the agent’s next call',
  })
  hostileCallsRecoveredBeforeNextCall: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Share (0..1) of the day’s hostile calls whose recovery started before the agent’s next call, measured ' +
      'from the presence history (not from the grants); null on a day without hostile calls',
  })
  recoveryBeforeNextCallShare: number | null;
}

export const BREAK_KINDS = ['rest', 'meal'] as const;

export class BookBreakDto {
  @ApiProperty({ example: '2026-11-23T10:30:00Z' })
  @IsDateString({ strict: true })
  startsAt: string;
  @ApiProperty({ minimum: 5, maximum: 60, example: 15 }) @IsInt() @Min(5) @Max(60) minutes: number;
  @ApiProperty({ enum: BREAK_KINDS }) @IsIn(BREAK_KINDS) kind: (typeof BREAK_KINDS)[number];
}

export class BreakDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty({ enum: BREAK_KINDS }) kind: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status: string;
}

export class BreakListQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Supervisors and admins: whose breaks (agents see their own)',
  })
  @IsOptional()
  @IsUUID()
  agentId?: string;
  @ApiPropertyOptional({ description: 'Only breaks ending after this time' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
}

export class BreakListDto {
  @ApiProperty({ type: [BreakDto] }) breaks: BreakDto[];
}

export class BreakWindowsQueryDto {
  @ApiProperty({ example: '2026-11-23T08:00:00Z' })
  @IsDateString({ strict: true })
  from: string;
  @ApiProperty({ example: '2026-11-24T09:00:00Z', description: 'After from, at most 7 days on' })
  @IsDateString({ strict: true })
  to: string;
}

export class BreakWindowDto {
  @ApiProperty({ description: 'A break may start from here …' }) startsFrom: string;
  @ApiProperty({ description: '… until (not including) here …' }) startsBefore: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '… and must end by here; null on a day without shifts (it may run past the day)',
  })
  endsBy: string | null;
}

export class BreakWindowsDto {
  @ApiProperty({ description: "The site's time zone, whose local days the windows follow" })
  timeZone: string;
  @ApiProperty({ type: [BreakWindowDto] }) windows: BreakWindowDto[];
}

export class BreakCapacityQueryDto {
  @ApiProperty({ description: 'Start of the break being considered' })
  @IsDateString({ strict: true })
  startsAt: string;
  @ApiProperty({ minimum: 1, maximum: 120 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  minutes: number;
}

export class BreakCapacityDto {
  @ApiProperty({ description: 'How many of the team may be on a self-booked break at once now' })
  cap: number;
  @ApiProperty() loggedInAgents: number;
  @ApiProperty({ description: 'Others of the team already booked in that time' })
  alreadyBooked: number;
  @ApiProperty({ description: 'Whether one more fits (the booking itself checks again)' })
  fits: boolean;
  @ApiProperty() allowanceMinutes: number;
  @ApiProperty({ description: 'Break minutes already booked that local day' }) usedMinutes: number;
}
