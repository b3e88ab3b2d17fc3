import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ticket as the mail service knows it: number and the addresses that may write to it. */
@Entity({ name: 'ticket' })
export class TicketEntity {
  @PrimaryColumn('uuid')
  ticketId!: string;

  @Column('text', { unique: true })
  number!: string;

  @Column('text', { nullable: true })
  citizenEmail!: string | null;

  /** Lower-case addresses: citizen, authorities it was forwarded to, recipients of our mail about it. */
  @Column('text', { array: true })
  participants!: string[];

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
