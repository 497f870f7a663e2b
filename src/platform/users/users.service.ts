import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';
import { badRequest, notFound } from '../common/errors/domain-error';
import { Page, pageOf, PageQueryDto } from '../common/pagination/page-query.dto';
import { containsPattern } from '../common/search/contains-pattern';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { withAdvisoryLock } from '../database/advisory-lock';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../../people/teams/teams.service';
import { accessChange } from './access-change';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  teamId?: string | null;
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** On an empty database, create the bootstrap admin (once, even with several replicas starting). */
  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.bootstrapAdmin;
    const created = await withAdvisoryLock(
      this.users.manager.connection,
      'bootstrap-admin',
      async (manager) => {
        if ((await manager.getRepository(User).count()) > 0) return false;
        const inserted = await manager.getRepository(User).insert({
          email: email.toLowerCase(),
          passwordHash: await hashPassword(password, this.config.passwordHashing),
          displayName: 'Administrator',
          roles: ['admin'],
        });
        await this.audit.record(manager, [
          {
            actor: 'system',
            action: 'user.created',
            subjectType: 'user',
            subjectId: inserted.identifiers[0].id as string,
            details: { roles: ['admin'], teamId: null },
          },
        ]);
        return true;
      },
    );
    if (created) this.logger.log('Created the bootstrap admin account');
  }

  /**
   * Creates a user, audited as done `by` (an actor id); inside `manager` when the caller needs it
   * in its own transaction. The audit keeps the roles and team, never the email or the name.
   */
  async create(input: NewUser, by: string, manager?: EntityManager): Promise<User> {
    if (input.teamId) await this.teams.requireExists(input.teamId);
    const passwordHash = await hashPassword(input.password, this.config.passwordHashing);
    const save = async (m: EntityManager) => {
      const repo = m.getRepository(User);
      const user = await repo.save(
        repo.create({
          email: input.email.toLowerCase(),
          passwordHash,
          displayName: input.displayName,
          roles: input.roles,
          teamId: input.teamId ?? null,
        }),
      );
      await this.audit.record(m, [
        {
          actor: by,
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          details: { roles: [...user.roles].sort(), teamId: user.teamId },
        },
      ]);
      return user;
    };
    return manager ? save(manager) : this.users.manager.transaction(save);
  }

  async list(
    query: PageQueryDto & { role?: string; teamId?: string; active?: boolean; search?: string },
  ): Promise<Page<User>> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.teamId) qb.andWhere('u.team_id = :teamId', { teamId: query.teamId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.search)
      qb.andWhere('(u.display_name ILIKE :pattern OR u.email ILIKE :pattern)', {
        pattern: containsPattern(query.search),
      });
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * Changes a user, audited as done `by`: roles, team and sign-in (`user.access_changed`, with what
   * each was and became) and a password set by its owner or by an admin. A rename is not audited.
   */
  async update(
    id: string,
    changes: {
      password?: string;
      displayName?: string;
      roles?: Role[];
      teamId?: string | null;
      active?: boolean;
    },
    by: string,
  ): Promise<User> {
    await this.get(id);
    if (changes.teamId) await this.teams.requireExists(changes.teamId);
    if (changes.roles && changes.roles.length === 0)
      throw badRequest('VALIDATION_FAILED', 'A user needs at least one role', {
        fields: [{ field: 'roles', messages: ['must not be empty'] }],
      });
    const patch: Partial<User> = {};
    if (changes.displayName !== undefined) patch.displayName = changes.displayName;
    if (changes.roles !== undefined) patch.roles = changes.roles;
    if (changes.teamId !== undefined) patch.teamId = changes.teamId;
    if (changes.active !== undefined) patch.active = changes.active;
    // Hashed before the row is locked: argon2 takes a while on purpose.
    if (changes.password !== undefined)
      patch.passwordHash = await hashPassword(changes.password, this.config.passwordHashing);
    if (Object.keys(patch).length)
      await this.users.manager.transaction(async (m) => {
        // Locked, so the audit's "from" is what this change replaced, not what a racing one did.
        const before = await m
          .getRepository(User)
          .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw notFound('User');
        const access = accessChange(before, changes);
        // A new password, other roles or (de)activation refuse every token issued before, on every replica.
        const credentialsChanged =
          changes.password !== undefined || !!access?.roles || !!access?.active;
        await m
          .getRepository(User)
          .update(
            { id },
            credentialsChanged ? { ...patch, tokenVersion: () => 'token_version + 1' } : patch,
          );
        await this.audit.record(m, [
          ...(access
            ? [
                {
                  actor: by,
                  action: 'user.access_changed',
                  subjectType: 'user',
                  subjectId: id,
                  details: access,
                },
              ]
            : []),
          ...(changes.password !== undefined
            ? [
                {
                  actor: by,
                  action: by === id ? 'user.password_changed' : 'user.password_reset',
                  subjectType: 'user',
                  subjectId: id,
                },
              ]
            : []),
        ]);
      });
    return this.get(id);
  }

  deactivate(id: string, by: string): Promise<User> {
    return this.update(id, { active: false }, by);
  }

  /** The only read that returns the password hash. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }
}
