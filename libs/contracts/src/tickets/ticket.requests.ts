import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';
import { MailAddressDto } from '../mail/mail-address.dto';
import { CitizenContactDto, REPLY_CHANNELS, ReplyChannel, TICKET_CHANNELS, TICKET_STATES, TicketChannel, TicketState } from './ticket.events';
import { TICKET_NUMBER } from './tickets.subjects';
import { IsActor, QUEUE_ID } from './validators';

/** Priorities: 0 (normal) … 9 (most urgent); higher is served first. */
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 9;

/** Fields every mutating request may carry. */
export abstract class TicketCommand {
  @IsActor()
  actor!: string;

  @IsUUID()
  ticketId!: string;

  /** Optimistic concurrency: refused with TICKET.VERSION_CONFLICT when the case changed since. */
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  /**
   * The municipalities (ARS prefixes) the actor may see, set by the gateway from the
   * user's token; a case outside them is answered as not found. Absent: unrestricted.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{1,12}$/, { each: true })
  scope?: string[];
}

/** `d115.tickets.create`: a case opened by an agent (phone, letter, web form). */
export class CreateTicketRequest {
  @IsActor()
  actor!: string;

  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @IsString()
  @IsNotEmpty()
  @MaxLength(998)
  subject!: string;

  /** The citizen's request as first article (a call note for phone, else an internal note). */
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  text?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenContactDto)
  citizen?: CitizenContactDto;

  @IsOptional()
  @Matches(LEIKA_KEY, { message: 'leikaKey must be a LeiKa service key of 14 digits' })
  leikaKey?: string;

  @IsOptional()
  @Matches(ARS, { message: 'ars must be a regional key (ARS) of 12 digits' })
  ars?: string;

  @IsOptional()
  @IsString()
  @MaxLength(320)
  mailbox?: string;

  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 code such as de or en' })
  language?: string;

  /** Overrides the routing rules' priority. */
  @IsOptional()
  @IsInt()
  @Min(MIN_PRIORITY)
  @Max(MAX_PRIORITY)
  priority?: number;

  /** Overrides the routing rules' queue. */
  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  /** The actor's municipalities (ARS prefixes, set by the gateway): a case with an `ars` outside them is refused. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{1,12}$/, { each: true })
  scope?: string[];
}

/**
 * `d115.tickets.get`: one case with timeline, change history and SLA clocks; and
 * `d115.tickets.history`: its whole audit history, the reads included. Both reads are audited.
 */
export class GetTicketRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @IsOptional()
  @Matches(TICKET_NUMBER)
  number?: string;

  /**
   * The municipalities (ARS prefixes) the actor may see, set by the gateway from the
   * user's token; a case outside them is answered as not found. Absent: unrestricted.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{1,12}$/, { each: true })
  scope?: string[];
}

/** `d115.tickets.search`: summaries (no citizen data), newest first. */
export class SearchTicketsRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @IsArray()
  @IsIn(TICKET_STATES, { each: true })
  states?: TicketState[];

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  @IsOptional()
  @IsString()
  ownerAgentId?: string;

  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @IsOptional()
  @Matches(/^\d{1,14}$/)
  leikaPrefix?: string;

  @IsOptional()
  @Matches(/^\d{1,12}$/)
  arsPrefix?: string;

  /** Ticket number or words of the subject. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @IsOptional()
  @IsDateString()
  createdFrom?: string;

  @IsOptional()
  @IsDateString()
  createdTo?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  offset?: number;

  /** Continues after the last case of a previous page (its `nextCursor`); replaces `offset`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;

  /**
   * The municipalities (ARS prefixes) the actor may see, set by the gateway from the
   * user's token; a case outside them is answered as not found. Absent: unrestricted.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^\d{1,12}$/, { each: true })
  scope?: string[];
}

/** `d115.tickets.update`: case data; every changed field goes into the history. */
export class UpdateTicketRequest extends TicketCommand {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(998)
  subject?: string;

  /** Replaces the citizen contact (fields left out are cleared). */
  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenContactDto)
  citizen?: CitizenContactDto | null;

  /** `null` clears (likewise `ars`, `language`, `citizen`). */
  @IsOptional()
  @Matches(LEIKA_KEY, { message: 'leikaKey must be a LeiKa service key of 14 digits' })
  leikaKey?: string | null;

  @IsOptional()
  @Matches(ARS, { message: 'ars must be a regional key (ARS) of 12 digits' })
  ars?: string | null;

  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string | null;

  @IsOptional()
  @IsInt()
  @Min(MIN_PRIORITY)
  @Max(MAX_PRIORITY)
  priority?: number;

  /** Moves the case to another queue (a waiting case is routed there). */
  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;
}

export const NOTE_KINDS = ['internal_note', 'call_note'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** `d115.tickets.add-note`. */
export class AddNoteRequest extends TicketCommand {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100000)
  text!: string;

  @IsOptional()
  @IsIn(NOTE_KINDS)
  kind?: NoteKind;
}

/**
 * `d115.tickets.reply`: the agent answers the citizen. By email the mail service
 * sends it (`reply.requested`); a callback or letter is recorded as an article.
 * The case becomes `answered`, or `pending_citizen` with `awaitCitizen`.
 */
export class ReplyToTicketRequest extends TicketCommand {
  /** Default: the citizen's preferred channel, else email when an address is known, else callback. */
  @IsOptional()
  @IsIn(REPLY_CHANNELS)
  channel?: ReplyChannel;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100000)
  text!: string;

  @IsOptional()
  @IsString()
  @MaxLength(998)
  subject?: string;

  /** Recipients other than the citizen's address (email only). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MailAddressDto)
  to?: MailAddressDto[];

  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  /** A question to the citizen: the case waits in `pending_citizen` instead of `answered`. */
  @IsOptional()
  @IsBoolean()
  awaitCitizen?: boolean;
}

/** `d115.tickets.transition`. */
export class TransitionTicketRequest extends TicketCommand {
  @IsIn(TICKET_STATES)
  to!: TicketState;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class AuthorityRefDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @IsEmail({ require_tld: false })
  email!: string;
}

/**
 * `d115.tickets.forward`: to the responsible authority. Chosen in this order: the
 * authority named here (`authorityId` or `authority`), the knowledge service's answer
 * for the case's LeiKa key and region, the routing rule's authority.
 */
export class ForwardTicketRequest extends TicketCommand {
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AuthorityRefDto)
  authority?: AuthorityRefDto;

  /** Cover text for the authority; the citizen's request is appended. */
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  text?: string;
}
