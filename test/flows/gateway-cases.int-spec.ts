import { TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { TestEnvironment } from '@d115/testing';
import { DemoGateway } from '../../apps/gateway/test/support/demo-gateway';
import { ticketsService } from '../../apps/tickets/src/main';

const ROSTOCK = '130030000000';
const HAMBURG = '020000000000';

/** The common agent flows through the gateway to the real tickets service, as the demo users (scope: ARS prefix 13). */
describe('gateway + tickets: cases over HTTP', () => {
  let env: TestEnvironment;
  let gateway: DemoGateway;
  let agent: string;
  let supervisor: string;
  let admin: string;

  beforeAll(async () => {
    env = await TestEnvironment.create(['tickets']);
    await env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false' });
    gateway = await DemoGateway.start(env, { RATE_LIMIT_STATUS_PER_IP: '5' });
    [agent, supervisor, admin] = await Promise.all([gateway.token('demo-agent'), gateway.token('demo-supervisor'), gateway.token('demo-admin')]);
  });

  afterAll(async () => {
    await env.dispose();
    gateway.removeKey();
  });

  const createCase = (token: string, ars = ROSTOCK, subject = 'Ummeldung nach Umzug') =>
    gateway.call(token, 'POST', '/api/v1/cases', { channel: 'phone', subject, text: 'Welche Unterlagen?', ars, leikaKey: '99115001000000' });

  it('creates, reads with an ETag, changes with If-Match and refuses a stale version with 412', async () => {
    const created = await createCase(agent);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'new', version: 1, ars: ROSTOCK });
    expect(created.headers.get('etag')).toBe('"1"');

    const read = await gateway.call(agent, 'GET', `/api/v1/cases/${created.body.number}`);
    expect(read.status).toBe(200);
    expect(read.body.articles).toHaveLength(1);

    const changed = await gateway.call(agent, 'PATCH', `/api/v1/cases/${created.body.id}`, { priority: 5 }, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await gateway.call(agent, 'PATCH', `/api/v1/cases/${created.body.id}`, { priority: 6 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('TICKET.VERSION_CONFLICT');
  });

  it('adds notes and moves the case; the supervisor sees every read of it in the audit history, the agent does not', async () => {
    const { body: ticket } = await createCase(agent);
    expect((await gateway.call(agent, 'POST', `/api/v1/cases/${ticket.id}/notes`, { text: 'Rückruf vereinbart' })).status).toBe(201);
    const moved = await gateway.call(agent, 'POST', `/api/v1/cases/${ticket.id}/transitions`, { to: 'open' });
    expect(moved.body.state).toBe('open');
    const view = await gateway.call(agent, 'GET', `/api/v1/cases/${ticket.id}`);
    expect(view.body.history.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['created', 'state-changed']));
    expect(view.body.history.map((entry: { action: string }) => entry.action)).not.toContain('read');

    expect((await gateway.call(agent, 'GET', `/api/v1/cases/${ticket.id}/history`)).status).toBe(403);
    const history = await gateway.call(supervisor, 'GET', `/api/v1/cases/${ticket.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'demo-agent', action: 'read' })]));
  });

  it('hides cases outside the user’s municipalities: 404 on read and change, absent from the list', async () => {
    // Opened by another center (over NATS): no demo user's scope covers Hamburg.
    const client = new RequestClient(await env.nats(), env.namespace, 5000);
    const hamburg = await client.request(TicketSubjects.create, { actor: 'system:test', channel: 'letter', subject: 'Hamburger Anliegen', ars: HAMBURG });
    expect((await gateway.call(agent, 'GET', `/api/v1/cases/${hamburg.id}`)).status).toBe(404);
    expect((await gateway.call(agent, 'POST', `/api/v1/cases/${hamburg.id}/notes`, { text: 'x' })).status).toBe(404);
    const list = await gateway.call(agent, 'GET', '/api/v1/cases?text=Hamburger');
    expect(list.body).toEqual({ total: 0, items: [] });
    const asAdmin = await gateway.call(admin, 'GET', `/api/v1/cases/${hamburg.id}`);
    expect(asAdmin.status).toBe(403);
    const outside = await createCase(agent, HAMBURG);
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toContain('outside the municipalities');
  });

  it('pages through search results with the cursor', async () => {
    for (let i = 0; i < 5; i++) await createCase(agent, ROSTOCK, `Seitenweise ${i}`);
    const seen: string[] = [];
    let path = '/api/v1/cases?text=Seitenweise&limit=2';
    for (let page = 0; page < 5; page++) {
      const { body } = await gateway.call(agent, 'GET', path);
      expect(body.total).toBe(5);
      seen.push(...body.items.map((item: { subject: string }) => item.subject));
      if (!body.nextCursor) break;
      path = `/api/v1/cases?text=Seitenweise&limit=2&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(['Seitenweise 4', 'Seitenweise 3', 'Seitenweise 2', 'Seitenweise 1', 'Seitenweise 0']);
  });

  it('links each page to the next one (Link: rel="next"), the same query continued, none on the last page', async () => {
    for (let i = 0; i < 3; i++) await createCase(agent, ROSTOCK, `Verlinkt ${i}`);
    const seen: string[] = [];
    let path: string | undefined = '/api/v1/cases?text=Verlinkt&limit=2&offset=0';
    while (path && seen.length < 10) {
      const page = await gateway.call(agent, 'GET', path);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { subject: string }) => item.subject));
      const link = page.headers.get('link');
      if (page.body.nextCursor) {
        expect(link).toBe(`</api/v1/cases?text=Verlinkt&limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}>; rel="next"`);
      } else {
        expect(link).toBeNull();
      }
      path = link?.match(/^<([^>]+)>; rel="next"$/)?.[1];
    }
    expect(seen).toEqual(['Verlinkt 2', 'Verlinkt 1', 'Verlinkt 0']);
  });

  it('lets an agent take the next case of their queue', async () => {
    const setUp = await gateway.call(admin, 'PUT', '/api/v1/config/agents/demo-agent', {
      name: 'Demo Agent',
      skills: {},
      capacity: { phone: 1 },
      queues: ['general'],
    });
    expect(setUp.status).toBe(200);
    expect((await gateway.call(agent, 'PUT', '/api/v1/me/presence', { presence: 'busy' })).body.presence).toBe('busy');
    const taken = await gateway.call(agent, 'POST', '/api/v1/me/take-next');
    expect(taken.status).toBe(200);
    expect(taken.body.ticket).toMatchObject({ ownerAgentId: 'demo-agent', routingStatus: 'assigned' });
    const mine = await gateway.call(agent, 'GET', '/api/v1/me/cases');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(taken.body.ticket.id);
  });

  it('shows a citizen the status by number and access key; a wrong key and an unknown number answer alike', async () => {
    const { body: ticket } = await createCase(agent);
    // Before a key is issued (the acknowledgment asks for it) no key opens the status.
    const early = await fetch(gateway.url(`/api/v1/status/${ticket.number}?key=${'B'.repeat(22)}`));
    expect(early.status).toBe(404);
    const client = new RequestClient(await env.nats(), env.namespace, 5000);
    const { key } = await client.request(TicketSubjects.issueStatusKey, { actor: 'system:mail', ticketId: ticket.id });
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The secret is in that reply only: neither the ticket.created event nor the audit holds it.
    const sql = await env.sql();
    const { rows } = await sql.query(`SELECT envelope::text AS text FROM tickets.outbox WHERE envelope->'data'->>'ticketId' = $1`, [ticket.id]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.text).not.toContain(key);
    const audit = await sql.query(`SELECT action, coalesce(old_value, '') || coalesce(new_value, '') AS value FROM tickets.audit_entry WHERE ticket_id = $1`, [
      ticket.id,
    ]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toContain('status-key.issued');
    for (const row of audit.rows) expect(String(row.value)).not.toContain(key);

    const status = await fetch(gateway.url(`/api/v1/status/${ticket.number}?key=${key}`));
    expect(status.status).toBe(200);
    await expect(status.json()).resolves.toEqual({ number: ticket.number, state: 'new', lastChangedAt: expect.any(String), nextStep: 'in_progress' });

    const wrongKey = await fetch(gateway.url(`/api/v1/status/${ticket.number}?key=${'A'.repeat(22)}`));
    const unknown = await fetch(gateway.url(`/api/v1/status/115-2000-999999?key=${key}`));
    const [a, b] = [(await wrongKey.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    expect([wrongKey.status, unknown.status]).toEqual([404, 404]);
    expect({ ...a, errorId: undefined }).toEqual({ ...b, errorId: undefined });

    // Limit 5 a minute (windows are whole minutes, so a boundary may pass once): a 429 within two windows' worth.
    const statuses: number[] = [];
    while (statuses.length < 11 && statuses.at(-1) !== 429) statuses.push((await fetch(gateway.url(`/api/v1/status/${ticket.number}?key=${key}`))).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
