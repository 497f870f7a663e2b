import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DialectField,
  MinProficiencyField,
  PrintableIdField,
  SkillsField,
} from '../../call-criteria.dto';
import { PRINTABLE_ID } from '../../router-ids';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';

export class FallbackStepDto {
  @ApiProperty({
    minimum: 1,
    maximum: 3600,
    description: 'Counts once the call has waited this long',
  })
  @IsInt()
  @Min(1)
  @Max(3600)
  afterSeconds: number;
  @DialectField('cmn')
  dialect?: string;
  @MinProficiencyField()
  minProficiency?: number;
  @SkillsField()
  skills?: string[];
}

export class EnqueueCallDto {
  @ApiProperty({
    example: 'a84b4c76e66710@pbx.example',
    maxLength: 255,
    description: 'The SIP Call-ID or any printable id',
  })
  @PrintableIdField('callId', 255)
  callId: string;
  @DialectField()
  dialect?: string;
  @MinProficiencyField()
  minProficiency?: number;
  @SkillsField()
  skills?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 9, default: 0, description: '9 first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  priority?: number;
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Opaque caller reference (e.g. a hash of the number); stored only as a keyed hash, 30 days',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  callerRef?: string;
  @ApiPropertyOptional({
    type: [FallbackStepDto],
    description: 'Wider criteria that count after their delay',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => FallbackStepDto)
  fallback?: FallbackStepDto[];
}

export class OfferedReservationDto {
  @ApiProperty() reservationId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() externalId: string;
  @ApiPropertyOptional({ description: 'Where to ring the agent, when it has one' })
  contact?: string;
  @ApiProperty() expiresAt: string;
}

export class QueuedCallStateDto {
  @ApiProperty() callId: string;
  @ApiProperty({ enum: ['queued', 'offered', 'connected', 'ended', 'abandoned'] }) status: string;
  @ApiPropertyOptional({ description: 'While queued: 1 = next among calls for the same dialect' })
  position?: number;
  @ApiPropertyOptional({
    description: 'While queued: a rough estimate from recent handle times and logged-in agents',
  })
  estimatedWaitSeconds?: number;
  @ApiPropertyOptional({ type: OfferedReservationDto, description: 'Once offered' })
  reservation?: OfferedReservationDto;
}

export class CallWaitQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    description: 'Wait up to this long for the status to change',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  waitSeconds?: number;

  @ApiPropertyOptional({
    enum: ['queued', 'offered', 'connected', 'ended', 'abandoned'],
    description:
      'The status the caller last saw: the wait ends as soon as the status differs from it (at once if it already ' +
      'does). Without it, the status at the time of the request. A router that polls again after a reject passes ' +
      '`queued`, so a new offer made in between is not waited past.',
  })
  @IsOptional()
  @IsIn(['queued', 'offered', 'connected', 'ended', 'abandoned'])
  status?: string;
}

export class ListQueuedCallsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['queued', 'offered', 'connected', 'ended', 'abandoned'] })
  @IsOptional()
  @IsIn(['queued', 'offered', 'connected', 'ended', 'abandoned'])
  status?: string;
}

export class QueuedCallPageDto {
  @ApiProperty({ type: [QueuedCallStateDto] }) items: QueuedCallStateDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class QueueSummaryItemDto {
  @ApiPropertyOptional() dialect?: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() waiting: number;
  @ApiProperty() longestWaitSeconds: number;
}

export class QueueSummaryDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [QueueSummaryItemDto] }) queues: QueueSummaryItemDto[];
}

export class ResyncDto {
  @ApiProperty({ type: [String], description: 'Every call the router still has' })
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  @Matches(PRINTABLE_ID, {
    each: true,
    message: 'each callId must be printable ASCII without spaces',
  })
  liveCallIds: string[];
}

export class ResyncResultDto {
  @ApiProperty({ description: 'Connected calls not listed, ended now' }) ended: number;
  @ApiProperty({ description: 'Queued or offered calls not listed, abandoned' }) abandoned: number;
}

export class StrandedCallDto {
  @ApiProperty() callId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ description: 'The last call event for the agent (or when the call was accepted)' })
  lastEventAt: string;
  @ApiProperty() alertedAt: string;
}

export class StrandedCallsDto {
  @ApiProperty({ type: [StrandedCallDto] }) items: StrandedCallDto[];
}

export class EraseCallerDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) callerRef: string;
}

export class EraseCallerResultDto {
  @ApiProperty({ description: 'Rows that held the caller’s hash (hostile record and calls)' })
  erased: number;
}
