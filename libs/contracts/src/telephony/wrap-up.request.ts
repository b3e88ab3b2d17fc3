import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CALL_OUTCOMES, CALLBACK_CHANNELS, CallbackChannel, CallMatterFields, CallOutcome } from './call-wrapped-up.event';

/** How to reach the citizen for a callback. */
export class CallbackContactDto {
  @IsIn(CALLBACK_CHANNELS)
  preferredChannel!: CallbackChannel;

  /** Phone callback: the number to call; or `useCallerNumber` for the number the citizen called from. */
  @ValidateIf((o: CallbackContactDto) => o.preferredChannel === 'phone' && !o.useCallerNumber)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  number?: string;

  @IsOptional()
  @IsBoolean()
  useCallerNumber?: boolean;

  @ValidateIf((o: CallbackContactDto) => o.preferredChannel === 'email')
  @IsEmail()
  @MaxLength(300)
  email?: string;
}

/** `d115.telephony.call.wrap-up`: the agent records how a call ended for the citizen. */
export class WrapUpCallRequest extends CallMatterFields {
  /** The agent (or `system:<name>`) recording the wrap-up. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/)
  actor!: string;

  @IsUUID()
  callId!: string;

  @IsIn(CALL_OUTCOMES)
  outcome!: CallOutcome;

  @IsString()
  @MaxLength(10000)
  note!: string;

  /** Required for outcome `callback`. */
  @ValidateIf((o: WrapUpCallRequest) => o.outcome === 'callback' || o.callback !== undefined)
  @IsDefined({ message: 'callback is required for outcome callback' })
  @ValidateNested()
  @Type(() => CallbackContactDto)
  callback?: CallbackContactDto;
}

export class WrapUpCallReply {
  callId!: string;
  outcome!: CallOutcome;
  wrappedUpAt!: string;
}

/** Error codes of the telephony service (`AREA.REASON`). */
export enum TelephonyErrorCode {
  CALL_NOT_FOUND = 'CALL.NOT_FOUND',
  CALL_ALREADY_WRAPPED_UP = 'CALL.ALREADY_WRAPPED_UP',
  /** A phone callback from the caller's number, but the number was withheld or is no longer kept. */
  CALLER_NUMBER_UNAVAILABLE = 'CALL.CALLER_NUMBER_UNAVAILABLE',
}
