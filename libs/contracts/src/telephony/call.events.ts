import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type CallDirectionName = (typeof CALL_DIRECTIONS)[number];

export const CALL_END_OUTCOMES = ['answered', 'abandoned', 'busy', 'no-answer', 'rejected', 'failed'] as const;
export type CallEndOutcomeName = (typeof CALL_END_OUTCOMES)[number];

/**
 * The call model as events carry it (`call.offered`, `call.answered`, `call.ended`): a snapshot
 * of the call when the event was raised. The caller's number never travels in events; the
 * keyed pseudonym does (null when the caller withheld the number, CLIR).
 */
export class CallEventData {
  /** d115's own id of the call (what a wrap-up names). */
  @IsUUID()
  callId!: string;

  /** The telephone system connection the call came from. */
  @IsString()
  @MaxLength(100)
  pbx!: string;

  /** The telephone system's id (AMI Linkedid, CSTA callID, CTI callId); unique per pbx only. */
  @IsString()
  @MaxLength(200)
  externalCallId!: string;

  @IsIn(CALL_DIRECTIONS)
  direction!: CallDirectionName;

  /** The caller suppressed the number (CLIR) or none was delivered. */
  @IsBoolean()
  callerWithheld!: boolean;

  /** Keyed hash (HMAC-SHA-256) of the normalised caller number; null when withheld. */
  @IsOptional()
  @IsString()
  callerPseudonym?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  calledNumber?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string | null;

  /** The answering device (e.g. SIP peer 150010002). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agent?: string | null;

  /** The d115 agent of that device, when its extension is known. */
  @IsOptional()
  @IsString()
  agentId?: string | null;

  @IsDateString()
  offeredAt!: string;

  @IsOptional()
  @IsDateString()
  queuedAt?: string | null;

  @IsOptional()
  @IsDateString()
  ringingAt?: string | null;

  @IsOptional()
  @IsDateString()
  answeredAt?: string | null;

  @IsOptional()
  @IsDateString()
  transferredAt?: string | null;

  @IsOptional()
  @IsDateString()
  endedAt?: string | null;

  /** Set once the call ended. */
  @IsOptional()
  @IsIn(CALL_END_OUTCOMES)
  outcome?: CallEndOutcomeName | null;

  /** Passed on to another party after the answer. */
  @IsBoolean()
  transferred!: boolean;

  /** Diverted before the answer. */
  @IsBoolean()
  forwarded!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  cause?: string | null;
}

/** `d115.events.telephony.call.offered`: a call reached the telephone system. */
export class CallOfferedEvent extends CallEventData {}

/** `d115.events.telephony.call.answered`: the caller is connected to an agent. */
export class CallAnsweredEvent extends CallEventData {}

/** `d115.events.telephony.call.ended`: exactly one per finished call, with its outcome. */
export class CallEndedEvent extends CallEventData {}

/** One open case of the caller, as the screen pop shows it. */
export class ScreenPopCase {
  @IsUUID()
  ticketId!: string;

  @IsString()
  number!: string;

  @IsString()
  subject!: string;

  @IsString()
  state!: string;

  @IsDateString()
  createdAt!: string;
}

/** `d115.events.telephony.call.screen-pop`: the agent who answered and the caller's open cases. */
export class CallScreenPopEvent {
  @IsUUID()
  callId!: string;

  @IsOptional()
  @IsString()
  agent?: string | null;

  @IsOptional()
  @IsString()
  agentId?: string | null;

  @IsOptional()
  @IsString()
  queue?: string | null;

  @IsBoolean()
  callerWithheld!: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScreenPopCase)
  cases!: ScreenPopCase[];

  /** The tickets service did not answer in time: the agent should search by hand. */
  @IsBoolean()
  casesUnavailable!: boolean;
}
