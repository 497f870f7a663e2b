import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/common/pagination/page-query.dto';

export class TagProficiencyDto {
  @ApiProperty({ example: 'cmn-x-wuhan' }) @IsString() @Length(1, 40) tag: string;
  @ApiProperty({ minimum: 1, maximum: 5, example: 4, description: '1 basic .. 5 native/expert' })
  @IsInt()
  @Min(1)
  @Max(5)
  proficiency: number;
}

export class AgentTagsDto {
  @ApiProperty({ type: [TagProficiencyDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TagProficiencyDto)
  dialects: TagProficiencyDto[];

  @ApiProperty({ type: [TagProficiencyDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TagProficiencyDto)
  skills: TagProficiencyDto[];
}

export class CreateAgentDto extends AgentTagsDto {
  @ApiProperty({ example: '8001', description: 'The id the telephony router knows this agent by' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'externalId may hold letters, digits and . _ : -' })
  externalId: string;

  @ApiProperty({ example: 'Wang Fang' }) @IsString() @Length(1, 200) displayName: string;

  @ApiPropertyOptional({ description: 'With password: the agent can log in (role agent)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ minLength: 8 })
  @IsOptional()
  @IsString()
  @Length(8, 200)
  password?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;

  @ApiPropertyOptional({
    maxLength: 255,
    example: 'sip:8001@pbx.example',
    description:
      'Where the router rings the agent; returned with the agent, in availability and in every reservation',
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  contact?: string;
}

export class UpdateAgentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 255,
    example: 'sip:8001@pbx.example',
    description:
      'Where the router rings the agent; returned with the agent, in availability and in every reservation',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 255)
  contact?: string | null;
}

export class ListAgentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '8001' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  externalId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({
    description: 'Part of the name or external id (case-insensitive)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class AgentDto {
  @ApiProperty() id: string;
  @ApiProperty() externalId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The login of this agent, if any' })
  userId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the router rings the agent (e.g. a SIP URI)',
  })
  contact: string | null;
  @ApiProperty({ type: [TagProficiencyDto] }) dialects: TagProficiencyDto[];
  @ApiProperty({ type: [TagProficiencyDto] }) skills: TagProficiencyDto[];
}

export class AgentPageDto {
  @ApiProperty({ type: [AgentDto] }) items: AgentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AgentWorkplaceDto {
  @ApiProperty() agentId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty({ nullable: true, type: String }) siteName: string | null;
  @ApiProperty({
    description: "The site's IANA time zone (UTC without a team)",
    example: 'Asia/Shanghai',
  })
  timeZone: string;
}
