import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';
import { MailAddressDto } from '../mail/mail-address.dto';
import { TICKET_NUMBER } from './tickets.subjects';

export const TICKET_CHANNELS = ['phone', 'email', 'web', 'letter'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_STATES = ['new', 'open', 'pending_citizen', 'pending_authority', 'answered', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const REPLY_CHANNELS = ['callback', 'email', 'letter'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** Citizen contact: every field optional, citizens may stay anonymous. */
export class CitizenContactDto {
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @IsOptional()
  @IsEmail({ require_tld: false })
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @IsOptional()
  @IsIn(REPLY_CHANNELS)
  preferredChannel?: ReplyChannel;
}

/** `d115.events.tickets.ticket.created`. */
export class TicketCreatedEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @IsIn(TICKET_STATES)
  state!: TicketState;

  @IsString()
  subject!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenContactDto)
  citizen?: CitizenContactDto;

  @IsOptional()
  @Matches(LEIKA_KEY)
  leikaKey?: string;

  @IsOptional()
  @Matches(ARS)
  ars?: string;

  @IsOptional()
  @IsString()
  queue?: string;

  /** RFC Message-IDs of mails that belong to this case (the mail that opened it). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  mailMessageIds?: string[];

  /** What the case was opened from, when a service opened it: `call:<callId>` for a telephony wrap-up. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  originRef?: string;
}

/** `d115.events.tickets.ticket.forwarded`: the case went to the responsible authority. */
export class TicketForwardedEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsString()
  authorityName!: string;

  @IsEmail({ require_tld: false })
  authorityEmail!: string;
}

/** `d115.events.tickets.reply.requested`: the mail service shall send this mail. */
export class ReplyRequestedEvent {
  /** Idempotency key: the mail service sends each request once. */
  @IsUUID()
  requestId!: string;

  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  ticketNumber!: string;

  @IsIn(['reply', 'forward'])
  kind!: 'reply' | 'forward';

  /** Mailbox to send from (its reply-from address); default mailbox when omitted. */
  @IsOptional()
  @IsString()
  mailbox?: string;

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
  @MaxLength(998)
  subject!: string;

  @IsString()
  text!: string;

  /** RFC Message-ID this answers (threading headers are built from it). */
  @IsOptional()
  @IsString()
  inReplyTo?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  references?: string[];

  /** Attachments by reference: ids of attachments stored in the mail service. */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
