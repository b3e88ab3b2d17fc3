import { headers as natsHeaders, JetStreamClient, JetStreamManager, StoredMsg } from 'nats';
import { D115Error, DeadLetterView, ErrorCode, Headers } from '@d115/contracts';
import { Namespace } from '../nats/namespace';
import { STREAMS } from '../nats/streams';

export type { DeadLetterView } from '@d115/contracts';

/** What ops see of the dead-letter stream, and how they send a message back once its cause is fixed. */
export class DeadLetterStore {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
  ) {}

  private get stream(): string {
    return this.namespace.stream(STREAMS.DEADLETTER.name);
  }

  async list(limit = 100): Promise<DeadLetterView[]> {
    const info = await this.jsm.streams.info(this.stream);
    const views: DeadLetterView[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && views.length < limit; seq++) {
      const message = await this.jsm.streams.getMessage(this.stream, { seq }).catch(() => undefined);
      if (message) views.push(this.view(message));
    }
    return views;
  }

  /**
   * Publishes the original body again on its original subject, then removes the
   * dead letter. The consumer's inbox never recorded the failed event, so it is
   * handled as if new.
   */
  async replay(sequence: number): Promise<DeadLetterView> {
    const message = await this.jsm.streams.getMessage(this.stream, { seq: sequence }).catch((error: Error) => {
      if (/no message found/i.test(error.message)) throw new D115Error(ErrorCode.NOT_FOUND, `no dead letter #${sequence}`);
      throw error;
    });
    const view = this.view(message);
    const h = natsHeaders();
    const correlation = message.header?.get(Headers.correlationId);
    if (correlation) h.set(Headers.correlationId, correlation);
    await this.js.publish(this.namespace.subject(view.originalSubject), message.data, {
      headers: h,
      msgID: `replay:${this.stream}:${sequence}`,
    });
    await this.jsm.streams.deleteMessage(this.stream, sequence);
    return view;
  }

  private view(message: StoredMsg): DeadLetterView {
    const header = (name: string) => message.header?.get(name) ?? '';
    return {
      sequence: message.seq,
      subject: this.namespace.strip(message.subject),
      storedAt: message.time.toISOString(),
      originalSubject: header(Headers.originalSubject),
      consumer: header(Headers.consumer),
      errorCode: header(Headers.errorCode),
      error: header(Headers.error),
      deliveries: Number(header(Headers.deliveries) || 0),
      body: message.string(),
    };
  }
}
