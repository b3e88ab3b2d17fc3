import { DataSource } from 'typeorm';
import { ReplyRequestedEvent, TicketEvents, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { DATA_SOURCE } from '@d115/platform';
import { TestEnvironment } from '@d115/testing';
import { CatalogueImporter } from '../../apps/knowledge/src/import/catalogue-importer';
import { knowledgeService } from '../../apps/knowledge/src/main';
import { fixture } from '../../apps/knowledge/test/support/knowledge-kit';
import { ticketsService } from '../../apps/tickets/src/main';

/** A flow across two services, so it lives outside both apps. Both running: tickets forwards a case to the office the knowledge service names for its LeiKa key and ARS. */
describe('knowledge + tickets: forwarding through the Zuständigkeit', () => {
  let env: TestEnvironment;
  let client: RequestClient;

  beforeAll(async () => {
    env = await TestEnvironment.create(['knowledge', 'tickets']);
    const knowledge = await env.start(knowledgeService, { KNOWLEDGE_DEMO_CATALOGUE: 'false' });
    const report = await new CatalogueImporter(knowledge.app.get<DataSource>(DATA_SOURCE), 'knowledge').importFile(fixture('catalogue.d115.json'));
    expect(report).toMatchObject({ status: 'completed' });
    await env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false', TICKETS_KNOWLEDGE_TIMEOUT_MS: '3000' });
    client = new RequestClient(await env.nats(), env.namespace, 10000);
  });
  afterAll(() => env.dispose());

  it('forwards a case without an agent-named authority to the responsible office of its municipality', async () => {
    const ticket = await client.request(TicketSubjects.create, {
      actor: 'agent-anna',
      channel: 'phone',
      subject: 'Ausweis beantragen',
      text: 'Bürgerin aus Carbäk fragt, wo sie den Ausweis beantragt.',
      leikaKey: '99900001000000',
      ars: '130725258012',
    });
    const forwarded = await client.request(TicketSubjects.forward, { actor: 'agent-anna', ticketId: ticket.id });
    expect(forwarded).toMatchObject({ state: 'pending_authority', forwardedTo: { name: 'Amt Carbäk', email: 'amt@example.org' } });

    const sql = await env.sql();
    const { rows } = await sql.query(`SELECT envelope FROM tickets.outbox WHERE subject = $1 AND envelope->>'subject' = $2`, [
      TicketEvents.replyRequested,
      `ticket/${ticket.id}`,
    ]);
    const request = rows[0].envelope.data as ReplyRequestedEvent;
    expect(request).toMatchObject({ kind: 'forward', to: [{ address: 'amt@example.org', name: 'Amt Carbäk' }] });
    const detail = await client.request(TicketSubjects.get, { actor: 'agent-anna', ticketId: ticket.id });
    expect(detail.history.map((h) => h.action)).toContain('forwarded (knowledge)');
  });
});
