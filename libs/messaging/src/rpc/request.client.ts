import { randomUUID } from 'node:crypto';
import { createInbox, headers as natsHeaders, Msg, NatsConnection, NatsError, Subscription } from 'nats';
import { D115Error, ErrorCode, ErrorPayload, Headers, ReplyOf, RequestFailedError, RequestOf, RequestSubject } from '@d115/contracts';
import { correlationId } from '@d115/observability';
import { Namespace } from '../nats/namespace';

interface ReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

interface Pending {
  resolve(reply: Msg): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Request/reply over core NATS, speaking the wire format of Nest's NATS
 * transport (`{id, pattern, data}` → `{id, response | err}`). Every request has
 * a deadline; nobody listening fails at once with SERVICE.UNAVAILABLE, no answer
 * in time fails with REQUEST.TIMEOUT, and a remote error is rethrown with its code.
 * The subject decides the payload and reply types (`RequestMap` in `libs/contracts`).
 *
 * Replies arrive on one wildcard subscription per client (`_INBOX.<id>.*`, one token per
 * request), as nats.js's own request multiplexing does — but without the client's
 * bookkeeping that builds an Error with a stack trace for every request answered,
 * which costs more on the gateway's hot path than the publish itself.
 */
export class RequestClient {
  private inbox?: { prefix: string; subscription: Subscription };
  private readonly pending = new Map<string, Pending>();
  private sequence = 0;

  constructor(
    private readonly connection: NatsConnection,
    private readonly namespace: Namespace,
    private readonly defaultTimeoutMs: number,
  ) {
    void connection.closed().then(() => this.failAll('the NATS connection is closed'));
  }

  request<S extends RequestSubject>(subject: S, data: RequestOf<S>, options: { timeoutMs?: number } = {}): Promise<ReplyOf<S>> {
    return this.requestUntyped(subject, data, options) as Promise<ReplyOf<S>>;
  }

  /**
   * A request outside `RequestMap`: a subject no contract names (test probes) or a
   * payload no contract allows (tests of validation). Services use `request`.
   */
  async requestUntyped(subject: string, data: unknown, options: { timeoutMs?: number } = {}): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const h = natsHeaders();
    h.set(Headers.correlationId, correlationId());
    const packet = { id: randomUUID(), pattern: subject, data };
    const reply = await this.send(subject, JSON.stringify(packet), h, timeoutMs);
    // The server answers a request nobody subscribes to with an empty 503 status message.
    if (reply.headers?.hasError && reply.headers.code === 503) {
      throw new RequestFailedError(ErrorCode.SERVICE_UNAVAILABLE, subject, timeoutMs, `no service is listening on ${subject}`);
    }
    const body = JSON.parse(reply.string()) as ReplyPacket;
    if (body.err !== undefined && body.err !== null) throw remoteError(body.err, subject);
    return body.response;
  }

  private send(subject: string, payload: string, h: ReturnType<typeof natsHeaders>, timeoutMs: number): Promise<Msg> {
    const token = (this.sequence = (this.sequence + 1) % Number.MAX_SAFE_INTEGER).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new RequestFailedError(ErrorCode.REQUEST_TIMEOUT, subject, timeoutMs, `${subject} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(token, { resolve, reject, timer });
      try {
        const inbox = this.replyInbox();
        this.connection.publish(this.namespace.subject(subject), payload, { reply: `${inbox.prefix}${token}`, headers: h });
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(token);
        reject(new D115Error(ErrorCode.SERVICE_UNAVAILABLE, `request to ${subject} failed: ${(error as NatsError)?.message ?? error}`));
      }
    });
  }

  /** The subscription for this client's replies, made at the first request (the server sees it before that request). */
  private replyInbox(): { prefix: string } {
    if (this.inbox && !this.inbox.subscription.isClosed()) return this.inbox;
    const prefix = `${createInbox()}.`;
    const subscription = this.connection.subscribe(`${prefix}*`, {
      callback: (error, message) => {
        if (error) return this.failAll(`the reply subscription failed: ${error.message}`);
        const token = message.subject.slice(prefix.length);
        const waiting = this.pending.get(token);
        if (!waiting) return; // answered after its deadline
        this.pending.delete(token);
        clearTimeout(waiting.timer);
        waiting.resolve(message);
      },
    });
    this.inbox = { prefix, subscription };
    return this.inbox;
  }

  /** The reply subscription failed (permissions) or the connection closed: every open request fails now, not at its deadline. */
  private failAll(reason: string): void {
    for (const [token, waiting] of this.pending) {
      this.pending.delete(token);
      clearTimeout(waiting.timer);
      waiting.reject(new D115Error(ErrorCode.SERVICE_UNAVAILABLE, reason));
    }
  }
}

function remoteError(err: unknown, subject: string): D115Error {
  if (D115Error.isPayload(err)) {
    const payload = err as ErrorPayload;
    return new D115Error(payload.code, payload.message, payload.details, payload.errorId);
  }
  return new D115Error(ErrorCode.INTERNAL, `${subject} failed: ${typeof err === 'string' ? err : JSON.stringify(err)}`);
}
