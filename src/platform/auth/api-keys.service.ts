import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
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
    private readonly clock: Clock,
  ) {}

  /** Creates a key; the plain key is returned once and only its hash is stored. */
  async create(
    name: string,
    role: Role,
    createdBy: string | null,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `sw_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.keys.save(
      this.keys.create({
        name,
        role,
        keyPrefix: key.slice(0, 10),
        keyHash: hashApiKey(key),
        createdBy,
      }),
    );
    return { apiKey, key };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  async revoke(id: string): Promise<void> {
    for (const [hash, entry] of this.verified)
      if (entry.principal.kind === 'apiKey' && entry.principal.apiKeyId === id)
        this.verified.delete(hash);
    const result = await this.keys.update(
      { id, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    if (!result.affected) {
      const exists = await this.keys.exists({ where: { id } });
      if (!exists) throw notFound('API key');
    }
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
