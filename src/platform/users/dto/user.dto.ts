import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { PERSON_ROLES } from '../../auth/roles';
import type { User } from '../user.entity';

const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto {
  @ApiProperty({ example: 'li.na@example.com' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email: string;
  @ApiProperty({ minLength: 8, example: 'correct horse battery' })
  @IsString()
  @Length(8, 200)
  password: string;
  @ApiProperty({ example: 'Li Na' }) @IsString() @Length(1, 200) displayName: string;
  @ApiProperty({ enum: PERSON_ROLES, isArray: true, example: ['supervisor'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(5)
  @IsIn(PERSON_ROLES, { each: true })
  roles: (typeof PERSON_ROLES)[number][];
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
}

export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['password', 'displayName', 'roles', 'teamId'] as const),
) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name or email (case-insensitive)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
  @ApiPropertyOptional({ enum: PERSON_ROLES }) @IsOptional() @IsIn(PERSON_ROLES) role?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Boolean)
  @Transform(({ obj }) =>
    obj.active === 'true' ? true : obj.active === 'false' ? false : obj.active,
  )
  @IsBoolean()
  active?: boolean;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: PERSON_ROLES, isArray: true }) roles: string[];
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;

  static from(u: User): UserDto {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      teamId: u.teamId,
      active: u.active,
      createdAt: u.createdAt.toISOString(),
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
