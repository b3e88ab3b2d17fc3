import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketChannel } from '@d115/contracts';
import type { EscalationStep } from '../../cases/entities/ticket.entity';

export interface RuleConditions {
  channels?: TicketChannel[];
  mailboxes?: string[];
  leikaPrefixes?: string[];
  regionPrefixes?: string[];
  keywords?: string[];
  languages?: string[];
}

@Entity('routing_rule')
export class RoutingRule {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('int') position!: number;
  @Column('boolean') enabled!: boolean;
  @Column('jsonb') conditions!: RuleConditions;
  @Column('text') queueId!: string;
  @Column('int') priority!: number;
  @Column('jsonb') requiredSkills!: Record<string, number>;
  @Column('uuid', { nullable: true }) authorityId!: string | null;
  @Column('jsonb') escalation!: EscalationStep[];
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
