import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Team } from '../team.entity';

export class CreateTeamDto {
  @ApiProperty({ example: 'Wuhan dialect line' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() siteId: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
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
