import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CallScreenPopEvent, TelephonyEvents, TelephonyInbound, TelephonySubjects, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { TestEnvironment, waitFor } from '@d115/testing';
import { telephonyService } from '../../apps/telephony/src/main';
import { ticketsService } from '../../apps/tickets/src/main';

/** Telephony + tickets: the screen pop shows the caller's open cases; a callback wrap-up opens a case. */
describe('telephony + tickets: screen pop and wrap-up cases', () => {
  let env: TestEnvironment;
  let client: RequestClient;
  let sql: Client;
  const key = { PHONE_PSEUDONYM_KEY: 'flow-test-pseudonym-key' };

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony', 'tickets']);
    await env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false', ...key });
    await env.start(telephonyService, { TELEPHONY_SCHEDULER_ENABLED: 'false', TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '2001': 'agent-anna' }), ...key });
    client = new RequestClient(await env.nats(), env.namespace, 10000);
    sql = await env.sql();
  });
  afterAll(() => env.dispose());

  const cti = async (data: object) => {
    const id = randomUUID();
    const envelope = { specversion: '1.0', id, source: '/pbx/flow', type: 'cti', time: new Date().toISOString(), data };
    await (await env.nats()).jetstream().publish(env.namespace.subject(TelephonyInbound.call), JSON.stringify(envelope), { msgID: id });
  };
  const answeredCall = async (from: string) => {
    const callId = randomUUID();
    await cti({ event: 'newCall', callId, from, to: '115', direction: 'in' });
    await cti({ event: 'answer', callId, answeringNumber: '2001' });
    return callId;
  };
  const screenPop = (externalCallId: string) =>
    waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT o.envelope FROM telephony.outbox o JOIN telephony.call c ON o.envelope->>'subject' = 'call/' || c.id
          WHERE o.subject = $1 AND c.external_call_id = $2`,
        [TelephonyEvents.callScreenPop, externalCallId],
      );
      return rows[0]?.envelope.data as CallScreenPopEvent | undefined;
    }, `screen pop of ${externalCallId}`);

  it("pops the caller's open cases, matched on the pseudonym, to the answering agent", async () => {
    const open = await client.request(TicketSubjects.create, {
      actor: 'agent-anna',
      channel: 'phone',
      subject: 'Wohngeld',
      citizen: { phone: '+49 381 7654321', preferredChannel: 'callback' },
    });
    const pop = await screenPop(await answeredCall('0381 7654321'));
    expect(pop).toMatchObject({ agent: '2001', agentId: 'agent-anna', callerWithheld: false, casesUnavailable: false });
    expect(pop.cases).toEqual([expect.objectContaining({ ticketId: open.id, subject: 'Wohngeld' })]);
    const withheld = await screenPop(await answeredCall('anonymous'));
    expect(withheld).toMatchObject({ callerWithheld: true, cases: [] });
  });

  it('opens a case in tickets for a callback wrap-up, with the number the citizen called from', async () => {
    const externalCallId = await answeredCall('0381 5550000');
    await cti({ event: 'hangup', callId: externalCallId, cause: 'normalClearing' });
    const callId = await waitFor(
      async () =>
        (await sql.query('SELECT id FROM telephony.call WHERE external_call_id = $1 AND ended_at IS NOT NULL', [externalCallId])).rows[0]?.id as string,
      'call ended',
    );
    await client.request(TelephonySubjects.wrapUp, {
      actor: 'agent-anna',
      callId,
      outcome: 'callback',
      note: 'Rückruf zum Bauantrag',
      callback: { preferredChannel: 'phone', useCallerNumber: true },
    });
    const ticket = await waitFor(
      async () => (await sql.query('SELECT citizen_phone, citizen_preferred_channel FROM tickets.ticket WHERE origin_ref = $1', [`call:${callId}`])).rows[0],
      'case opened',
    );
    expect(ticket).toEqual({ citizen_phone: '0381 5550000', citizen_preferred_channel: 'callback' });
    // Telephony learns of the case from ticket.created (originRef) and keeps the number while it is open.
    const { id: ticketId } = (await sql.query('SELECT id FROM tickets.ticket WHERE origin_ref = $1', [`call:${callId}`])).rows[0] as { id: string };
    await waitFor(
      async () =>
        (await sql.query("SELECT 1 FROM telephony.call_case WHERE call_id = $1 AND ticket_id = $2 AND linked_by = 'wrap-up'", [callId, ticketId])).rowCount ===
        1,
      'the case linked to the call in telephony',
    );
  });
});
