import { Injectable } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { childLogger } from '@d115/observability';
import { Transactions } from '@d115/database';
import { IngestMessageUsecase } from '../../../intake/usecases/ingest-message/ingest-message.usecase';
import { ImapSettings, MailboxConfig } from '../../../mailboxes/entities/mailbox.config';
import { ImapCursor, ImapRepository } from '../../imap.repository';

/** Messages fetched per round trip. */
const CHUNK = 25;

/**
 * One pass over a mailbox folder on an IMAP server: imports every message with
 * a UID above the cursor, each in the transaction that also moves the cursor
 * (a restart neither misses nor re-imports), then moves or flags the imported
 * messages on the server — including ones a crash left behind after import.
 * A new UIDVALIDITY restarts from the beginning; duplicates are then dropped by
 * Message-ID.
 */
@Injectable()
export class ImportImapMailboxUsecase {
  private readonly logger = childLogger('imap');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ImapRepository,
    private readonly ingest: IngestMessageUsecase,
  ) {}

  async execute(client: ImapFlow, mailbox: MailboxConfig): Promise<number> {
    const settings = mailbox.imap!;
    const lock = await client.getMailboxLock(settings.folder);
    try {
      const uidValidity = BigInt(client.mailbox ? client.mailbox.uidValidity : 0);
      const stored = await this.repository.cursor(this.transactions.manager, mailbox.address, settings.folder);
      let cursor: ImapCursor = stored && stored.uidValidity === uidValidity ? stored : { uidValidity, lastUid: 0 };
      if (stored && stored.uidValidity !== uidValidity) {
        this.logger.warn({ mailbox: mailbox.address, folder: settings.folder }, 'UIDVALIDITY changed: importing the folder again (duplicates are dropped)');
      }
      await this.finishImported(client, settings, cursor.lastUid);
      const found = (await client.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => uid > cursor.lastUid).sort((a, b) => a - b);
      for (let i = 0; i < uids.length; i += CHUNK) {
        const messages = await client.fetchAll(uids.slice(i, i + CHUNK), { uid: true, source: true }, { uid: true });
        for (const message of messages.sort((a, b) => a.uid - b.uid)) {
          const next: ImapCursor = { uidValidity, lastUid: message.uid };
          await this.ingest.execute({
            raw: message.source ?? Buffer.alloc(0),
            mailboxes: [mailbox],
            source: 'imap',
            envelope: { to: [mailbox.address] },
            alsoInTransaction: (manager) => this.repository.saveCursor(manager, mailbox.address, settings.folder, next),
          });
          cursor = next;
        }
      }
      if (uids.length > 0) {
        await this.finishImported(client, settings, cursor.lastUid);
        this.logger.info({ mailbox: mailbox.address, imported: uids.length }, 'imported mail over IMAP');
      }
      return uids.length;
    } finally {
      lock.release();
    }
  }

  /** Moves or flags what has been imported (UID ≤ lastUid) and is still in the folder unhandled. */
  private async finishImported(client: ImapFlow, settings: ImapSettings, lastUid: number): Promise<void> {
    if (lastUid === 0) return;
    if (settings.afterImport === 'move') {
      const left = (await client.search({ uid: `1:${lastUid}` }, { uid: true })) || [];
      if (left.length === 0) return;
      await client.mailboxCreate(settings.moveTo).catch(() => undefined);
      await client.messageMove(left, settings.moveTo, { uid: true });
    } else {
      const unflagged = (await client.search({ uid: `1:${lastUid}`, unKeyword: settings.flag }, { uid: true })) || [];
      if (unflagged.length > 0) await client.messageFlagsAdd(unflagged, [settings.flag], { uid: true });
    }
  }
}
