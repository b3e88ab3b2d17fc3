import { NatsConnection } from 'nats';
import { TicketErrorCode, TicketSubjects } from '@d115/contracts';
import { useDemoGateway } from './support/demo-gateway';
import { StubService } from './support/stub-service';

const CASE_ID = '0193a1b2-0000-7000-8000-000000000001';

/** Bad input and failing services: always a coded problem, never a bare 500 or a hang. */
describe('gateway faults and bad input', () => {
  const world = useDemoGateway({ overrides: { REQUEST_TIMEOUT_MS: '300', BODY_LIMIT_BYTES: '2048', RATE_LIMIT_STATUS_PER_IP: '3' } });
  let nc: NatsConnection;
  let token: string;
  const stubs: StubService[] = [];

  beforeAll(async () => {
    nc = await world.env.nats();
    token = await world.gateway.token('demo-agent');
  });

  afterAll(async () => {
    for (const stub of stubs) stub.stop();
  });

  it('answers 503 SERVICE.UNAVAILABLE with Retry-After when nobody serves the request', async () => {
    const response = await world.gateway.call(token, 'GET', `/api/v1/cases/${CASE_ID}`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE', type: 'urn:d115:problem:SERVICE.UNAVAILABLE', errorId: expect.any(String) });
  });

  it('answers 504 REQUEST.TIMEOUT when the service does not answer in time', async () => {
    stubs.push(await StubService.start(nc, world.env.namespace, TicketSubjects.takeNext, () => 'silent'));
    const started = Date.now();
    const response = await world.gateway.call(token, 'POST', '/api/v1/me/take-next');
    expect(response.status).toBe(504);
    expect(response.body.code).toBe('REQUEST.TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers a stale If-Match with 412 and a malformed one with 412 before asking the service', async () => {
    const update = await StubService.start(nc, world.env.namespace, TicketSubjects.update, () => ({
      err: { code: TicketErrorCode.VERSION_CONFLICT, message: '115-2026-000001 is at version 4, not 3' },
    }));
    stubs.push(update);
    const stale = await world.gateway.call(token, 'PATCH', `/api/v1/cases/${CASE_ID}`, { subject: 'Neu' }, { 'if-match': '"3"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe(TicketErrorCode.VERSION_CONFLICT);
    expect(update.received.at(-1)).toEqual({ subject: 'Neu', ticketId: CASE_ID, expectedVersion: 3, actor: 'demo-agent', scope: ['13'] });
    const asked = update.received.length;
    const malformed = await world.gateway.call(token, 'PATCH', `/api/v1/cases/${CASE_ID}`, { subject: 'Neu' }, { 'if-match': '*' });
    expect(malformed.status).toBe(412);
    expect(malformed.body.code).toBe('REQUEST.PRECONDITION_INVALID');
    expect(update.received.length).toBe(asked);
  });

  it('refuses malformed JSON with 400 REQUEST.MALFORMED', async () => {
    const response = await world.gateway.call(token, 'POST', '/api/v1/cases', '{"channel": "phone", ');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST.MALFORMED');
  });

  it('refuses wrong types and unknown fields, listing each field', async () => {
    const response = await world.gateway.call(token, 'POST', '/api/v1/cases', { channel: 'fax', subject: 42, actor: 'someone-else', isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['actor', 'channel', 'isAdmin', 'subject']);
  });

  it('refuses a body over the limit with 413 REQUEST.TOO_LARGE', async () => {
    const response = await world.gateway.call(token, 'POST', '/api/v1/cases', { channel: 'phone', subject: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('REQUEST.TOO_LARGE');
  });

  it.each(['..%2F..%2Fetc%2Fpasswd', '%252e%252e%252f', "1'%20OR%20'1'='1", 'd115.tickets.>'])('refuses the id %s with 400 before any request', async (id) => {
    const response = await world.gateway.call(token, 'GET', `/api/v1/cases/${id}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ path: 'id' }] });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await world.gateway.call(token, 'GET', '/api/v1/../../api/nope/../etc/passwd');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('ROUTE.NOT_FOUND');
  });

  it('sends security headers and no framework banner', async () => {
    const response = await fetch(world.gateway.url('/api/v1/auth/config'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
  });
});
