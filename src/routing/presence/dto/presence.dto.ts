import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PRESENCE_STATES, REQUESTABLE_STATES } from '../presence-rules';

export class UpdatePresenceDto {
  @ApiProperty({ enum: REQUESTABLE_STATES })
  @IsIn(REQUESTABLE_STATES)
  state: (typeof REQUESTABLE_STATES)[number];
  @ApiPropertyOptional({ example: 'training', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reason?: string;
}

export class PresenceNextDto {
  @ApiProperty({ enum: ['recovery', 'break', 'counseling'] }) state: string;
  @ApiProperty({ description: 'When it ends' }) until: string;
}

export class PresenceDto {
  @ApiProperty() agentId: string;
  @ApiProperty({
    enum: PRESENCE_STATES,
    description: 'A counselling session shows as not_ready/private to anyone but the agent',
  })
  state: string;
  @ApiProperty() since: string;
  @ApiPropertyOptional({
    description: 'End of a timed state (reserved, wrap_up, break, recovery, counseling)',
  })
  until?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({
    description: 'Shown to the agent: where an enforced state returns to when it ends',
  })
  returnState?: string;
  @ApiPropertyOptional({
    type: PresenceNextDto,
    description:
      'Shown to the agent during a wrap-up: the enforced state that starts when it ends (a hostile ' +
      "call's recovery, a booked break, a counselling session); asking for `available` meanwhile is " +
      'refused with BREAK_ENFORCED',
  })
  next?: PresenceNextDto;
}
