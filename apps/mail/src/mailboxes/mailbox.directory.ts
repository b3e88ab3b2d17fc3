import { MailboxConfig } from './entities/mailbox.config';

/** The configured mailboxes, looked up by address (case-insensitive). */
export class MailboxDirectory {
  private readonly byAddress = new Map<string, MailboxConfig>();

  constructor(readonly mailboxes: MailboxConfig[]) {
    for (const mailbox of mailboxes) {
      this.byAddress.set(mailbox.address, mailbox);
      if (mailbox.replyFrom && !this.byAddress.has(mailbox.replyFrom)) this.byAddress.set(mailbox.replyFrom, mailbox);
    }
  }

  find(address: string | undefined): MailboxConfig | undefined {
    return address ? this.byAddress.get(address.trim().toLowerCase()) : undefined;
  }

  /** The first configured mailbox: sender of mail for which no mailbox is named. */
  get default(): MailboxConfig {
    return this.mailboxes[0];
  }

  /** True for any address of ours (a mail from it is our own, coming back). */
  isOwnAddress(address: string | undefined): boolean {
    return this.find(address) !== undefined;
  }

  withImap(): MailboxConfig[] {
    return this.mailboxes.filter((mailbox) => mailbox.imap);
  }
}
