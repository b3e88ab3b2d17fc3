import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Message-ID we received or sent, and the ticket it belongs to once known. */
@Entity({ name: 'thread_message' })
export class ThreadMessageEntity {
  /** Normalized (no angle brackets). */
  @PrimaryColumn('text')
  rfcMessageId!: string;

  @Column('uuid', { nullable: true })
  ticketId!: string | null;

  @Column('text')
  direction!: 'in' | 'out';

  @Column('text', { nullable: true })
  mailbox!: string | null;

  @Column('text', { nullable: true })
  sender!: string | null;

  @Column('timestamptz')
  createdAt!: Date;
}
