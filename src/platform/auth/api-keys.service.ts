import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { notFound } from '../common/errors/domain-error';
import { preparedQuery } from '../database/prepared-query';
import { ApiKey } from './api-key.entity';
import type { Principal } from './principal';
import type { Role } from './roles';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** last_used_at is written at most this often per key, to keep the router's hot path read-only. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A verified key is trusted for this long without a database read: the router presents its key on
 * every call. Revocation takes effect at once on the replica that revoked it and within this
 * window on the others.
 */
export const API_KEY_CACHE_MS = 5_000;

@Injectable()
export class ApiKeysService {
  private readonly lastTouched = new Map<string, number>();
  private readonly verified = new Map<string, { principal: Principal; at: number }>();

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a key, audited as issued `by` (an actor id); the plain key is returned once and only
   * its hash is stored. `createdBy` is the person, when a person asked.
   */
  async create(
    name: string,
    role: Role,
    createdBy: string | null,
    by: string,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `sw_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.keys.manager.transaction(async (m) => {
      const repo = m.getRepository(ApiKey);
      const saved = await repo.save(
        repo.create({
          name,
          role,
          keyPrefix: key.slice(0, 10),
          keyHash: hashApiKey(key),
          createdBy,
        }),
      );
      await this.audit.record(m, [
        {
          actor: by,
          action: 'api_key.issued',
          subjectType: 'api_key',
          subjectId: saved.id,
          details: { name, role },
        },
      ]);
      return saved;
    });
    return { apiKey, key };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  /** Revokes a key, audited as revoked `by`; revoking a revoked key again changes nothing. */
  async revoke(id: string, by: string): Promise<void> {
    for (const [hash, entry] of this.verified)
      if (entry.principal.kind === 'apiKey' && entry.principal.apiKeyId === id)
        this.verified.delete(hash);
    await this.keys.manager.transaction(async (m) => {
      const result = await m
        .getRepository(ApiKey)
        .update({ id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      if (result.affected)
        await this.audit.record(m, [
          { actor: by, action: 'api_key.revoked', subjectType: 'api_key', subjectId: id },
        ]);
      else if (!(await m.getRepository(ApiKey).exists({ where: { id } })))
        throw notFound('API key');
    });
  }

  /** The principal for a presented key, or null when unknown or revoked (checked on every request). */
  async authenticate(key: string): Promise<Principal | null> {
    const hash = hashApiKey(key);
    const now = this.clock.now().getTime();
    const cached = this.verified.get(hash);
    if (cached && now - cached.at >= 0 && now - cached.at < API_KEY_CACHE_MS)
      return cached.principal;
    const [found] = await preparedQuery<{ id: string; name: string; role: Role }>(
      this.keys.manager,
      `SELECT id, name, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hash],
    );
    if (!found) {
      this.verified.delete(hash);
      return null;
    }
    this.touch(found.id);
    const principal: Principal = {
      kind: 'apiKey',
      apiKeyId: found.id,
      roles: [found.role],
      name: found.name,
    };
    this.verified.set(hash, { principal, at: now });
    return principal;
  }

  private touch(id: string): void {
    const now = this.clock.now();
    const last = this.lastTouched.get(id) ?? 0;
    if (now.getTime() - last < LAST_USED_RESOLUTION_MS) return;
    this.lastTouched.set(id, now.getTime());
    // Best effort: a failed bookkeeping write must not fail the router's request.
    this.keys.update({ id }, { lastUsedAt: now }).catch(() => this.lastTouched.delete(id));
  }
}
