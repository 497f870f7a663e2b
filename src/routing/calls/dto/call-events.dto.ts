import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PrintableIdField } from '../../call-criteria.dto';

export const CALL_EVENT_TYPES = ['call.answered', 'call.ended', 'call.hostile'] as const;
export const HOSTILE_SOURCES = ['sentiment', 'agent', 'supervisor'] as const;

export class CallEventDto {
  @ApiProperty({
    description: 'Unique per event; a replay with the same id is counted once',
    example: 'evt-0001',
  })
  @PrintableIdField('eventId', 255)
  eventId: string;

  @ApiProperty({ enum: CALL_EVENT_TYPES })
  @IsIn(CALL_EVENT_TYPES)
  type: (typeof CALL_EVENT_TYPES)[number];

  @ApiProperty({ example: 'call-123' })
  @PrintableIdField('callId', 255)
  callId: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() agentId: string;

  @ApiProperty({ example: '2026-11-23T09:00:00Z' }) @IsDateString({ strict: true }) at: string;

  @ApiPropertyOptional({ description: 'call.ended: handle time' })
  @ValidateIf((o) => o.type === 'call.ended')
  @IsInt()
  @Min(0)
  @Max(86400)
  durationSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 3, description: 'call.hostile: 1 mild .. 3 severe' })
  @ValidateIf((o) => o.type === 'call.hostile')
  @IsInt()
  @Min(1)
  @Max(3)
  severity?: number;

  @ApiPropertyOptional({ enum: HOSTILE_SOURCES, description: 'call.hostile: who flagged it' })
  @ValidateIf((o) => o.type === 'call.hostile')
  @IsIn(HOSTILE_SOURCES)
  source?: (typeof HOSTILE_SOURCES)[number];
}

export class CallEventBatchDto {
  @ApiProperty({ type: [CallEventDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CallEventDto)
  events: CallEventDto[];
}

export class CallEventBatchResultDto {
  @ApiProperty({ description: 'Events stored now' }) accepted: number;
  @ApiProperty({ description: 'Events already stored before (replays), counted once' })
  duplicates: number;
}

export class CallLoadDto {
  @ApiProperty() agentId: string;
  @ApiProperty() asOf: string;
  @ApiProperty() windowMinutes: number;
  @ApiProperty() callsAnswered: number;
  @ApiProperty() hostileCalls: number;
  @ApiProperty({
    description: '(on_call + wrap_up) / (available + reserved + on_call + wrap_up) time',
  })
  occupancy: number;
  @ApiProperty({ nullable: true, type: Number }) averageHandleSeconds: number | null;
  @ApiProperty() consecutiveCallsSinceBreak: number;
  @ApiProperty() busySeconds: number;
  @ApiProperty() staffedSeconds: number;
}

export class TeamLoadAgentDto extends CallLoadDto {
  @ApiProperty() externalId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Current state (sessions show as not_ready/private)' }) state: string;
  @ApiProperty({
    description:
      'On a call with no event past the team limit, or set not_ready by the sweep for that',
  })
  stale: boolean;
  @ApiProperty({
    description: 'Since when the agent is in this state (the wallboard counts from it)',
  })
  since: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When a timed state ends (recovery, break); never for a private session',
  })
  until: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'not_ready reason (private for sessions)',
  })
  reason: string | null;
}

export class TeamLoadDto {
  @ApiProperty() teamId: string;
  @ApiProperty() asOf: string;
  @ApiProperty() windowMinutes: number;
  @ApiProperty({ type: [TeamLoadAgentDto] }) agents: TeamLoadAgentDto[];
}

export class RecentCallDto {
  @ApiProperty() callId: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Highest severity reported (1..3)' })
  hostileSeverity: number | null;
}

export class RecentCallsDto {
  @ApiProperty({ type: [RecentCallDto] }) calls: RecentCallDto[];
}
