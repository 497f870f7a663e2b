import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from '../users/users.service';
import { LoginAttemptsService } from './login-attempts.service';
import { dummyHash, verifyPassword } from './passwords';
import type { Principal } from './principal';

export interface MeView {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  teamId: string | null;
  agentId?: string;
  counselorId?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
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

  /**
   * A JWT for the person; a browser session's carries its id (`sid`). `tv`: the credential
   * version; raising it (password, role or active change) refuses this token.
   */
  issueAccessToken(
    user: { id: string; roles: string[]; tokenVersion: number },
    ttlSeconds: number,
    sessionId?: string,
  ): Promise<string> {
    return this.jwt.signAsync(
      {
        sub: user.id,
        tv: user.tokenVersion,
        roles: user.roles,
        ...(sessionId ? { sid: sessionId } : {}),
      },
      { expiresIn: ttlSeconds, secret: this.config.jwtSecret, algorithm: 'HS256' },
    );
  }

  /** Checks email and password under the failed-attempt limiter; the active user or a DomainError. */
  async authenticate(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ id: string; roles: string[]; tokenVersion: number }> {
    const attempt = await this.attempts.begin(email, clientAddress);
    if (attempt.retryAfterSeconds > 0) {
      await this.attempts.refused(attempt);
      const retryAfter = attempt.retryAfterSeconds;
      throw new DomainError(
        429,
        'TOO_MANY_ATTEMPTS',
        'Too many failed logins; try again later',
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const user = await this.users.findForLogin(email);
    const ok = await verifyPassword(
      user?.passwordHash ?? (await dummyHash(this.config.passwordHashing)),
      password,
    );
    if (!user || !ok || !user.active) {
      await this.attempts.failed(attempt);
      throw new DomainError(401, 'UNAUTHENTICATED', 'Wrong email or password');
    }
    await this.attempts.succeeded(attempt);
    return { id: user.id, roles: user.roles, tokenVersion: user.tokenVersion };
  }

  me(caller: Principal): MeView {
    if (caller.kind !== 'user') throw new DomainError(403, 'FORBIDDEN', 'Not a person');
    return {
      userId: caller.userId,
      email: caller.email,
      displayName: caller.displayName,
      roles: caller.roles,
      teamId: caller.teamId ?? caller.agentTeamId,
      ...(caller.agentId ? { agentId: caller.agentId } : {}),
      ...(caller.counselorId ? { counselorId: caller.counselorId } : {}),
    };
  }

  /** Checks the current password, stores the new one and refuses every token issued before. */
  async changePassword(caller: Principal, current: string, next: string): Promise<void> {
    if (caller.kind !== 'user') throw new DomainError(403, 'FORBIDDEN', 'Not a person');
    const user = await this.users.findForLogin(caller.email);
    if (!user || user.id !== caller.userId || !(await verifyPassword(user.passwordHash, current)))
      throw new DomainError(403, 'WRONG_PASSWORD', 'The current password is wrong');
    await this.users.update(caller.userId, { password: next }, caller.userId);
  }
}
