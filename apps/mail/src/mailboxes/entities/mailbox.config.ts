import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ARS } from '@d115/contracts';

/** Where a mailbox lives when it is read over IMAP instead of receiving mail by SMTP. */
export class ImapSettings {
  @IsString()
  host!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port = 993;

  /** Implicit TLS (port 993). False: plain connection, upgraded with STARTTLS when offered. */
  @IsOptional()
  @IsBoolean()
  secure = true;

  @IsOptional()
  @IsBoolean()
  rejectUnauthorized = true;

  @IsString()
  user!: string;

  @IsString()
  password!: string;

  /** Folder that receives the mail. */
  @IsOptional()
  @IsString()
  folder = 'INBOX';

  /** Wait for new mail with IDLE where the server offers it; otherwise poll. */
  @IsOptional()
  @IsBoolean()
  idle = true;

  /** Polling interval (also the longest IDLE wait before a safety re-check). */
  @IsOptional()
  @IsInt()
  @Min(100)
  pollIntervalMs = 60000;

  /** What happens to a message on the server once it is imported. */
  @IsOptional()
  @IsIn(['move', 'flag'])
  afterImport: 'move' | 'flag' = 'move';

  /** Target folder for `move` (created when missing). */
  @IsOptional()
  @IsString()
  moveTo = 'd115-imported';

  /** Keyword set for `flag`. */
  @IsOptional()
  @IsString()
  flag = '$D115Imported';
}

/** The acknowledgment (Eingangsbestätigung) a citizen gets for a new mail. */
export class AcknowledgmentSettings {
  @IsOptional()
  @IsBoolean()
  enabled = true;

  /** Subject template; placeholders {{subject}}, {{ticketNumber}}, {{mailboxName}}. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string;

  /** Body template (plain text); placeholders as for the subject plus {{serviceHours}}. */
  @IsOptional()
  @IsString()
  text?: string;
}

/** One address the service center receives mail for. */
export class MailboxConfig {
  @IsEmail({ require_tld: false })
  address!: string;

  /** Shown as the sender of outbound mail, e.g. "Bürgerservice 115 – Hansestadt Rostock". */
  @IsString()
  @MaxLength(200)
  displayName!: string;

  /** Address outbound mail is sent from; defaults to `address`. */
  @IsOptional()
  @IsEmail({ require_tld: false })
  replyFrom?: string;

  /** Region of the mailbox (Amtlicher Regionalschlüssel). */
  @IsOptional()
  @Matches(ARS, { message: 'ars must be 12 digits' })
  ars?: string;

  /** Queue suggested for new cases from this mailbox. */
  @IsOptional()
  @IsString()
  queueHint?: string;

  /** Service hours named in the acknowledgment. */
  @IsOptional()
  @IsString()
  serviceHours = 'Montag bis Freitag von 8:00 bis 18:00 Uhr';

  @IsOptional()
  @ValidateNested()
  @Type(() => AcknowledgmentSettings)
  acknowledgment: AcknowledgmentSettings = new AcknowledgmentSettings();

  @IsOptional()
  @ValidateNested()
  @Type(() => ImapSettings)
  imap?: ImapSettings;
}
