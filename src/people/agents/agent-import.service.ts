import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { actorId, hasRole, Principal } from '../../platform/auth/principal';
import { badRequest, forbidden } from '../../platform/common/errors/domain-error';
import { TeamsService } from '../teams/teams.service';
import { AgentTag } from './agent-tag.entity';
import { Agent } from './agent.entity';
import { MAX_IMPORT_ROWS, readAgentsCsv, RowError } from './domain/agent-import';
import { ImportAgentsDto, ImportAgentsResultDto } from './dto/agent-import.dto';

/** Agents from a CSV file: every row checked, the good ones created in one transaction. */
@Injectable()
export class AgentImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  async import(input: ImportAgentsDto, caller: Principal): Promise<ImportAgentsResultDto> {
    if (!hasRole(caller, 'admin')) throw forbidden('Admins import agents');
    if (input.teamId) await this.teams.requireExists(input.teamId);
    const read = readAgentsCsv(input.csv);
    if (read.header)
      throw badRequest('INVALID_CSV_HEADER', 'The header row must name the columns', read.header);
    if (read.rows.length > MAX_IMPORT_ROWS)
      throw badRequest('TOO_MANY_ROWS', `At most ${MAX_IMPORT_ROWS} agents per file`);
    const errors: RowError[] = [...read.errors];

    const tags: Array<{ tag: string; kind: string }> = await this.dataSource.query(
      `SELECT tag, kind FROM routing_tags WHERE retired_at IS NULL`,
    );
    const kindOf = new Map(tags.map((t) => [t.tag, t.kind]));
    const taken = new Set<string>(
      (
        await this.dataSource.query(`SELECT external_id FROM agents WHERE external_id = ANY($1)`, [
          read.rows.map((r) => r.externalId).filter(Boolean),
        ])
      ).map((r: { external_id: string }) => r.external_id),
    );
    for (const row of read.rows) {
      if (taken.has(row.externalId))
        errors.push({
          line: row.line,
          field: 'external_id',
          code: 'DUPLICATE_EXTERNAL_ID',
          message: `an agent with external_id ${row.externalId} exists already`,
        });
      for (const [field, kind, list] of [
        ['dialects', 'dialect', row.dialects],
        ['skills', 'skill', row.skills],
      ] as const)
        for (const t of list)
          if (kindOf.get(t.tag) !== kind)
            errors.push({
              line: row.line,
              field,
              code: 'UNKNOWN_TAG',
              message: `${t.tag} is not a known ${kind}`,
            });
    }
    errors.sort((a, b) => a.line - b.line);
    const bad = new Set(errors.map((e) => e.line));
    const good = read.rows.filter((r) => !bad.has(r.line));
    let created = 0;
    if (!input.dryRun && good.length) {
      await this.dataSource.transaction(async (m) => {
        const agents = await m.getRepository(Agent).save(
          good.map((r) =>
            m.getRepository(Agent).create({
              externalId: r.externalId,
              displayName: r.displayName,
              teamId: input.teamId ?? null,
              userId: null,
            }),
          ),
        );
        const tagRows = good.flatMap((r, i) =>
          [...r.dialects, ...r.skills].map((t) => ({ agentId: agents[i].id, ...t })),
        );
        if (tagRows.length) await m.getRepository(AgentTag).insert(tagRows);
        await this.audit.record(m, [
          {
            actor: actorId(caller),
            action: 'agents.imported',
            subjectType: 'team',
            subjectId: input.teamId ?? null,
            details: { created: agents.length, skipped: read.rows.length - agents.length },
          },
        ]);
        created = agents.length;
      });
    }
    return { rows: read.rows.length, valid: good.length, created, errors };
  }
}
