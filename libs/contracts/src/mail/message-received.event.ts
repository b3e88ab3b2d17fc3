import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ARS } from '../common/keys';
import { MailAddressDto } from './mail-address.dto';

export const MAIL_CLASSIFICATIONS = ['normal', 'auto-reply', 'bounce', 'report'] as const;
export type MailClassification = (typeof MAIL_CLASSIFICATIONS)[number];

export class MailHeaderDto {
  @IsString()
  @MaxLength(200)
  name!: string;

  @IsString()
  value!: string;
}

/** An attachment stored by the mail service; fetch its content by id from the mail service. */
export class AttachmentDescriptorDto {
  @IsUUID()
  id!: string;

  @IsString()
  @MaxLength(500)
  filename!: string;

  @IsString()
  @MaxLength(200)
  contentType!: string;

  @IsInt()
  @Min(0)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  /** Set for inline images referenced from the HTML body (cid:). */
  @IsOptional()
  @IsString()
  contentId?: string;
}

/** Which case a mail belongs to, as far as the mail service can tell. */
export class ThreadHintDto {
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @IsOptional()
  @IsString()
  ticketNumber?: string;

  /** How the hint was found. */
  @IsIn(['subject', 'references', 'subject-and-references', 'stranger-reply'])
  reason!: 'subject' | 'references' | 'subject-and-references' | 'stranger-reply';

  /**
   * True when the mail must open a new case that only references the old one
   * (a reply from a stranger to an old thread without the ticket number).
   */
  @IsOptional()
  newCase?: boolean;
}

/** Bounce details when classification is `bounce`. */
export class BounceDto {
  @IsOptional()
  @IsString()
  originalMessageId?: string;

  @IsOptional()
  @IsString()
  recipient?: string;

  @IsOptional()
  @IsString()
  status?: string;

  @IsIn(['permanent', 'temporary', 'unknown'])
  kind!: 'permanent' | 'temporary' | 'unknown';
}

/** `d115.events.mail.message.received`: a mail was accepted and stored. */
export class MailMessageReceivedEvent {
  /** Id of the stored message in the mail service. */
  @IsUUID()
  messageId!: string;

  /** The mailbox address it arrived for, e.g. 115@rostock.de. */
  @IsString()
  @MaxLength(320)
  mailbox!: string;

  /** RFC 5322 Message-ID (or a stable content hash when the mail had none). */
  @IsString()
  @MaxLength(1000)
  rfcMessageId!: string;

  @ValidateNested()
  @Type(() => MailAddressDto)
  from!: MailAddressDto;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MailAddressDto)
  replyTo?: MailAddressDto[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MailAddressDto)
  to!: MailAddressDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MailAddressDto)
  cc?: MailAddressDto[];

  @IsString()
  subject!: string;

  @IsOptional()
  @IsDateString()
  date?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MailHeaderDto)
  headers!: MailHeaderDto[];

  /** The new text of the mail (quoted history removed where recognisable). */
  @IsString()
  text!: string;

  /** Quoted history separated from the new text, when recognised. */
  @IsOptional()
  @IsString()
  quotedText?: string;

  /** HTML body sanitized for display (no scripts, no remote loads). */
  @IsOptional()
  @IsString()
  html?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AttachmentDescriptorDto)
  attachments!: AttachmentDescriptorDto[];

  @IsIn(MAIL_CLASSIFICATIONS)
  classification!: MailClassification;

  @IsOptional()
  @ValidateNested()
  @Type(() => ThreadHintDto)
  threadHint?: ThreadHintDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => BounceDto)
  bounce?: BounceDto;

  /** Region of the mailbox (ARS), e.g. 130030000000 for Rostock. */
  @IsOptional()
  @Matches(ARS)
  ars?: string;

  /** Queue the mailbox suggests for new cases. */
  @IsOptional()
  @IsString()
  queueHint?: string;

  /** How the mail came in. */
  @IsOptional()
  @IsIn(['smtp', 'imap'])
  source?: 'smtp' | 'imap';

  /** In-Reply-To of the mail (a Message-ID in angle brackets). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  inReplyTo?: string;

  /** References of the mail, oldest first (capped at the newest 50). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  references?: string[];

  /**
   * True when text, HTML or headers were cut to keep the event small; the full
   * mail stays in the mail service.
   */
  @IsOptional()
  @IsBoolean()
  truncated?: boolean;

  /**
   * True when another mail in the mailbox already has this rfcMessageId with
   * different content (a client that reuses Message-IDs, or a forgery): this is
   * a mail of its own, but threading by its Message-ID is ambiguous.
   */
  @IsOptional()
  @IsBoolean()
  messageIdReused?: boolean;
}
