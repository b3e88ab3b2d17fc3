import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReservationView, TicketChannel } from '@d115/contracts';

export type ReservationStatus = ReservationView['status'];

/** An offer of a case to one agent, open until accepted, rejected, expired or cancelled. */
@Entity('reservation')
export class Reservation {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') ticketId!: string;
  @Column('text') agentId!: string;
  @Column('text') channel!: TicketChannel;
  @Column('text') status!: ReservationStatus;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
}
