import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedDto {
  @ApiProperty({
    description: 'The subscription URL path (shown once); add it to a phone or mail calendar',
    example: '/v1/calendar-feeds/2x9...Q.ics',
  })
  path: string;
  @ApiProperty() createdAt: string;
}

export class CalendarFeedStatusDto {
  @ApiProperty({ description: 'Whether a subscription URL is live' }) active: boolean;
  @ApiProperty({ nullable: true, type: String }) createdAt: string | null;
}
