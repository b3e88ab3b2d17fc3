import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgentPresence, TicketChannel } from '@d115/contracts';

export type ChannelCounts = Partial<Record<TicketChannel, number>>;

@Entity('agent')
export class Agent {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') presence!: AgentPresence;
  @Column('jsonb') skills!: Record<string, number>;
  @Column('jsonb') capacity!: ChannelCounts;
  /** Pending offers plus assigned active cases, per channel; kept under the agent's row lock. */
  @Column('jsonb') load!: ChannelCounts;
  @Column('text', { array: true }) queues!: string[];
  /** `queues` whose target expression the skills satisfy (recomputed when either changes). */
  @Column('text', { array: true }) eligibleQueues!: string[];
  @Column('timestamptz', { nullable: true }) lastAssignedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) dispatchCheckedAt!: Date | null;
  @Column('int') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
