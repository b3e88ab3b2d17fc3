import { AppointmentSubjects, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { AppointmentsKit, testOffice } from '../../apps/appointments/test/support/appointments-kit';
import { ticketsService } from '../../apps/tickets/src/main';

/** Both running: an appointment booked from a case leaves a note on that case once it is confirmed. */
describe('appointments + tickets: the handoff from a case', () => {
  let kit: AppointmentsKit;

  beforeAll(async () => {
    kit = await AppointmentsKit.create(['appointments', 'tickets']);
    await kit.env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false' });
    await kit.start();
    await kit.request(AppointmentSubjects.officeUpsert, testOffice());
  });
  afterAll(() => kit.dispose());

  it('notes the confirmed appointment on the case it was booked from', async () => {
    const ticket = await kit.request(TicketSubjects.create, {
      actor: 'agent-anna',
      channel: 'phone',
      subject: 'Personalausweis abgelaufen',
      text: 'Bürgerin braucht einen Termin.',
    });
    const booking = await kit.request(AppointmentSubjects.reserve, {
      actor: 'agent-anna',
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'personalausweis' }],
      start: '2027-03-02T09:00:00.000Z',
      origin: { ticketNumber: ticket.number, ticketId: ticket.id },
    });
    const key = { actor: 'agent-anna', processId: booking.processId, authKey: booking.authKey };
    await kit.request(AppointmentSubjects.update, { ...key, phone: '+49 381 1234567' });
    await kit.request(AppointmentSubjects.confirm, key);

    const note = await waitFor(async () => {
      const detail = await kit.request(TicketSubjects.get, { actor: 'agent-anna', ticketId: ticket.id });
      return detail.articles.find((a) => a.author === 'system:appointments');
    }, 'the appointment note on the case');
    expect(note.kind).toBe('internal_note');
    expect(note.text).toContain('Bürgeramt Test, Neuer Markt 3, 18055 Rostock');
    expect(note.text).toContain('10:00');
    expect(note.text).toContain(booking.processId);
  });
});
