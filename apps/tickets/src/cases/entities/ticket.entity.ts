import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReplyChannel, RoutingStatus, TicketChannel, TicketState } from '@d115/contracts';

/** One escalation step copied from the routing rule when the case was routed. */
export interface EscalationStep {
  afterMinutes: number;
  queue?: string;
  requiredSkills?: Record<string, number>;
  priority?: number;
}

@Entity('ticket')
export class Ticket {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') number!: string;
  @Column('text') channel!: TicketChannel;
  @Column('text') state!: TicketState;
  @Column('text') subject!: string;
  @Column('text', { nullable: true }) citizenName!: string | null;
  @Column('text', { nullable: true }) citizenEmail!: string | null;
  @Column('text', { nullable: true }) citizenPhone!: string | null;
  @Column('text', { nullable: true }) citizenPreferredChannel!: ReplyChannel | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('text', { nullable: true }) leikaKey!: string | null;
  @Column('text', { nullable: true }) ars!: string | null;
  @Column('text', { nullable: true }) mailbox!: string | null;
  @Column('int') priority!: number;
  @Column('text') queueId!: string;
  @Column('text', { nullable: true }) ownerAgentId!: string | null;
  @Column('text') routingStatus!: RoutingStatus;
  @Column('timestamptz', { nullable: true }) queuedAt!: Date | null;
  @Column('jsonb') requiredSkills!: Record<string, number>;
  @Column('uuid', { nullable: true }) routingRuleId!: string | null;
  @Column('jsonb') escalationSteps!: EscalationStep[];
  @Column('int') escalationLevel!: number;
  @Column('timestamptz', { nullable: true }) escalateAt!: Date | null;
  @Column('uuid', { nullable: true }) suggestedAuthorityId!: string | null;
  @Column('text', { nullable: true }) forwardedAuthorityName!: string | null;
  @Column('text', { nullable: true }) forwardedAuthorityEmail!: string | null;
  @Column('timestamptz', { nullable: true }) forwardedAt!: Date | null;
  @Column('uuid', { nullable: true }) relatedTicketId!: string | null;
  /** What opened the case outside the service, e.g. `call:<callId>`: a second event for it opens nothing. */
  @Column('text', { nullable: true }) originRef!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  @Column('timestamptz', { nullable: true }) firstRespondedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) anonymizedAt!: Date | null;
  /** sha256 of the citizen's status access key (the key itself is only in the acknowledgment). */
  @Column('text', { nullable: true }) statusKeyHash!: string | null;
}
