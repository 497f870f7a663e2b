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

export class SessionPersonDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) agentId: string | null;
}

export class SessionDto {
  @ApiProperty({ type: SessionPersonDto, description: 'Who is signed in' })
  person: SessionPersonDto;
  @ApiProperty({ description: 'Seconds until the access cookie must be refreshed', example: 300 })
  expiresIn: number;
  @ApiProperty({
    description: 'The session ends after this many seconds without a refresh (the admin sets it)',
    example: 1800,
  })
  idleTimeoutSeconds: number;
  @ApiProperty({ description: 'When the session ends at the latest (the length of a shift)' })
  sessionExpiresAt: string;
  @ApiProperty({
    description:
      'Also in the readable `sw_csrf` cookie: echo it as `X-CSRF-Token` on unsafe requests',
  })
  csrfToken: string;
}
