import type { OpeningHoursEntry } from './domain/opening-hours';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sites')
export class Site {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  /** IANA zone; shift days and counsellor hours are local to it. */
  @Column({ type: 'text', default: 'Asia/Shanghai' }) timeZone: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Weekly opening hours in `timeZone` (domain/opening-hours.ts); null = always open. */
  @Column({ type: 'jsonb', nullable: true }) openingHours: OpeningHoursEntry[] | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
