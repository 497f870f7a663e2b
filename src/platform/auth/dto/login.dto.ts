import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@shiftwell.local' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'shiftwell-admin' }) @IsString() @MaxLength(200) password: string;
}

export class TokenDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 }) expiresIn: number;
}
