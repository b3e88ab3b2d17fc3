import { TicketSubjects } from '@d115/contracts';
import { DEV_PHONE_PSEUDONYM_KEY, PhonePseudonym } from '@d115/platform';
import { AGENT, TicketsKit } from './support/tickets-kit';

/** A caller's open cases by the keyed pseudonym of the number (telephony's screen pop). */
describe('tickets: cases by phone pseudonym', () => {
  let kit: TicketsKit;
  const pseudonym = new PhonePseudonym(DEV_PHONE_PSEUDONYM_KEY);

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false' });
  });

  afterAll(() => kit.dispose());

  const open = (subject: string, phone?: string) =>
    kit.request(TicketSubjects.create, {
      actor: AGENT,
      channel: 'phone',
      subject,
      ...(phone ? { citizen: { phone, preferredChannel: 'callback' as const } } : {}),
    });

  it('finds the open cases of the same number in any spelling, not closed ones, and audits the access', async () => {
    const first = await open('Wohngeld', '+49 381 7654321');
    const second = await open('Parkausweis', '0381/765 43 21');
    const closed = await open('Alt', '03817654321');
    await kit.request(TicketSubjects.transition, { actor: AGENT, ticketId: closed.id, to: 'closed' });
    await open('Andere Person', '0381 1111111');

    const reply = await kit.request(TicketSubjects.casesByPhone, { actor: 'agent-anna', phonePseudonym: pseudonym.of('0381 7654321')! });
    expect(reply.cases.map((c) => c.ticketId).sort()).toEqual([first.id, second.id].sort());
    expect(reply.cases[0]).toEqual(expect.objectContaining({ number: expect.stringMatching(/^115-/), state: 'new' }));
    expect(await kit.count("SELECT count(*) FROM tickets.audit_entry WHERE action = 'matched-by-phone' AND actor = 'agent-anna'")).toBe(2);
  });

  it('finds nothing for a pseudonym made with another key', async () => {
    await open('Wohngeld', '+49 381 2222222');
    const reply = await kit.request(TicketSubjects.casesByPhone, {
      actor: 'agent-anna',
      phonePseudonym: new PhonePseudonym('another-secret-key!').of('+49 381 2222222')!,
    });
    expect(reply.cases).toEqual([]);
  });
});
