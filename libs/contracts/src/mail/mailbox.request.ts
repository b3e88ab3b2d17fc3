import { IsOptional, IsString } from 'class-validator';

/** `d115.mail.mailbox.list`: the configured mailboxes, as an admin may see them (no credentials). */
export class ListMailboxesRequest {
  @IsOptional()
  @IsString()
  actor?: string;
}

export interface MailboxView {
  address: string;
  displayName: string;
  replyFrom?: string;
  ars?: string;
  queueHint?: string;
  serviceHours: string;
  acknowledgment: boolean;
  /** How mail arrives: forwarded to the SMTP listener, or polled from an IMAP mailbox. */
  intake: 'smtp' | 'imap';
  /** IMAP host and folder (never the user or password). */
  imap?: { host: string; folder: string };
}
