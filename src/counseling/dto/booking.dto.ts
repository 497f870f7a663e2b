import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  Matches,
} from 'class-validator';

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() counselorId: string;
  @ApiProperty({ example: '2026-01-06T02:00:00Z', description: 'A start time from the slots' })
  @IsDateString({ strict: true })
  startsAt: string;
  @ApiProperty({ example: 50, description: 'A session length the counsellor offers' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;
}

export class RescheduleBookingDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the same counsellor' })
  @IsOptional()
  @IsUUID()
  counselorId?: string;
  @ApiProperty({ example: '2026-01-07T02:00:00Z' })
  @IsDateString({ strict: true })
  startsAt: string;
  @ApiPropertyOptional({ description: 'Default: the same length' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'A message to the agent, kept on the moved booking (default "rescheduled")',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class BookingNotesDto {
  @ApiProperty({ maxLength: 20000, description: 'Replaces the session notes (encrypted at rest)' })
  @IsString()
  @Length(0, 20000)
  notes: string;
}

export class BookingDto {
  @ApiProperty() id: string;
  @ApiProperty() counselorId: string;
  @ApiProperty() counselorName: string;
  @ApiProperty() agentId: string;
  @ApiProperty({
    description:
      'The agent’s display name: the booking is seen only by the agent and its counsellor',
  })
  agentName: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status: 'booked' | 'cancelled';
  @ApiPropertyOptional() cancelledAt?: string;
  @ApiPropertyOptional({ enum: ['agent', 'counselor'] }) cancelledBy?: string;
  @ApiPropertyOptional() cancelReason?: string;
  @ApiPropertyOptional({ description: 'The booking this one replaced' }) rescheduledFrom?: string;
  @ApiPropertyOptional({ description: 'The booking that replaced this one' })
  rescheduledTo?: string;
  @ApiPropertyOptional({ description: 'Session notes: shown to the counsellor only' })
  notes?: string;
  @ApiProperty() createdAt: string;
}

export class BookingPageDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ExportedBookingDto extends BookingDto {}

export class CounselingExportDto {
  @ApiProperty() agentId: string;
  @ApiProperty() exportedAt: string;
  @ApiProperty({
    type: [ExportedBookingDto],
    description: 'Every booking of the agent, with the session notes decrypted',
  })
  bookings: ExportedBookingDto[];
}

export class ErasedDto {
  @ApiProperty({ description: 'Bookings erased (with their notes)' }) erased: number;
  @ApiProperty({
    description:
      'Upcoming sessions cancelled first (their counsellors were notified, without content)',
  })
  cancelled: number;
}

export class CounselorNotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['session_cancelled'],
    description:
      'A session in the counsellor’s calendar was cancelled; no agent or reason is given',
  })
  kind: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() createdAt: string;
}

export class CounselorNotificationListDto {
  @ApiProperty({ type: [CounselorNotificationDto] }) notifications: CounselorNotificationDto[];
}

export class MonthlyStatsQueryDto {
  @ApiProperty({
    example: '2026-01',
    description: 'Calendar month, in each site’s time zone (UTC for agents without a site)',
  })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

export class SiteCountDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: agents without a team/site' })
  siteId: string | null;
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 5 },
      { type: 'string', enum: ['<5'] },
    ],
    description: 'Sessions booked (not cancelled) starting in the month; under 5 shown as "<5"',
  })
  sessions: number | '<5';
}

export class TeamCountDto {
  @ApiProperty() teamId: string;
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 5 },
      { type: 'string', enum: ['<5'] },
    ],
    description:
      'Sessions booked by the team’s agents starting in the month; under 5 shown as "<5"',
  })
  sessions: number | '<5';
}

export class MonthlyStatsDto {
  @ApiProperty() month: string;
  @ApiPropertyOptional({
    type: [SiteCountDto],
    description: 'For admins: every site with sessions',
  })
  sites?: SiteCountDto[];
  @ApiPropertyOptional({ type: [TeamCountDto], description: 'For a supervisor: their own team' })
  teams?: TeamCountDto[];
}
