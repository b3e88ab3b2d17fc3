import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AcknowledgmentState = 'awaiting-ticket' | 'queued' | 'rate-limited' | 'undeliverable';

/**
 * A received mail that gets an acknowledgment once its ticket number is known
 * (on ticket.created); the decision (sent, rate-limited, undeliverable) is kept.
 */
@Entity({ name: 'acknowledgment' })
export class AcknowledgmentEntity {
  @PrimaryColumn('uuid')
  messageId!: string;

  @Column('text')
  mailbox!: string;

  @Column('text')
  rfcMessageId!: string;

  @Column('text')
  recipient!: string;

  @Column('text', { nullable: true })
  recipientName!: string | null;

  @Column('text')
  subject!: string;

  @Column('text')
  state!: AcknowledgmentState;

  @Column('uuid', { nullable: true })
  outboundId!: string | null;

  @Column('uuid', { nullable: true })
  ticketId!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;
}
