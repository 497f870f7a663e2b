import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ServiceLevelQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'The day in the site’s time zone (default: today there)',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class ServiceLevelIntervalDto {
  @ApiProperty({ description: 'Start of the 15-minute interval (ISO instant)' }) start: string;
  @ApiProperty({ description: 'Calls that arrived in it and were answered or abandoned' })
  offered: number;
  @ApiProperty() answered: number;
  @ApiProperty({ description: 'Answered within targetAnswerSeconds of queuing' })
  answeredInTime: number;
  @ApiProperty() abandoned: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'answeredInTime / offered (0..1); null with no calls',
  })
  serviceLevel: number | null;
}

export class ServiceLevelDayDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ example: '2026-11-30' }) date: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ example: 15 }) intervalMinutes: number;
  @ApiProperty({ example: 20, description: 'From the team’s planning settings' })
  targetAnswerSeconds: number;
  @ApiProperty({ example: 0.8, description: 'From the team’s planning settings' })
  targetServiceLevel: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The day so far; null with no calls' })
  serviceLevel: number | null;
  @ApiProperty({
    type: [ServiceLevelIntervalDto],
    description: 'The day’s intervals up to now (today) or the whole day (a past day)',
  })
  intervals: ServiceLevelIntervalDto[];
}
