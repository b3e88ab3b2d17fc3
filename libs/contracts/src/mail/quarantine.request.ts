import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** `d115.mail.quarantine.list`: mails that could not be parsed, newest first. */
export class QuarantineListRequest {
  /** Only this mailbox (its address). */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  mailbox?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class QuarantinedMailDto {
  /** Id of the stored raw mail; pass it to `d115.mail.quarantine.retry`. */
  @IsUUID()
  id!: string;

  @IsString()
  mailbox!: string;

  @IsIn(['smtp', 'imap'])
  source!: 'smtp' | 'imap';

  /** Envelope sender as given by the delivering server (may be empty for bounces). */
  @IsOptional()
  @IsString()
  envelopeFrom?: string;

  @IsInt()
  size!: number;

  @IsString()
  reason!: string;

  /** Parse attempts so far (the first one at receipt included). */
  @IsInt()
  attempts!: number;

  @IsString()
  receivedAt!: string;
}

export class QuarantineListReply {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuarantinedMailDto)
  items!: QuarantinedMailDto[];

  /** All mails in quarantine (for the filter), not only the ones listed. */
  @IsInt()
  total!: number;
}

/** `d115.mail.quarantine.retry`: parse a quarantined mail again (after the cause was fixed). */
export class QuarantineRetryRequest {
  @IsUUID()
  id!: string;
}

export class QuarantineRetryReply {
  @IsUUID()
  id!: string;

  /** `processed`: parsed, stored and announced with `mail.message.received`. */
  @IsIn(['processed', 'still-quarantined'])
  outcome!: 'processed' | 'still-quarantined';

  @IsOptional()
  @IsString()
  reason?: string;
}

/** Error codes of the mail service's requests. */
export enum MailErrorCode {
  QUARANTINE_NOT_FOUND = 'MAIL.QUARANTINE_NOT_FOUND',
  ATTACHMENT_NOT_FOUND = 'MAIL.ATTACHMENT_NOT_FOUND',
}
