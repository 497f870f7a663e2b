import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';
import { BreakDto, ShortfallDto } from './schedule.dto';

export class OpenShiftDto {
  @ApiProperty() id: string;
  @ApiProperty() scheduleId: string;
  @ApiProperty() teamId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [BreakDto] }) breaks: BreakDto[];
  @ApiProperty({ type: [String], description: 'Dialects the taker needs at proficiency ≥ 3' })
  requiredDialects: string[];
  @ApiProperty({ enum: ['time_off', 'unassigned', 'manual'] }) origin: string;
  @ApiProperty({ enum: ['open', 'taken', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) takenBy: string | null;
}

export class OpenShiftPageDto {
  @ApiProperty({ type: [OpenShiftDto] }) items: OpenShiftDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListOpenShiftsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Agents see their own team's board" })
  @IsOptional()
  @IsUUID()
  teamId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() scheduleId?: string;
  @ApiPropertyOptional({ enum: ['open', 'taken', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'taken', 'cancelled'])
  status?: 'open' | 'taken' | 'cancelled';
}

export class PostOpenShiftDto {
  @ApiProperty() @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  requiredDialects?: string[];
}

export class ClaimOpenShiftDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Schedulers may assign it to an agent' })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

export class ClaimedOpenShiftDto {
  @ApiProperty({ type: OpenShiftDto }) openShift: OpenShiftDto;
  @ApiProperty({ description: 'The new published shift of the taker' }) shiftId: string;
}

export class CoverageChangeDto {
  @ApiProperty() start: string;
  @ApiPropertyOptional() dialect?: string;
  @ApiProperty() required: number;
  @ApiProperty() scheduledBefore: number;
  @ApiProperty() scheduledAfter: number;
}

export class RemovedShiftDto {
  @ApiProperty() shiftId: string;
  @ApiProperty() scheduleId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Posted on the open-shift board (null in a preview: nothing is posted yet)',
  })
  openShiftId: string | null;
}

export class TimeOffDecisionEffectDto {
  @ApiProperty({ type: [RemovedShiftDto] }) removedShifts: RemovedShiftDto[];
  @ApiProperty({
    type: [CoverageChangeDto],
    description: 'Requirement rows whose coverage dropped',
  })
  coverageEffect: CoverageChangeDto[];
}

export class RepairFilledDto {
  @ApiProperty() openShiftId: string;
  @ApiProperty() agentId: string;
  @ApiProperty() shiftId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class RepairUnfilledDto {
  @ApiProperty() openShiftId: string;
  @ApiProperty({ enum: ['NO_QUALIFIED_AGENT', 'RULES', 'TAKEN'] }) reason: string;
  @ApiPropertyOptional() rule?: string;
}

export class RepairResultDto {
  @ApiProperty() scheduleId: string;
  @ApiProperty({ type: [RepairFilledDto] }) filled: RepairFilledDto[];
  @ApiProperty({ type: [RepairUnfilledDto] }) unfilled: RepairUnfilledDto[];
  @ApiProperty({ description: 'Shifts of the schedule left exactly as they were' })
  keptShifts: number;
  @ApiProperty({ type: ShortfallDto }) shortfallBefore: ShortfallDto;
  @ApiProperty({ type: ShortfallDto }) shortfallAfter: ShortfallDto;
}
