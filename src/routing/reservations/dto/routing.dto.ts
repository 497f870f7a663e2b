import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { TagProficiencyDto } from '../../../people/agents/dto/agent.dto';

const toArray = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

export class AvailableAgentsQueryDto {
  @ApiPropertyOptional({ example: 'cmn-x-wuhan' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  dialect?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Applies to dialect' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  minProficiency?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'Repeat for several skills; all must match',
    example: ['returns', 'elder-care'],
  })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  skill?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AgentLoadSummaryDto {
  @ApiProperty() callsLastHour: number;
  @ApiProperty() hostileCallsLastHour: number;
  @ApiProperty() occupancyLastHour: number;
}

export class AvailableAgentDto {
  @ApiProperty() agentId: string;
  @ApiProperty() externalId: string;
  @ApiPropertyOptional({ description: 'Where to ring the agent (e.g. a SIP URI), when it has one' })
  contact?: string;
  @ApiProperty() idleSeconds: number;
  @ApiProperty({ type: [TagProficiencyDto] }) dialects: TagProficiencyDto[];
  @ApiProperty({ type: [TagProficiencyDto] }) skills: TagProficiencyDto[];
  @ApiProperty({ type: AgentLoadSummaryDto }) load: AgentLoadSummaryDto;
}

export class AvailableAgentsDto {
  @ApiProperty() asOf: string;
  @ApiProperty({
    type: [AvailableAgentDto],
    description:
      'Best first. Default order (team setting routingOrder=wellbeing): agents above their team occupancy cap last; then fewer ' +
      'hostile calls in the last hour; then longest idle. With routingOrder=longest_idle: longest idle first. Load figures are ' +
      'refreshed at every call end and at least once a minute.',
  })
  agents: AvailableAgentDto[];
}

export class CreateReservationDto {
  @ApiProperty({ example: 'call-20261123-0001' })
  @PrintableIdField('callId', 255)
  callId: string;
  @DialectField()
  dialect?: string;
  @MinProficiencyField()
  minProficiency?: number;
  @SkillsField()
  skills?: string[];
  @ApiPropertyOptional({
    minimum: 5,
    maximum: 120,
    description: 'Hold time; default the team setting (20 s)',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(120)
  ttlSeconds?: number;
}

export class ReservationDto {
  @ApiProperty() reservationId: string;
  @ApiProperty() callId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() externalId: string;
  @ApiPropertyOptional({
    description: 'Where to ring the agent (e.g. a SIP URI), when the agent has one',
  })
  contact?: string;
  @ApiProperty() expiresAt: string;
  @ApiPropertyOptional({ enum: ['held', 'accepted', 'rejected', 'lapsed'] }) status?: string;
}

export class RejectReservationDto {
  @ApiPropertyOptional({
    enum: ['no_answer', 'busy', 'declined'],
    description:
      'no_answer counts as a missed offer exactly as a lapse (three in a row: not_ready/missed_calls). Whatever the reason, this call is not offered to this agent again.',
  })
  @IsOptional()
  @IsIn(['no_answer', 'busy', 'declined'])
  reason?: 'no_answer' | 'busy' | 'declined';
}
