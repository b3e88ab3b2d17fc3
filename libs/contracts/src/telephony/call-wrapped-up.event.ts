import { IsDateString, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';

/** resolved at first contact, callback requested, forwarded to an authority, appointment handed off. */
export const CALL_OUTCOMES = ['resolved', 'callback', 'forwarded', 'appointment'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALLBACK_CHANNELS = ['phone', 'email'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

/** What the citizen's matter was, as the agent records it at wrap-up (request and event alike). */
export abstract class CallMatterFields {
  @IsOptional()
  @IsString()
  @MaxLength(300)
  citizenName?: string;

  @IsOptional()
  @Matches(LEIKA_KEY)
  leikaKey?: string;

  @IsOptional()
  @Matches(ARS)
  ars?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  language?: string;
}

/** `d115.events.telephony.call.wrapped-up`: an agent finished a call. */
export class CallWrappedUpEvent extends CallMatterFields {
  @IsUUID()
  callId!: string;

  /** resolved at first contact, callback requested, forwarded to an authority, or an appointment handed off. */
  @IsIn(CALL_OUTCOMES)
  outcome!: CallOutcome;

  @IsString()
  @MaxLength(10000)
  note!: string;

  /** Number to call back; only present when the citizen asked for a callback. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  callbackNumber?: string;

  /** How the citizen wants the answer of a callback case: by phone (`callbackNumber`) or by email (`callbackEmail`). */
  @IsOptional()
  @IsIn(CALLBACK_CHANNELS)
  preferredChannel?: CallbackChannel;

  @IsOptional()
  @IsEmail()
  @MaxLength(300)
  callbackEmail?: string;

  @IsOptional()
  @IsString()
  agentId?: string;

  @IsDateString()
  endedAt!: string;
}
