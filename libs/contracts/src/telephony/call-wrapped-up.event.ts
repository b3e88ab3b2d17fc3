import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';

export const CALL_OUTCOMES = ['resolved', 'callback', 'forwarded'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** `d115.events.telephony.call.wrapped-up`: an agent finished a call. */
export class CallWrappedUpEvent {
  @IsUUID()
  callId!: string;

  /** resolved at first contact, callback requested, or forwarded to an authority. */
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
  agentId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  language?: string;

  @IsDateString()
  endedAt!: string;
}
