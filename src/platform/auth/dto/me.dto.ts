import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { PERSON_ROLES } from '../roles';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: PERSON_ROLES, isArray: true }) roles: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when I am an agent' }) agentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when I am a counsellor' })
  counselorId?: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 8, maxLength: 200 }) @IsString() @Length(8, 200) newPassword: string;
}
