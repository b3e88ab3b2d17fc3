import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { MailClassification } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { GroupCommit } from '../../../common/group-commit';
import { MailEnv } from '../../../config/mail.env';
import { MailboxConfig } from '../../../mailboxes/entities/mailbox.config';
import { messageMetrics } from '../../../messages/messages.metrics';
import { RecordMessageInput, RecordMessageUsecase } from '../../../messages/usecases/record-message/record-message.usecase';
import { messageIdentity } from '../../../parsing/message-ids';
import { ParseOutcome } from '../../../parsing/parsed-mail';
import { ParseMessageUsecase } from '../../../parsing/usecases/parse-message/parse-message.usecase';
import { intakeMetrics } from '../../intake.metrics';
import { IntakeRepository, NewInbound } from '../../intake.repository';

export interface IngestInput {
  raw: Buffer;
  /** The mailboxes it is addressed to (distinct). */
  mailboxes: MailboxConfig[];
  source: 'smtp' | 'imap';
  envelope: { from?: string; to: string[]; clientAddress?: string };
  /** More work in the same transaction (the IMAP cursor moves with the import). */
  alsoInTransaction?: (manager: EntityManager) => Promise<void>;
}

export interface Delivery {
  mailbox: string;
  id: string;
  outcome: 'stored' | 'duplicate' | 'quarantined';
  classification?: MailClassification;
}

interface Prepared {
  input: IngestInput;
  parsed: ParseOutcome;
  rfcMessageId: string;
  contentHash: string;
}

/**
 * Takes a raw mail in: parses it, then in ONE transaction stores the raw mail,
 * the parsed message and its consequences, and the mail.message.received event
 * (outbox). Resolves only after commit, so the caller may then say 250. A mail
 * that cannot be parsed is stored raw in quarantine — still accepted, never
 * dropped. A mailbox that already has the mail (same Message-ID and content,
 * or the same content hash for mail without Message-ID) keeps the first copy.
 * Mails arriving at the same time share a transaction (group commit), up to
 * MAIL_COMMIT_GROUP_MAX_BYTES of raw mail.
 */
@Injectable()
export class IngestMessageUsecase {
  private readonly logger = childLogger('intake');
  private readonly group: GroupCommit<Prepared, Delivery[]>;

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: IntakeRepository,
    private readonly parse: ParseMessageUsecase,
    private readonly record: RecordMessageUsecase,
    @Inject(ENV) env: Pick<MailEnv, 'MAIL_COMMIT_GROUP_MAX_BYTES'>,
  ) {
    // Raw bytes times mailboxes: each mailbox gets its own row of the raw mail.
    this.group = new GroupCommit((items) => this.store(items), {
      maxBytes: env.MAIL_COMMIT_GROUP_MAX_BYTES,
      sizeOf: (item) => item.input.raw.length * item.input.mailboxes.length,
    });
  }

  async execute(input: IngestInput): Promise<Delivery[]> {
    const parsed = await this.parse.execute(input.raw);
    const { rfcMessageId, contentHash } = messageIdentity(input.raw, parsed.ok ? parsed.mail.headers : parsed.headers);
    const deliveries = await this.group.submit({ input, parsed, rfcMessageId, contentHash });
    for (const delivery of deliveries) this.count(delivery, input, parsed.ok ? undefined : parsed.reason);
    return deliveries;
  }

  private store(items: Prepared[]): Promise<Delivery[][]> {
    return this.transactions.run(async (manager) => {
      const rows = items.map((item) =>
        item.input.mailboxes.map((mailbox): NewInbound & { mailboxConfig: MailboxConfig } => ({
          id: uuidv7(),
          mailbox: mailbox.address,
          mailboxConfig: mailbox,
          dedupeKey: item.rfcMessageId,
          contentHash: item.contentHash,
          source: item.input.source,
          envelopeFrom: item.input.envelope.from ?? null,
          envelopeTo: item.input.envelope.to,
          clientAddress: item.input.envelope.clientAddress ?? null,
          raw: item.input.raw,
          status: item.parsed.ok ? 'stored' : 'quarantined',
          quarantineReason: item.parsed.ok ? null : item.parsed.reason,
        })),
      );
      const stored = await this.repository.insertMany(manager, rows.flat());
      const toRecord: RecordMessageInput[] = [];
      for (const [i, item] of items.entries()) {
        if (!item.parsed.ok) continue;
        for (const row of rows[i].filter((r) => stored.has(r.id))) {
          toRecord.push({
            id: row.id,
            rfcMessageId: item.rfcMessageId,
            mailbox: row.mailboxConfig,
            source: item.input.source,
            mail: item.parsed.mail,
            envelopeFrom: item.input.envelope.from,
            messageIdReused: stored.get(row.id)?.messageIdReused,
          });
        }
      }
      const recorded = await this.record.execute(manager, toRecord);
      const classifications = new Map(toRecord.map((r, i) => [r.id, recorded[i].classification]));
      for (const item of items) await item.input.alsoInTransaction?.(manager);
      return rows.map((mailboxRows) =>
        mailboxRows.map((row): Delivery => {
          if (!stored.has(row.id)) return { mailbox: row.mailbox, id: row.id, outcome: 'duplicate' };
          if (row.status === 'quarantined') return { mailbox: row.mailbox, id: row.id, outcome: 'quarantined' };
          return { mailbox: row.mailbox, id: row.id, outcome: 'stored', classification: classifications.get(row.id) };
        }),
      );
    });
  }

  private count(delivery: Delivery, input: IngestInput, reason?: string): void {
    if (delivery.classification) messageMetrics.received.inc({ classification: delivery.classification, source: input.source });
    if (delivery.outcome === 'duplicate') intakeMetrics.duplicates.inc({ source: input.source });
    if (delivery.outcome === 'quarantined') {
      intakeMetrics.quarantined.inc({ source: input.source });
      this.logger.warn({ id: delivery.id, mailbox: delivery.mailbox, reason }, 'mail quarantined: it could not be parsed');
    }
  }
}
