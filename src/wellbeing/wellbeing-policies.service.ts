import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { actorId, Principal } from '../platform/auth/principal';
import { Clock } from '../platform/common/clock/clock';
import { badRequest } from '../platform/common/errors/domain-error';
import { SitesService } from '../people/sites/sites.service';
import { TeamsService } from '../people/teams/teams.service';
import { DEFAULT_POLICY, WellbeingPolicy } from './break-policy';
import { PolicySettingsDto, PolicyViewDto } from './dto/wellbeing.dto';
import { stripUndefined } from '../platform/common/objects';

type Scope = 'site' | 'team';
const POLICY_CACHE_MS = 5_000;

/** Wellbeing policies: a team's own, falling back to its site's default, then the built-in defaults. */
@Injectable()
export class WellbeingPoliciesService {
  private readonly siteOfTeam = new Map<string, string>();
  /** Policies are read at every call end; a change reaches other replicas within POLICY_CACHE_MS. */
  private readonly cache = new Map<string, { policy: WellbeingPolicy; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly teams: TeamsService,
    private readonly sites: SitesService,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for a team (an agent without a team gets the defaults). */
  async effective(
    teamId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WellbeingPolicy> {
    const key = teamId ?? '';
    const hit = this.cache.get(key);
    const now = Date.now(); // cache age only, not domain time
    if (hit && hit.at > now - POLICY_CACHE_MS) return hit.policy;
    const policy = (await this.resolve(teamId, manager)).policy;
    this.cache.set(key, { policy, at: now });
    return policy;
  }

  private async siteOf(teamId: string, manager: EntityManager): Promise<string> {
    // A team never changes site, so this is safe to remember.
    let siteId = this.siteOfTeam.get(teamId);
    if (!siteId) {
      // Through the caller's manager: inside a call-events transaction a read on a second pooled
      // connection starved the pool when a burst of first batches (after a restart) all missed this
      // cache at once: every connection held by a transaction waiting for another one.
      siteId = (await this.teams.get(teamId, manager)).siteId;
      this.siteOfTeam.set(teamId, siteId);
    }
    return siteId;
  }

  private async resolve(
    teamId: string | null,
    manager: EntityManager,
    siteIdIfSite?: string,
  ): Promise<{ policy: WellbeingPolicy; source: 'team' | 'site' | 'default' }> {
    const siteId = siteIdIfSite ?? (teamId ? await this.siteOf(teamId, manager) : null);
    if (!siteId) return { policy: { ...DEFAULT_POLICY }, source: 'default' };
    const rows: Array<{ scope: Scope; settings: Partial<WellbeingPolicy> }> = await manager.query(
      `SELECT scope, settings FROM wellbeing_policies
        WHERE (scope = 'site' AND scope_id = $1) OR (scope = 'team' AND scope_id = $2)`,
      [siteId, teamId],
    );
    const site = rows.find((r) => r.scope === 'site')?.settings;
    const team = rows.find((r) => r.scope === 'team')?.settings;
    return {
      policy: { ...DEFAULT_POLICY, ...(site ?? {}), ...(team ?? {}) },
      source: team ? 'team' : site ? 'site' : 'default',
    };
  }

  async view(scope: Scope, scopeId: string): Promise<PolicyViewDto> {
    await this.authorise(scope, scopeId);
    const r =
      scope === 'team'
        ? await this.resolve(scopeId, this.dataSource.manager)
        : await this.resolve(null, this.dataSource.manager, scopeId);
    return { scope, scopeId, source: r.source, policy: r.policy };
  }

  /** Changes some settings; the merged policy must stay coherent. Audited with before and after. */
  async update(
    scope: Scope,
    scopeId: string,
    changes: PolicySettingsDto,
    caller: Principal,
  ): Promise<PolicyViewDto> {
    await this.authorise(scope, scopeId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT settings FROM wellbeing_policies WHERE scope = $1 AND scope_id = $2 FOR UPDATE`,
        [scope, scopeId],
      );
      const before: Partial<WellbeingPolicy> = row?.settings ?? {};
      const stored = { ...before, ...stripUndefined(changes) };
      const effective =
        scope === 'team'
          ? { ...(await this.resolve(scopeId, m)).policy, ...stored }
          : { ...DEFAULT_POLICY, ...stored };
      checkCoherent(effective);
      await m.query(
        `INSERT INTO wellbeing_policies (scope, scope_id, settings, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, scope_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [scope, scopeId, JSON.stringify(stored), now, actorId(caller)],
      );
      await this.audit.record(m, [
        {
          actor: actorId(caller),
          action: 'policy.changed',
          subjectType: scope,
          subjectId: scopeId,
          details: { before, after: stored },
        },
      ]);
    });
    this.cache.clear();
    return this.view(scope, scopeId);
  }

  /** 404 for an unknown team or site; who may read or write is the authorisation policy's. */
  private async authorise(scope: Scope, scopeId: string): Promise<void> {
    if (scope === 'team') await this.teams.get(scopeId);
    else await this.sites.get(scopeId);
  }
}

/** Cross-field rules the DTO cannot state: floor ≤ every severity's minutes ≤ maximum. */
function checkCoherent(p: WellbeingPolicy): void {
  const problems: string[] = [];
  const [s1, s2, s3] = p.recoveryMinutesBySeverity;
  if (!(s1 <= s2 && s2 <= s3)) problems.push('recoveryMinutesBySeverity must not decrease');
  if (p.recoveryFloorMinutes > s1)
    problems.push('recoveryFloorMinutes must not exceed the severity 1 recovery');
  if (p.recoveryMaximumMinutes < Math.max(s3, p.escalatedRecoveryMinutes))
    problems.push('recoveryMaximumMinutes must cover every recovery the policy grants');
  if (problems.length)
    throw badRequest('INVALID_POLICY', 'The policy settings contradict each other', { problems });
}
