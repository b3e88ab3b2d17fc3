import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TicketState } from './ticket.events';

/**
 * `d115.tickets.cases.by-phone`: the open cases of a caller, matched on the keyed pseudonym
 * of the phone number (HMAC with `PHONE_PSEUDONYM_KEY`, see libs/platform `PhonePseudonym`), so
 * the number itself never travels. Closed and anonymised cases are not matched.
 */
export class FindCasesByPhoneRequest {
  @Matches(/^[0-9a-f]{64}$/)
  phonePseudonym!: string;

  /** Who asks (the agent the call rang at, or `system:telephony`); the access is audited. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/)
  actor!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class PhoneCaseView {
  ticketId!: string;
  number!: string;
  subject!: string;
  state!: TicketState;
  createdAt!: string;
}

export class FindCasesByPhoneReply {
  cases!: PhoneCaseView[];
}
