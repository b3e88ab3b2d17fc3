import { headers as natsHeaders, JetStreamClient } from 'nats';
import { deadLetterSubject, Headers, TicketEvents } from '@d115/contracts';
import { useDemoGateway } from './support/demo-gateway';

/** Dead letters for ops over HTTP: the same store as `npm run deadletters`. */
describe('gateway dead letters', () => {
  const world = useDemoGateway();
  let js: JetStreamClient;
  let admin: string;

  beforeAll(async () => {
    js = (await world.env.nats()).jetstream();
    admin = await world.gateway.token('demo-admin');
  });

  async function deadLetter(body: object): Promise<number> {
    const h = natsHeaders();
    h.set(Headers.errorCode, 'VALIDATION.FAILED');
    h.set(Headers.error, 'number must match');
    h.set(Headers.originalSubject, TicketEvents.created);
    h.set(Headers.consumer, 'ticket-created-acknowledgment');
    h.set(Headers.deliveries, '1');
    const ack = await js.publish(world.env.namespace.subject(deadLetterSubject('mail', 'ticket-created-acknowledgment')), JSON.stringify(body), { headers: h });
    return ack.seq;
  }

  it('lists dead letters with their reason and sends one back to its subject', async () => {
    const sequence = await deadLetter({ data: { number: 'x' } });
    const list = await world.gateway.call(admin, 'GET', '/api/v1/ops/dead-letters');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ sequence, originalSubject: TicketEvents.created, consumer: 'ticket-created-acknowledgment', errorCode: 'VALIDATION.FAILED' }),
    ]);

    const replayed = await world.gateway.call(admin, 'POST', `/api/v1/ops/dead-letters/${sequence}/replay`);
    expect(replayed.status).toBe(200);
    expect((await world.gateway.call(admin, 'GET', '/api/v1/ops/dead-letters')).body).toEqual([]);
    const again = await world.gateway.call(admin, 'POST', `/api/v1/ops/dead-letters/${sequence}/replay`);
    expect(again.status).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await world.gateway.call(await world.gateway.token('demo-supervisor'), 'GET', '/api/v1/ops/dead-letters')).status).toBe(403);
  });
});
