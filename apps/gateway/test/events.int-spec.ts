import { randomUUID } from 'node:crypto';
import { JetStreamClient } from 'nats';
import { eventAbout, TicketEvents } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { useDemoGateway } from './support/demo-gateway';
import { SseClient } from './support/sse-client';

/** Live updates: events from JetStream reach the SSE clients they concern, resumable, with heartbeats. */
describe('gateway live updates (SSE)', () => {
  const world = useDemoGateway({ overrides: { SSE_HEARTBEAT_SECONDS: '1' } });
  let js: JetStreamClient;
  let agent: string;
  let supervisor: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    js = (await world.env.nats()).jetstream();
    [agent, supervisor] = await Promise.all([world.gateway.token('demo-agent'), world.gateway.token('demo-supervisor')]);
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
  });

  const open = async (token: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(world.gateway.url('/api/v1/events'), { authorization: `Bearer ${token}`, ...headers });
    clients.push(client);
    return client;
  };

  const publish = (subject: string, data: object) =>
    js.publish(
      world.env.namespace.subject(subject),
      JSON.stringify({
        specversion: '1.0',
        id: randomUUID(),
        source: '/d115/tickets',
        type: subject,
        time: new Date().toISOString(),
        subject: eventAbout('ticket', (data as { ticketId: string }).ticketId),
        datacontenttype: 'application/json',
        correlationid: randomUUID(),
        data,
      }),
    );

  const reserved = (agentId: string, number: string) => ({
    reservationId: randomUUID(),
    ticketId: randomUUID(),
    number,
    agentId,
    queue: 'general',
    channel: 'email',
    priority: 0,
    expiresAt: new Date(Date.now() + 60000).toISOString(),
  });

  it('refuses a stream without a token', async () => {
    const response = await fetch(world.gateway.url('/api/v1/events'));
    expect(response.status).toBe(401);
  });

  it('offers a reservation to its agent only', async () => {
    const mine = await open(agent);
    const theirs = await open(supervisor);
    expect(mine.status).toBe(200);
    await publish(TicketEvents.reserved, reserved('demo-agent', '115-2026-000001'));
    const [offer] = await waitFor(async () => (mine.named('reservation.offered').length ? mine.named('reservation.offered') : undefined), 'the offer');
    expect(offer.data).toMatchObject({ number: '115-2026-000001', queue: 'general' });
    expect(offer.data).not.toHaveProperty('agentId');
    await publish(TicketEvents.slaWarning, {
      ticketId: randomUUID(),
      number: '115-2026-000002',
      metric: 'resolution',
      queue: 'general',
      targetMinutes: 60,
      dueAt: new Date().toISOString(),
    });
    await waitFor(async () => theirs.named('sla.warning').length === 1 || undefined, 'the supervisor’s SLA warning');
    expect(theirs.named('reservation.offered')).toEqual([]);
    expect(mine.named('sla.warning')).toEqual([]);
  });

  it('tells an agent about changes of their cases', async () => {
    const mine = await open(agent);
    await publish(TicketEvents.stateChanged, {
      ticketId: randomUUID(),
      number: '115-2026-000003',
      from: 'open',
      to: 'pending_citizen',
      version: 4,
      actor: 'demo-agent',
      ownerAgentId: 'demo-agent',
    });
    const [changed] = await waitFor(async () => (mine.named('case.changed').length ? mine.named('case.changed') : undefined), 'the change');
    expect(changed.data).toEqual({ ticketId: expect.any(String), number: '115-2026-000003', version: 4, from: 'open', to: 'pending_citizen', change: 'state' });
  });

  it('replays what a reconnecting client missed after its Last-Event-ID', async () => {
    const first = await open(agent);
    await publish(TicketEvents.reserved, reserved('demo-agent', '115-2026-000010'));
    const seen = await waitFor(async () => first.events.find((e) => (e.data as { number?: string })?.number === '115-2026-000010'), 'the first event');
    await first.close();
    const watcher = await open(agent);
    await publish(TicketEvents.reserved, reserved('demo-agent', '115-2026-000011'));
    await publish(TicketEvents.reserved, reserved('demo-agent', '115-2026-000012'));
    await waitFor(async () => watcher.events.some((e) => (e.data as { number?: string })?.number === '115-2026-000012') || undefined, 'the events to pass');

    const resumed = await open(agent, { 'last-event-id': seen.id! });
    const numbers = await waitFor(async () => {
      const got = resumed.named('reservation.offered').map((e) => (e.data as { number: string }).number);
      return got.includes('115-2026-000012') ? got : undefined;
    }, 'the replay');
    expect(numbers).toEqual(['115-2026-000011', '115-2026-000012']);
  });

  it('asks a client with an unknown Last-Event-ID to resync', async () => {
    const client = await open(agent, { 'last-event-id': 'elsewhere:17' });
    await waitFor(async () => client.named('resync').length === 1 || undefined, 'resync');
  });

  it('sends heartbeats and accepts the token as access_token for EventSource', async () => {
    const client = await SseClient.open(world.gateway.url(`/api/v1/events?access_token=${agent}`));
    clients.push(client);
    expect(client.status).toBe(200);
    await waitFor(async () => client.comments.some((comment) => comment.startsWith('heartbeat')) || undefined, 'a heartbeat');
  });
});
