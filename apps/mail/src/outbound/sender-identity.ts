import { MailEnv } from '../config/mail.env';
import { MailboxConfig } from '../mailboxes/entities/mailbox.config';
import { domainOf } from './outbound-addressing';

export interface SenderIdentity {
  address: string;
  name: string;
  /** Domain of our Message-IDs: MAIL_MESSAGE_ID_DOMAIN, else the domain of the sending address. */
  messageIdDomain: string;
}

export function senderIdentity(env: Pick<MailEnv, 'MAIL_MESSAGE_ID_DOMAIN'>, mailbox: MailboxConfig): SenderIdentity {
  const address = mailbox.replyFrom ?? mailbox.address;
  return { address, name: mailbox.displayName, messageIdDomain: env.MAIL_MESSAGE_ID_DOMAIN?.toLowerCase() ?? domainOf(address) };
}
