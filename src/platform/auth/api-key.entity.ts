import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: Role;
  /** First characters of the key, to tell keys apart in listings. */
  @Column({ type: 'text' }) keyPrefix: string;
  /** SHA-256 of the whole key: keys are 256-bit random, so a fast hash is safe and lookups stay O(1). */
  @Index('uq_api_keys_key_hash', { unique: true })
  @Column({ type: 'text', select: false })
  keyHash: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
