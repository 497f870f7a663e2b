import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from './auth.service';
import { SessionSettingsService } from './session-settings.service';

export interface SessionPerson {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  teamId: string | null;
  agentId: string | null;
}

export interface IssuedSession {
  sessionId: string;
  /** Who is signed in, so the page can greet them and open their workspace. */
  person: SessionPerson;
  accessToken: string;
  /** Only on sign-in: the refresh token stays the same for the session's life. */
  refreshToken?: string;
  csrfToken: string;
  accessTtlSeconds: number;
  idleTimeoutSeconds: number;
  expiresAt: Date;
  /** Seconds until `expiresAt` (the cookies' Max-Age). */
  sessionSecondsLeft: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const sessionEnded = () =>
  new DomainError(401, 'UNAUTHENTICATED', 'The session has ended; sign in again');

/**
 * Browser sessions for people: sign in once for a shift, a short access cookie renewed while the
 * person uses the app, ended by signing out, by the admin's idle timeout or at the shift's length.
 */
@Injectable()
export class WebSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly sessionSettings: SessionSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get settings() {
    return this.config.session;
  }

  async signIn(email: string, password: string, clientAddress: string): Promise<IssuedSession> {
    const user = await this.auth.authenticate(email, password, clientAddress);
    const now = this.clock.now();
    const refreshToken = newToken();
    const expiresAt = new Date(now.getTime() + this.settings.maxHours * 3600_000);
    const [row] = await this.dataSource.query(
      `INSERT INTO web_sessions (user_id, token_hash, token_version, created_at, last_active_at, expires_at)
       VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
      [user.id, hash(refreshToken), user.tokenVersion, now, expiresAt],
    );
    const idleMinutes = await this.sessionSettings.idleMinutes();
    return { ...(await this.issue(row.id, user, expiresAt, idleMinutes)), refreshToken };
  }

  /**
   * A fresh access token for a live session. The client refreshes only while the person is active,
   * so a session not refreshed within the idle timeout has been idle that long and is ended.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken || refreshToken.length > 200) throw sessionEnded();
    const now = this.clock.now();
    const idleMinutes = await this.sessionSettings.idleMinutes();
    const idleCutoff = new Date(now.getTime() - idleMinutes * 60_000);
    const rows: Array<{
      id: string;
      user_id: string;
      roles: string[];
      token_version: number;
      expires_at: Date;
    }> = await this.dataSource
      .query(
        `UPDATE web_sessions s SET last_active_at = $2
           FROM users u
          WHERE s.token_hash = $1 AND u.id = s.user_id AND u.active
            AND s.token_version = u.token_version
            AND s.revoked_at IS NULL AND s.expires_at > $2 AND s.last_active_at >= $3
          RETURNING s.id, s.user_id, u.roles, u.token_version, s.expires_at`,
        [hash(refreshToken), now, idleCutoff],
      )
      .then((r: [unknown[], number]) => r[0] as never);
    const row = rows[0];
    if (!row) throw sessionEnded();
    return this.issue(
      row.id,
      { id: row.user_id, roles: row.roles, tokenVersion: row.token_version },
      row.expires_at,
      idleMinutes,
    );
  }

  /** Signing out: the refresh token stops working at once, on every replica. */
  async signOut(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken || refreshToken.length > 200) return;
    await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hash(refreshToken), this.clock.now()],
    );
  }

  /** Ends every browser session of a person (a password change, a deactivation). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, this.clock.now()],
    );
  }

  private async issue(
    sessionId: string,
    user: { id: string; roles: string[]; tokenVersion: number },
    expiresAt: Date,
    idleMinutes: number,
  ): Promise<IssuedSession> {
    const [person] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.roles, u.team_id AS "teamId",
              a.id AS "agentId"
         FROM users u LEFT JOIN agents a ON a.user_id = u.id AND a.active WHERE u.id = $1`,
      [user.id],
    );
    const left = Math.floor((expiresAt.getTime() - this.clock.now().getTime()) / 1000);
    const accessTtlSeconds = Math.max(1, Math.min(this.settings.accessTtlSeconds, left));
    return {
      sessionId,
      person,
      accessToken: await this.auth.issueAccessToken(user, accessTtlSeconds, sessionId),
      csrfToken: newToken(),
      accessTtlSeconds,
      idleTimeoutSeconds: idleMinutes * 60,
      expiresAt,
      sessionSecondsLeft: Math.max(0, left),
    };
  }
}
