import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { JetStreamClient } from 'nats';
import { CtiCallEvent, EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { Namespace } from '@d115/messaging';
import { correlationId } from '@d115/observability';
import { JETSTREAM } from '@d115/platform';

export interface CtiAccepted {
  accepted: true;
  id: string;
}

/**
 * A telephone system's call event from the CTI webhook onto JetStream
 * (`d115.inbound.telephony.call`, a CloudEvents envelope), where the telephony
 * service's CTI adapter consumes it. The integration names the telephone system
 * (`pbx`) unless the event does. The message id is derived from the event, so a
 * webhook retried by the telephone system is dropped as a duplicate by JetStream.
 */
@Injectable()
export class PublishCtiEventUsecase {
  constructor(
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
  ) {}

  async execute(integration: string, event: CtiCallEvent): Promise<CtiAccepted> {
    const data: CtiCallEvent = { ...event, pbx: event.pbx ?? integration };
    const id = createHash('sha256')
      .update(JSON.stringify([integration, data.pbx, data.callId, data.event, data.at ?? '']))
      .digest('hex')
      .slice(0, 32);
    const envelope: EventEnvelope<CtiCallEvent> = {
      specversion: '1.0',
      id,
      source: `/d115/gateway/cti/${integration}`,
      type: TelephonyInbound.call,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: correlationId() ?? randomUUID(),
      data,
    };
    await this.js.publish(this.namespace.subject(TelephonyInbound.call), JSON.stringify(envelope), { msgID: id });
    return { accepted: true, id };
  }
}
