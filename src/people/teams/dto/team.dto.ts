import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';
import type { Team } from '../team.entity';

export class CreateTeamDto {
  @ApiProperty({ example: 'Wuhan dialect line' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() siteId: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Move the team to another site: it then follows that site’s time zone, opening hours, labour rules and default wellbeing policy (400 UNKNOWN_SITE if none has this id)',
  })
  @IsOptional()
  @IsUUID()
  siteId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListTeamsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() siteId?: string;
}

export class TeamDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() siteId: string;
  @ApiProperty() active: boolean;

  static from(t: Team): TeamDto {
    return { id: t.id, name: t.name, siteId: t.siteId, active: t.active };
  }
}

export class TeamPageDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TeamSettingsDto {
  @ApiProperty({
    description: 'After-call work time before the agent is available again',
    example: 30,
  })
  wrapUpSeconds: number;
  @ApiProperty({
    description: 'Occupancy above which agents are offered calls last',
    example: 0.85,
  })
  occupancyCap: number;
  @ApiProperty({
    enum: ['wellbeing', 'longest_idle'],
    description:
      'wellbeing: over-cap agents last, then fewer hostile calls in the last hour, then longest idle. longest_idle: plain longest idle first',
  })
  routingOrder: 'wellbeing' | 'longest_idle';
  @ApiProperty({
    description: 'An agent on a call with no event for this long is set not_ready (stale)',
    example: 7200,
  })
  staleAfterSeconds: number;
  @ApiProperty({
    description: 'Default reservation hold when the router gives no ttlSeconds',
    example: 20,
  })
  reservationTtlSeconds: number;
  @ApiProperty({
    description:
      'The first seconds of every wrap-up are a window to report a hostile call: only the agent ends it sooner',
    example: 20,
  })
  hostileReportWindowSeconds: number;
  @ApiProperty({
    description:
      'Expected handle time: no call is offered to an agent whose booked break starts sooner',
    example: 300,
  })
  expectedHandleSeconds: number;
  @ApiProperty({
    description:
      'Calls from flagged callers (a hostile call in the last 30 days) one agent is offered per hour at most',
    example: 2,
  })
  maxHostilePerHour: number;
  @ApiProperty({
    description:
      'An accepted call with no event for this long alerts the supervisor and is listed as stranded',
    example: 60,
  })
  maxCallMinutes: number;
  @ApiProperty({
    description: 'A callback not answered (no_answer, busy) is tried again after this many minutes',
    example: 15,
  })
  callbackRetryMinutes: number;
  @ApiProperty({
    description:
      'Callbacks take at most this share of the team’s offers in an hour while inbound calls wait for its agents',
    example: 0.3,
  })
  callbackMaxShare: number;
}

export class UpdateTeamSettingsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  wrapUpSeconds?: number;
  @ApiPropertyOptional({ minimum: 0.3, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0.3)
  @Max(1)
  occupancyCap?: number;
  @ApiPropertyOptional({ enum: ['wellbeing', 'longest_idle'] })
  @IsOptional()
  @IsIn(['wellbeing', 'longest_idle'])
  routingOrder?: 'wellbeing' | 'longest_idle';
  @ApiPropertyOptional({ minimum: 600, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(600)
  @Max(86400)
  staleAfterSeconds?: number;
  @ApiPropertyOptional({ minimum: 5, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(120)
  reservationTtlSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 300 })
  // Not nullable: null is a bad value (400), not "unchanged".
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(300)
  hostileReportWindowSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 3600 })
  // Not nullable: null is a bad value (400), not "unchanged".
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(3600)
  expectedHandleSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 60 })
  // Not nullable: null is a bad value (400), not "unchanged".
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(60)
  maxHostilePerHour?: number;
  @ApiPropertyOptional({ minimum: 5, maximum: 600 })
  // Not nullable: null is a bad value (400), not "unchanged".
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(5)
  @Max(600)
  maxCallMinutes?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  callbackRetryMinutes?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  callbackMaxShare?: number;
}
