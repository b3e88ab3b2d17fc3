import { RawHeader } from './header-decoding';

export interface MailAddress {
  address: string;
  name?: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  /** Content-ID without angle brackets, for inline images referenced as cid:. */
  contentId?: string;
  inline: boolean;
}

/** A part of a multipart/report (RFC 6522) that machines read: the status and the returned headers. */
export interface ReportParts {
  reportType: string;
  /** Body of the message/delivery-status or message/disposition-notification part. */
  status?: string;
  /** Header fields of the returned original message (message/rfc822 or text/rfc822-headers). */
  originalHeaders?: RawHeader[];
}

/** A mail as far as parsing can tell, every text decoded; input to classification and threading. */
export interface ParsedMail {
  /** Message-ID without brackets; undefined when the mail has none. */
  messageId?: string;
  from?: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date?: Date;
  headers: RawHeader[];
  inReplyTo?: string;
  references: string[];
  /** New text, quoted history removed where recognised (from the HTML when there is no text part). */
  text: string;
  quotedText?: string;
  /** Sanitized for display. */
  html?: string;
  attachments: ParsedAttachment[];
  contentType: string;
  report?: ReportParts;
}

export type ParseOutcome = { ok: true; mail: ParsedMail } | { ok: false; reason: string; headers: RawHeader[] };
