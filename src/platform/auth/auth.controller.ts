import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { ErrorBodyDto } from '../common/errors/error-body.dto';
import { AuthService } from './auth.service';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfSatisfied,
  parseCookies,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  serializeCookie,
} from './cookies';
import { Public } from './decorators';
import { LoginDto, SessionDto, TokenDto } from './dto/login.dto';
import { IssuedSession, WebSessionsService } from './web-sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionsService,
  ) {}

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

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in from a browser: httpOnly, SameSite=Strict session cookies instead of a token',
    description:
      'Sets `sw_access` (a short-lived JWT), `sw_refresh` (the session, for a shift) and `sw_csrf` ' +
      '(readable; echo it as `X-CSRF-Token` on POST/PUT/PATCH/DELETE). API clients use /v1/auth/login.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({
    description: 'UNAUTHENTICATED: wrong email or password',
    type: ErrorBodyDto,
  })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS', type: ErrorBodyDto })
  async signIn(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const issued = await this.sessions.signIn(body.email, body.password, req.ip ?? 'unknown');
    return this.setCookies(req, res, issued);
  }

  @Public()
  @Post('session/refresh')
  @HttpCode(200)
  @ApiCookieAuth('session')
  @ApiOperation({
    summary: 'Renew the access cookie of a live browser session (the client does so while in use)',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({
    description: 'UNAUTHENTICATED: no session, signed out, idle too long or past its length',
    type: ErrorBodyDto,
  })
  @ApiForbiddenResponse({ description: 'CSRF_FAILED', type: ErrorBodyDto })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const cookies = this.checkedCookies(req);
    try {
      return this.setCookies(req, res, await this.sessions.refresh(cookies[REFRESH_COOKIE]));
    } catch (e) {
      this.clearCookies(req, res);
      throw e;
    }
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the browser session and clears its cookies' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'CSRF_FAILED', type: ErrorBodyDto })
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const cookies = this.checkedCookies(req);
    await this.sessions.signOut(cookies[REFRESH_COOKIE]);
    this.clearCookies(req, res);
  }

  /** The cookies, once the double-submit check passes for a request that carries a session. */
  private checkedCookies(req: Request): Record<string, string> {
    const cookies = parseCookies(req.headers.cookie);
    const header = req.headers[CSRF_HEADER];
    if (
      cookies[REFRESH_COOKIE] &&
      !csrfSatisfied(
        req.method,
        cookies[CSRF_COOKIE],
        typeof header === 'string' ? header : undefined,
      )
    )
      throw new DomainError(403, 'CSRF_FAILED', 'Send the sw_csrf cookie value as X-CSRF-Token');
    return cookies;
  }

  private setCookies(req: Request, res: Response, s: IssuedSession): SessionDto {
    const secure = req.secure;
    const sessionLeft = s.sessionSecondsLeft;
    const cookies = [
      serializeCookie(ACCESS_COOKIE, s.accessToken, { maxAgeSeconds: s.accessTtlSeconds, secure }),
      serializeCookie(CSRF_COOKIE, s.csrfToken, {
        maxAgeSeconds: sessionLeft,
        secure,
        httpOnly: false,
      }),
    ];
    if (s.refreshToken)
      cookies.push(
        serializeCookie(REFRESH_COOKIE, s.refreshToken, {
          maxAgeSeconds: sessionLeft,
          path: REFRESH_COOKIE_PATH,
          secure,
        }),
      );
    res.setHeader('Set-Cookie', cookies);
    res.setHeader('Cache-Control', 'no-store');
    return {
      person: s.person,
      expiresIn: s.accessTtlSeconds,
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      sessionExpiresAt: s.expiresAt.toISOString(),
      csrfToken: s.csrfToken,
    };
  }

  private clearCookies(req: Request, res: Response): void {
    const secure = req.secure;
    res.setHeader('Set-Cookie', [
      serializeCookie(ACCESS_COOKIE, '', { maxAgeSeconds: 0, secure }),
      serializeCookie(CSRF_COOKIE, '', { maxAgeSeconds: 0, secure, httpOnly: false }),
      serializeCookie(REFRESH_COOKIE, '', { maxAgeSeconds: 0, path: REFRESH_COOKIE_PATH, secure }),
    ]);
  }
}
