import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BounceDto, MailClassification } from '@d115/contracts';
import { RawHeader } from '../../parsing/header-decoding';
import { MailAddress } from '../../parsing/parsed-mail';

/** A received mail, parsed: what the agent console shows and the event reports. Same id as its raw row. */
@Entity({ name: 'message' })
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  mailbox!: string;

  /** Normalized (no angle brackets); a content hash id when the mail had none. */
  @Column('text')
  rfcMessageId!: string;

  @Column('text', { nullable: true })
  fromAddress!: string | null;

  @Column('text', { nullable: true })
  fromName!: string | null;

  @Column('jsonb')
  replyTo!: MailAddress[];

  @Column('jsonb')
  toAddresses!: MailAddress[];

  @Column('jsonb')
  ccAddresses!: MailAddress[];

  @Column('text')
  subject!: string;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('jsonb')
  headers!: RawHeader[];

  @Column('text', { nullable: true })
  inReplyTo!: string | null;

  @Column('text', { array: true })
  referenceIds!: string[];

  @Column('text')
  textBody!: string;

  @Column('text', { nullable: true })
  quotedText!: string | null;

  @Column('text', { nullable: true })
  htmlBody!: string | null;

  @Column('text')
  classification!: MailClassification;

  @Column('text', { array: true })
  classificationReasons!: string[];

  @Column('jsonb', { nullable: true })
  bounce!: BounceDto | null;

  @Column('uuid', { nullable: true })
  ticketId!: string | null;

  @Column('text', { nullable: true })
  ticketNumber!: string | null;

  @Column('text', { nullable: true })
  threadReason!: string | null;

  @Column('boolean')
  newCase!: boolean;

  /** Stored although another mail in the mailbox has its Message-ID: the content differs (a broken client or a forgery). */
  @Column('boolean')
  messageIdReused!: boolean;

  @Column('timestamptz')
  createdAt!: Date;
}
