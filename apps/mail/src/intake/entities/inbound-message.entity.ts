import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InboundStatus = 'stored' | 'quarantined';

/** A mail exactly as it arrived, per mailbox; kept whether or not it could be parsed. */
@Entity({ name: 'inbound_message' })
export class InboundMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  mailbox!: string;

  /**
   * Normalized Message-ID or content hash id; unique per mailbox. A mail that
   * reuses a Message-ID taken by other content gets "<Message-ID> <content hash>".
   */
  @Column('text')
  dedupeKey!: string;

  /** SHA-256 of the content without trace headers (messageIdentity); null on rows from before it was kept. */
  @Column('text', { nullable: true })
  contentHash!: string | null;

  @Column('text')
  source!: 'smtp' | 'imap';

  /** '' for the null sender <>, null when unknown (IMAP). */
  @Column('text', { nullable: true })
  envelopeFrom!: string | null;

  @Column('text', { array: true })
  envelopeTo!: string[];

  @Column('text', { nullable: true })
  clientAddress!: string | null;

  @Column('int')
  size!: number;

  @Column('bytea')
  raw!: Buffer;

  @Column('text')
  status!: InboundStatus;

  @Column('text', { nullable: true })
  quarantineReason!: string | null;

  @Column('int')
  attempts!: number;

  @Column('timestamptz')
  receivedAt!: Date;

  @Column('timestamptz', { nullable: true })
  processedAt!: Date | null;
}
