import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, NatsConnection, NatsError } from 'nats';
import { D115Error, ErrorCode, ErrorPayload, Headers, ReplyOf, RequestFailedError, RequestOf, RequestSubject } from '@d115/contracts';
import { correlationId } from '@d115/observability';
import { Namespace } from '../nats/namespace';

interface ReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Request/reply over core NATS, speaking the wire format of Nest's NATS
 * transport (`{id, pattern, data}` → `{id, response | err}`). Every request has
 * a deadline; nobody listening fails at once with SERVICE.UNAVAILABLE, no answer
 * in time fails with REQUEST.TIMEOUT, and a remote error is rethrown with its code.
 * The subject decides the payload and reply types (`RequestMap` in `libs/contracts`).
 */
export class RequestClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly namespace: Namespace,
    private readonly defaultTimeoutMs: number,
  ) {}

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
    let reply;
    try {
      reply = await this.connection.request(this.namespace.subject(subject), JSON.stringify(packet), { timeout: timeoutMs, headers: h });
    } catch (error) {
      throw this.transportError(error, subject, timeoutMs);
    }
    const body = JSON.parse(reply.string()) as ReplyPacket;
    if (body.err !== undefined && body.err !== null) throw remoteError(body.err, subject);
    return body.response;
  }

  private transportError(error: unknown, subject: string, timeoutMs: number): Error {
    const code = (error as NatsError)?.code;
    if (code === '503') {
      return new RequestFailedError(ErrorCode.SERVICE_UNAVAILABLE, subject, timeoutMs, `no service is listening on ${subject}`);
    }
    if (code === 'TIMEOUT') {
      return new RequestFailedError(ErrorCode.REQUEST_TIMEOUT, subject, timeoutMs, `${subject} did not answer within ${timeoutMs} ms`);
    }
    return new D115Error(ErrorCode.SERVICE_UNAVAILABLE, `request to ${subject} failed: ${(error as Error)?.message ?? error}`);
  }
}

function remoteError(err: unknown, subject: string): D115Error {
  if (D115Error.isPayload(err)) {
    const payload = err as ErrorPayload;
    return new D115Error(payload.code, payload.message, payload.details, payload.errorId);
  }
  return new D115Error(ErrorCode.INTERNAL, `${subject} failed: ${typeof err === 'string' ? err : JSON.stringify(err)}`);
}
