import { randomUUID } from 'node:crypto';
import { JetStreamClient } from 'nats';
import { CallWrappedUpEvent, eventTypeOf, MailMessageReceivedEvent, MailSubjects, TelephonyEvents } from '@d115/contracts';
import { Namespace } from '@d115/messaging';

/** Publishes an event as another service's outbox relay would (CloudEvents envelope on JetStream). */
export async function publishEvent(js: JetStreamClient, namespace: Namespace, subject: string, data: object, source = '/d115/test'): Promise<string> {
  const id = randomUUID();
  const envelope = {
    specversion: '1.0',
    id,
    source,
    type: eventTypeOf(subject),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: id,
    data,
  };
  await js.publish(namespace.subject(subject), JSON.stringify(envelope), { msgID: id });
  return id;
}

let counter = 0;

/** A received mail as the mail service reports it. */
export function mail(overrides: Partial<MailMessageReceivedEvent> = {}): MailMessageReceivedEvent {
  counter++;
  return {
    messageId: randomUUID(),
    mailbox: '115@rostock.de',
    rfcMessageId: `<m${counter}.${randomUUID()}@example.org>`,
    from: { address: 'buerger@example.org', name: 'Berta Bürger' },
    to: [{ address: '115@rostock.de' }],
    subject: 'Frage zum Anwohnerparkausweis',
    headers: [{ name: 'Subject', value: 'Frage zum Anwohnerparkausweis' }],
    text: 'Wie beantrage ich einen Anwohnerparkausweis?',
    attachments: [],
    classification: 'normal',
    ars: '130030000000',
    ...overrides,
  };
}

export function call(overrides: Partial<CallWrappedUpEvent> = {}): CallWrappedUpEvent {
  return {
    callId: randomUUID(),
    outcome: 'callback',
    note: 'Bürger bittet um Rückruf wegen Wohngeld.\nErreichbar ab 14 Uhr.',
    callbackNumber: '+49 381 7654321',
    citizenName: 'Karl Anrufer',
    leikaKey: '99107004000000',
    ars: '130030000000',
    agentId: 'agent-phone-1',
    endedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const MAIL_RECEIVED = MailSubjects.messageReceived;
export const CALL_WRAPPED_UP = TelephonyEvents.callWrappedUp;
