import { IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

/** `d115.events.mail.message.sent`: an outbound mail was accepted by the relay. */
export class MailMessageSentEvent {
  @IsUUID()
  outboundId!: string;

  /** The `requestId` of the reply/forward request this fulfils, if any. */
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @IsOptional()
  @IsUUID()
  ticketId?: string;

  /** `notification`: a mail another service asked for (appointment confirmations). */
  @IsIn(['acknowledgment', 'reply', 'forward', 'notification'])
  kind!: 'acknowledgment' | 'reply' | 'forward' | 'notification';

  @IsString()
  rfcMessageId!: string;

  @IsArray()
  @IsString({ each: true })
  recipients!: string[];
}

/** `d115.events.mail.delivery.failed`: an outbound mail could not be delivered for good. */
export class MailDeliveryFailedEvent {
  @IsOptional()
  @IsUUID()
  outboundId?: string;

  @IsOptional()
  @IsUUID()
  requestId?: string;

  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @IsString()
  recipient!: string;

  @IsString()
  reason!: string;

  /** SMTP or DSN status, e.g. 5.1.1. */
  @IsOptional()
  @IsString()
  status?: string;

  @IsIn(['relay', 'bounce'])
  detectedBy!: 'relay' | 'bounce';
}
