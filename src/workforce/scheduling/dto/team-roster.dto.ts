import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class TeamRosterQueryDto {
  @ApiProperty({ example: '2026-01-05T00:00:00+08:00', description: 'Shifts ending after this' })
  @IsISO8601({ strict: true })
  from: string;
  @ApiProperty({
    example: '2026-02-02T00:00:00+08:00',
    description: 'Shifts starting before this; at most 35 days after `from`',
  })
  @IsISO8601({ strict: true })
  to: string;
}

export class RosterShiftDto {
  @ApiProperty() shiftId: string;
  @ApiProperty() agentId: string;
  @ApiProperty({ description: "The colleague's display name" }) displayName: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class TeamRosterDto {
  @ApiProperty() teamId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({
    type: [RosterShiftDto],
    description:
      'Published shifts of the team, earliest first (breaks and the reasons for absences are not part of it)',
  })
  shifts: RosterShiftDto[];
}
