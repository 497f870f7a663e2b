import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { Page, pageOf, PageQueryDto } from '../common/pagination/page-query.dto';
import { AuditEntry } from './audit-entry.entity';
import { preparedQuery } from '../database/prepared-query';

export interface AuditRecord {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Facts only: never notes, counselling details or secrets. */
  details?: Record<string, unknown>;
  at?: Date;
}

/** The append-only audit trail: enforced breaks, overrides (who, why) and policy changes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Appends entries inside the caller's transaction (so an undone change leaves no trail). */
  async record(manager: EntityManager, entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const now = this.clock.now();
    await preparedQuery(
      manager,
      `INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
      [
        entries.map((e) => (e.at ?? now).toISOString()),
        entries.map((e) => e.actor),
        entries.map((e) => e.action),
        entries.map((e) => e.subjectType),
        entries.map((e) => e.subjectId),
        entries.map((e) => JSON.stringify(e.details ?? {})),
      ],
    );
  }

  async list(query: PageQueryDto & { action?: string }): Promise<Page<AuditEntry>> {
    const [items, total] = await this.dataSource.getRepository(AuditEntry).findAndCount({
      where: query.action ? { action: query.action } : {},
      order: { at: 'DESC', seq: 'DESC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(items, total, query);
  }
}
