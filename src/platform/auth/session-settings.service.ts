import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IDLE_TIMEOUT_MINUTES, SessionSettingsDto } from './dto/session-settings.dto';

/**
 * The idle timeout of browser sessions, set by an admin and stored in PostgreSQL (so every replica
 * applies the same value at once); the configuration's SESSION_IDLE_MINUTES until an admin saves one.
 */
@Injectable()
export class SessionSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<SessionSettingsDto> {
    const [row]: Array<{ idle_timeout_minutes: number; updated_at: Date }> =
      await this.dataSource.query(
        `SELECT idle_timeout_minutes, updated_at FROM session_settings WHERE id = 1`,
      );
    return {
      idleTimeoutMinutes: row?.idle_timeout_minutes ?? this.config.session.idleMinutes,
      isDefault: !row,
      updatedAt: row ? row.updated_at.toISOString() : null,
      minimumMinutes: IDLE_TIMEOUT_MINUTES.min,
      maximumMinutes: IDLE_TIMEOUT_MINUTES.max,
    };
  }

  /** The idle timeout in force, in minutes. */
  async idleMinutes(): Promise<number> {
    return (await this.get()).idleTimeoutMinutes;
  }

  /** Saves the idle timeout (audited); sessions are judged by it from their next refresh. */
  async update(idleTimeoutMinutes: number, by: string | null): Promise<SessionSettingsDto> {
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      await m.query(
        `INSERT INTO session_settings (id, idle_timeout_minutes, updated_at, updated_by)
         VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET idle_timeout_minutes = EXCLUDED.idle_timeout_minutes,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [idleTimeoutMinutes, now, by],
      );
      await this.audit.record(m, [
        {
          actor: by ?? 'system',
          action: 'session_settings.updated',
          subjectType: 'session_settings',
          subjectId: null,
          details: { idleTimeoutMinutes },
        },
      ]);
    });
    return this.get();
  }
}
