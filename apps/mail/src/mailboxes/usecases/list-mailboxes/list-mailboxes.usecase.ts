import { Injectable } from '@nestjs/common';
import { MailboxView } from '@d115/contracts';
import { MailboxConfig } from '../../entities/mailbox.config';
import { MailboxDirectory } from '../../mailbox.directory';

/** The configured mailboxes for the admin view: addresses and settings, never IMAP credentials. */
@Injectable()
export class ListMailboxesUsecase {
  constructor(private readonly directory: MailboxDirectory) {}

  execute(): MailboxView[] {
    return this.directory.mailboxes.map(toView);
  }
}

function toView(mailbox: MailboxConfig): MailboxView {
  return {
    address: mailbox.address,
    displayName: mailbox.displayName,
    ...(mailbox.replyFrom ? { replyFrom: mailbox.replyFrom } : {}),
    ...(mailbox.ars ? { ars: mailbox.ars } : {}),
    ...(mailbox.queueHint ? { queueHint: mailbox.queueHint } : {}),
    serviceHours: mailbox.serviceHours,
    acknowledgment: mailbox.acknowledgment.enabled,
    intake: mailbox.imap ? 'imap' : 'smtp',
    ...(mailbox.imap ? { imap: { host: mailbox.imap.host, folder: mailbox.imap.folder } } : {}),
  };
}
