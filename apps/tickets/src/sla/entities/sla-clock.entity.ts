import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SlaMetric } from '@d115/contracts';
import type { ClockStatus } from '../domain/sla-clock';
import { numeric } from './numeric.transformer';

@Entity('sla_clock')
export class SlaClock {
  @PrimaryColumn('uuid') ticketId!: string;
  @PrimaryColumn('text') metric!: SlaMetric;
  @Column('uuid', { nullable: true }) policyId!: string | null;
  @Column('numeric', { transformer: numeric }) targetMinutes!: number;
  @Column('numeric', { transformer: numeric }) warningShare!: number;
  @Column('boolean') pauseInPendingAuthority!: boolean;
  @Column('text') status!: ClockStatus;
  @Column('numeric', { transformer: numeric }) consumedMinutes!: number;
  @Column('timestamptz', { nullable: true }) runningSince!: Date | null;
  @Column('timestamptz', { nullable: true }) warnAt!: Date | null;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('timestamptz', { nullable: true }) warnedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) breachedAt!: Date | null;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz', { nullable: true }) metAt!: Date | null;
}
