import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from '../users/users.service';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { dummyHash, verifyPassword } from './passwords';

@Injectable()
export class AuthService {
  private readonly limiter = new LoginAttemptLimiter(5, 15 * 60 * 1000);

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.authenticate(email, password, clientAddress);
    const accessToken = await this.issueAccessToken(user, this.config.jwtTtlSeconds);
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }

  /** A JWT for the person; a browser session's carries its id (`sid`). */
  issueAccessToken(
    user: { id: string; roles: string[] },
    ttlSeconds: number,
    sessionId?: string,
  ): Promise<string> {
    return this.jwt.signAsync(
      { sub: user.id, roles: user.roles, ...(sessionId ? { sid: sessionId } : {}) },
      { expiresIn: ttlSeconds, secret: this.config.jwtSecret, algorithm: 'HS256' },
    );
  }

  /** Checks email and password under the failed-attempt limiter; the active user or a DomainError. */
  async authenticate(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ id: string; roles: string[] }> {
    const key = `${email.toLowerCase()}|${clientAddress}`;
    const nowMs = this.clock.now().getTime();
    const retryAfter = this.limiter.retryAfterSeconds(key, nowMs);
    if (retryAfter > 0) {
      throw new DomainError(
        429,
        'TOO_MANY_ATTEMPTS',
        'Too many failed logins; try again later',
        { retryAfterSeconds: retryAfter },
        {
          'Retry-After': String(retryAfter),
        },
      );
    }
    const user = await this.users.findForLogin(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      this.limiter.recordFailure(key, nowMs);
      throw new DomainError(401, 'UNAUTHENTICATED', 'Wrong email or password');
    }
    this.limiter.reset(key);
    return { id: user.id, roles: user.roles };
  }
}
