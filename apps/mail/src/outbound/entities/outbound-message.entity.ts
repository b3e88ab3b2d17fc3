import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MailAddress } from '../../parsing/parsed-mail';

export type OutboundKind = 'acknowledgment' | 'reply' | 'forward' | 'notification';

/** A file that travels with an outbound mail itself (a notification's calendar file). */
export interface InlineAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}
export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** A mail to send: queued, retried with backoff on temporary failures, then sent or failed for good. */
@Entity({ name: 'outbound_message' })
export class OutboundMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: OutboundKind;

  @Column('uuid', { nullable: true })
  requestId!: string | null;

  @Column('uuid', { nullable: true })
  ticketId!: string | null;

  @Column('text', { nullable: true })
  ticketNumber!: string | null;

  @Column('text')
  mailbox!: string;

  @Column('text')
  fromAddress!: string;

  @Column('text', { nullable: true })
  fromName!: string | null;

  @Column('jsonb')
  toAddresses!: MailAddress[];

  @Column('jsonb')
  ccAddresses!: MailAddress[];

  @Column('text')
  subject!: string;

  @Column('text')
  textBody!: string;

  /** Normalized (no angle brackets). */
  @Column('text')
  rfcMessageId!: string;

  @Column('text', { nullable: true })
  inReplyTo!: string | null;

  @Column('text', { array: true })
  referenceIds!: string[];

  @Column('jsonb')
  extraHeaders!: Record<string, string>;

  @Column('uuid', { array: true })
  attachmentIds!: string[];

  @Column('jsonb', { default: [] })
  inlineAttachments!: InlineAttachment[];

  @Column('text')
  status!: OutboundStatus;

  @Column('int')
  attempts!: number;

  @Column('timestamptz')
  nextAttemptAt!: Date;

  @Column('timestamptz', { nullable: true })
  leaseUntil!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('text', { nullable: true })
  relayResponse!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;
}
