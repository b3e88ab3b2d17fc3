import { NatsConnection } from 'nats';
import { D115Error, ErrorCode, pingSubject, RequestFailedError } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { registry } from '@d115/observability';
import { RunningService, ServiceEnv } from '@d115/platform';
import { producerService, TestEnvironment } from '@d115/testing';

/** Proof 4: requests always end — with the answer, or a typed error within their deadline. */
describe('request/reply', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let client: RequestClient;
  let service: RunningService<ServiceEnv>;

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony']);
    nc = await env.nats();
    client = new RequestClient(nc, env.namespace, 1000);
    service = await env.start(producerService);
  });

  afterAll(() => env.dispose());

  it('answers ping with the service name, version and readiness', async () => {
    const reply = await client.request(pingSubject('telephony'), {});
    expect(reply).toMatchObject({ service: 'telephony', version: 'test', ready: true, checks: { database: 'up', nats: 'up' } });
  });

  it('returns a coded validation error for an invalid request payload', async () => {
    const failure = await client.requestUntyped('d115.telephony.probe.record', { n: 'x' }).catch((e: unknown) => e);
    // The probe controller takes an untyped payload, so the database refuses the value instead:
    // the caller still gets a coded error with an id, never a hang.
    expect(failure).toBeInstanceOf(D115Error);
    expect((failure as D115Error).code).toBe(ErrorCode.INTERNAL);
    expect((failure as D115Error).errorId).toMatch(/[0-9a-f-]{36}/);
  });

  it('records each handled request by subject and outcome', async () => {
    const counts = async () => {
      const metric = await registry.getSingleMetric('d115_rpc_server_seconds')!.get();
      const count = (subject: string, outcome: string) =>
        metric.values.find(
          (v) => (v as { metricName?: string }).metricName === 'd115_rpc_server_seconds_count' && v.labels.subject === subject && v.labels.outcome === outcome,
        )?.value ?? 0;
      return { ok: count(pingSubject('telephony'), 'ok'), failed: count('d115.telephony.probe.record', 'error') };
    };
    const before = await counts();
    await client.request(pingSubject('telephony'), {});
    await client.requestUntyped('d115.telephony.probe.record', { n: 'x' }).catch(() => undefined);
    expect(await counts()).toEqual({ ok: before.ok + 1, failed: before.failed + 1 });
  });

  it('fails at once with SERVICE.UNAVAILABLE when the service is stopped', async () => {
    await env.stop(service);
    const started = Date.now();
    const failure = await client.request(pingSubject('telephony'), {}, { timeoutMs: 800 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestFailedError);
    expect((failure as RequestFailedError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('fails with REQUEST.TIMEOUT within its deadline when the service hangs', async () => {
    // A responder that takes the request and never answers, like a frozen process.
    const hung = nc.subscribe(env.namespace.subject(pingSubject('telephony')), { queue: 'telephony' });
    const started = Date.now();
    const failure = await client.request(pingSubject('telephony'), {}, { timeoutMs: 300 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    hung.unsubscribe();
    expect(failure).toBeInstanceOf(RequestFailedError);
    expect((failure as RequestFailedError).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect((failure as RequestFailedError).message).toContain('did not answer within 300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
  });

  it('matches each of many concurrent replies to its request, answered out of order, and drops a reply after its deadline', async () => {
    // An echo responder that answers in reverse order of arrival, and the slowest one after its caller gave up.
    const echo = nc.subscribe(env.namespace.subject('d115.test.echo'), {
      callback: (_error, message) => {
        const { id, data } = JSON.parse(message.string()) as { id: string; data: { n: number; delayMs: number } };
        setTimeout(() => message.respond(JSON.stringify({ id, response: { n: data.n } })), data.delayMs);
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, n) => client.requestUntyped('d115.test.echo', { n, delayMs: 200 - n }, { timeoutMs: 2000 })),
    );
    expect(answers).toEqual(Array.from({ length: 200 }, (_, n) => ({ n })));
    const late = await client.requestUntyped('d115.test.echo', { n: -1, delayMs: 300 }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect((late as RequestFailedError).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    // the late reply arrives meanwhile and is dropped; the next request gets its own answer
    expect(await client.requestUntyped('d115.test.echo', { n: 7, delayMs: 400 }, { timeoutMs: 2000 })).toEqual({ n: 7 });
    echo.unsubscribe();
  });

  it('fails at once with SERVICE.UNAVAILABLE on a closed connection', async () => {
    const closed = await env.nats();
    const own = new RequestClient(closed, env.namespace, 1000);
    await closed.close();
    const started = Date.now();
    const failure = await own.request(pingSubject('telephony'), {}).catch((e: unknown) => e);
    expect((failure as D115Error).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
