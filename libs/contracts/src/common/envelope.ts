import { Type } from 'class-transformer';
import { IsDate, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The event envelope: CloudEvents 1.0 attributes (structured JSON mode) plus the
 * `correlationid` extension, so outside systems can publish and consume d115 events.
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  correlationid: string;
  data: T;
}

/** What a d115 event can be about; the CloudEvents `subject` names one of them. */
export type EventEntity = 'ticket' | 'message' | 'import' | 'probe' | 'call' | 'service-level' | 'appointment';

/** A CloudEvents `subject`: `<entity>/<id>`, e.g. `ticket/0190…`. */
export type EventAbout = `${EventEntity}/${string}`;

/** The CloudEvents `subject` of an event about one entity. Every producer builds it here. */
export function eventAbout(entity: EventEntity, id: string): EventAbout {
  return `${entity}/${id}`;
}

/** Validation class for envelopes arriving from the wire (our own services or outside systems). */
export class EventEnvelopeDto {
  @IsIn(['1.0'])
  specversion!: '1.0';

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  type!: string;

  @Type(() => Date)
  @IsDate()
  time!: Date;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string;

  @IsOptional()
  @IsIn(['application/json'])
  datacontenttype?: 'application/json';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationid?: string;

  @IsObject()
  data!: Record<string, unknown>;
}

/** NATS header names d115 uses. */
export const Headers = {
  correlationId: 'd115-correlation-id',
  error: 'd115-error',
  errorCode: 'd115-error-code',
  originalSubject: 'd115-original-subject',
  originalStream: 'd115-original-stream',
  originalSequence: 'd115-original-sequence',
  deliveries: 'd115-deliveries',
  consumer: 'd115-consumer',
  failedAt: 'd115-failed-at',
} as const;
