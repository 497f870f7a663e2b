import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  DialectField,
  MinProficiencyField,
  PrintableIdField,
  SkillsField,
} from '../../call-criteria.dto';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';

export const CALLBACK_STATUSES = [
  'scheduled',
  'queued',
  'offered',
  'connected',
  'reached',
  'wrong_number',
  'missed',
] as const;
export const CALLBACK_RESULTS = ['reached', 'no_answer', 'busy', 'wrong_number'] as const;

export class ScheduleCallbackDto {
  @ApiProperty({
    maxLength: 200,
    example: 'ivr-7f3a9c',
    description: 'The router’s id, idempotent',
  })
  @PrintableIdField('callbackId', 200)
  callbackId: string;
  @ApiProperty({
    maxLength: 200,
    description: 'Opaque caller reference; stored only as a keyed hash (the hostile-caller rule)',
  })
  @IsString()
  @Length(1, 200)
  callerRef: string;
  @ApiProperty({
    maxLength: 200,
    description:
      'What the agent dials. Stored encrypted (AES-256-GCM), erased when the callback closes, never logged',
  })
  @IsString()
  @Length(1, 200)
  dialTarget: string;
  @DialectField('yue')
  dialect?: string;
  @MinProficiencyField()
  minProficiency?: number;
  @SkillsField()
  skills?: string[];
  @ApiProperty({
    example: '2026-11-23T14:00:00Z',
    description: 'Not called before (not in the past)',
  })
  @IsDateString({ strict: true })
  notBefore: string;
  @ApiProperty({
    example: '2026-11-23T16:00:00Z',
    description: 'Called by then, else missed; after notBefore and at most 7 days ahead',
  })
  @IsDateString({ strict: true })
  notAfter: string;
}

export class CallbackOutcomeDto {
  @ApiProperty({ enum: CALLBACK_RESULTS })
  @IsIn(CALLBACK_RESULTS)
  result: (typeof CALLBACK_RESULTS)[number];
}

export class CallbackReservationDto {
  @ApiProperty() reservationId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() externalId: string;
  @ApiPropertyOptional() contact?: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ enum: ['callback'] }) kind: 'callback';
  @ApiProperty({ description: 'The number (or address) the agent dials' }) dialTarget: string;
}

export class CallbackWindowDto {
  @ApiProperty() notBefore: string;
  @ApiProperty() notAfter: string;
}

export class CallbackStateDto {
  @ApiProperty() callbackId: string;
  @ApiProperty({
    enum: CALLBACK_STATUSES,
    description:
      'scheduled (before notBefore or a retry), queued, offered, connected, then reached | wrong_number | missed',
  })
  status: string;
  @ApiProperty({ type: CallbackWindowDto }) window: CallbackWindowDto;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'Whether a person (an agent) has tried to call back yet' })
  personHasTried: boolean;
  @ApiPropertyOptional({ enum: ['reached', 'no_answer', 'busy', 'wrong_number'] })
  lastResult?: string;
  @ApiPropertyOptional({ description: 'When it is next offered, while waiting for a retry' })
  nextAttemptAt?: string;
  @ApiPropertyOptional() dialect?: string;
  @ApiPropertyOptional({ type: CallbackReservationDto, description: 'While offered or connected' })
  reservation?: CallbackReservationDto;
}

export class CallbackWaitQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  waitSeconds?: number;
  @ApiPropertyOptional({
    enum: CALLBACK_STATUSES,
    description:
      'The status the caller last saw: the wait ends as soon as the status differs from it (at once if it already ' +
      'does). Without it, the status at the time of the request',
  })
  @IsOptional()
  @IsIn(CALLBACK_STATUSES)
  status?: string;
}

export class ListCallbacksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALLBACK_STATUSES })
  @IsOptional()
  @IsIn(CALLBACK_STATUSES)
  status?: string;
  @ApiPropertyOptional({ description: 'Windows ending at or after this' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Windows starting at or before this' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class CallbackPageDto {
  @ApiProperty({ type: [CallbackStateDto] }) items: CallbackStateDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CallbackStatsQueryDto {
  @ApiPropertyOptional({ description: 'Callbacks whose window starts at or after this' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Callbacks whose window starts before this' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class CallbackDialectStatsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null: callbacks for any dialect',
  })
  dialect: string | null;
  @ApiProperty() callbacks: number;
  @ApiProperty({ description: 'Closed or past their window' }) settled: number;
  @ApiProperty() reachedInWindow: number;
  @ApiProperty({ type: Number, nullable: true, description: 'reachedInWindow ÷ settled' })
  reachedInWindowShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianSecondsToFirstAttempt: number | null;
  @ApiProperty({ type: Number, nullable: true }) attemptsPerCallback: number | null;
  @ApiProperty() missed: number;
}

export class CallbackStatsDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [CallbackDialectStatsDto] }) dialects: CallbackDialectStatsDto[];
}
