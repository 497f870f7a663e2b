import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorBodyDto } from '../common/errors/error-body.dto';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { LoginDto, TokenDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a JWT' })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    description: 'UNAUTHENTICATED: wrong email or password',
    type: ErrorBodyDto,
  })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_ATTEMPTS: 5 failures for the email or 20 from the client address in 15 minutes',
    type: ErrorBodyDto,
  })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<TokenDto> {
    return this.auth.login(body.email, body.password, req.ip ?? 'unknown');
  }
}
