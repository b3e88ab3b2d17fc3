import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const CTI_CALL_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export type CtiCallEventName = (typeof CTI_CALL_EVENTS)[number];

/** Zammad-style `in`/`out`, or the call model's own words. */
export const CTI_DIRECTIONS = ['in', 'out', 'inbound', 'outbound', 'internal'] as const;

export const CTI_CAUSES = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'] as const;
export type CtiCause = (typeof CTI_CAUSES)[number];

/**
 * Fields telephone systems send in this convention that d115 does not use — sipgate's
 * `origCallId` (the call a transfer came from), `xcid`, `userId[]`, `fullUserId[]` and
 * `diversion` (the number a call was diverted from): the webhook accepts and drops them.
 */
export const CTI_UNUSED_FIELDS = ['origCallId', 'xcid', 'userId', 'fullUserId', 'diversion'] as const;

/**
 * `d115.inbound.telephony.call`: one call event in the generic CTI convention helpdesks
 * use (`newCall` / `answer` / `hangup`). Published by a telephone system (or by the gateway's
 * CTI webhook) as the `data` of a CloudEvents envelope. Unknown fields are ignored.
 */
export class CtiCallEvent {
  @IsIn(CTI_CALL_EVENTS)
  event!: CtiCallEventName;

  /** The telephone system's id of the call; the same in all three events. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  callId!: string;

  /** Caller number (or a `sip:`/`tel:` URI); empty or `anonymous` when withheld. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  from?: string;

  /** Called number (the 115 line or a municipality line; the citizen for outbound calls). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  to?: string;

  @IsOptional()
  @IsIn(CTI_DIRECTIONS)
  direction?: (typeof CTI_DIRECTIONS)[number];

  /** The agent(s) concerned: one name or several (ringing a group). */
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  user?: string | string[];

  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string;

  /** `answer`: the device that took the call. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  answeringNumber?: string;

  /** `hangup`: why the call ended. */
  @IsOptional()
  @IsIn(CTI_CAUSES)
  cause?: CtiCause;

  /** Which telephone system sent it (ids are unique per system only); default `cti`. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pbx?: string;

  /** When it happened; default the envelope's time. */
  @IsOptional()
  @IsDateString()
  at?: string;
}
