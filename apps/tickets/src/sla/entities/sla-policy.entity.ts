import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketChannel } from '@d115/contracts';
import { numeric } from './numeric.transformer';

@Entity('sla_policy')
export class SlaPolicy {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) queueId!: string | null;
  @Column('text', { nullable: true }) channel!: TicketChannel | null;
  @Column('int') firstResponseMinutes!: number;
  @Column('int') resolutionMinutes!: number;
  @Column('numeric', { transformer: numeric }) warningShare!: number;
  @Column('boolean') pauseInPendingAuthority!: boolean;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
