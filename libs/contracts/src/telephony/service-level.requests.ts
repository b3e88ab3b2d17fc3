import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CallEventData } from './call.events';

export const SERVICE_LEVEL_GRANULARITIES = ['interval', 'day', 'total'] as const;
export type ServiceLevelGranularity = (typeof SERVICE_LEVEL_GRANULARITIES)[number];

/** `d115.telephony.service-level.get`: the 115 figures for [from, to), per queue, by interval, day or in total. */
export class GetServiceLevelRequest {
  @IsDateString()
  from!: string;

  @IsDateString()
  to!: string;

  /** One queue; omitted: all queues together. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string;

  @IsOptional()
  @IsIn(SERVICE_LEVEL_GRANULARITIES)
  granularity?: ServiceLevelGranularity;
}

/** The figures of one period (see docs/telephony.md, "Service level"). Times in seconds. */
export class ServiceLevelFigures {
  /** Start of the period (interval start, local day start, or `from`). */
  start!: string;
  end!: string;
  /** The queue, or null for all queues together. */
  queue!: string | null;
  offered!: number;
  answered!: number;
  answeredWithinThreshold!: number;
  /** Abandons at or over the short-abandon threshold. */
  abandoned!: number;
  /** Abandons under the short-abandon threshold: reported, left out of the service level. */
  shortAbandoned!: number;
  /** Busy, no answer, rejected, failed. */
  otherUnanswered!: number;
  avgAbandonWait!: number | null;
  avgWait!: number | null;
  /** 90th percentile of the wait of answered calls, to the second. */
  p90Wait!: number | null;
  avgTalk!: number | null;
  /** answered within threshold / (offered − short abandons), in %. */
  serviceLevel!: number | null;
  wrappedUp!: number;
  resolvedAtFirstContact!: number;
  /** resolved at first contact / wrapped-up calls, in %. */
  firstContactResolution!: number | null;
}

export class GetServiceLevelReply {
  thresholdSeconds!: number;
  shortAbandonSeconds!: number;
  periods!: ServiceLevelFigures[];
}

/** `d115.events.telephony.service-level.updated`: one queue's figures of the 15-minute interval a call just changed. */
export class ServiceLevelUpdatedEvent extends ServiceLevelFigures {}

export const CALL_LIST_STATES = ['live', 'recent'] as const;

/** `d115.telephony.calls.list`: calls in progress, or the most recent ones. */
export class ListCallsRequest {
  @IsIn(CALL_LIST_STATES)
  state!: (typeof CALL_LIST_STATES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A call as the console lists it: the call model, the caller's number while kept (never when withheld), the wrap-up. */
export class CallView extends CallEventData {
  callerNumber!: string | null;
  wrapUpOutcome!: string | null;
}

export class ListCallsReply {
  calls!: CallView[];
}
