import { loadMailboxes } from '../mailboxes/load-mailboxes';
import { renderAcknowledgment } from './acknowledgment-template';

describe('renderAcknowledgment', () => {
  it('writes the German default with ticket number, 24-hour promise and service hours', () => {
    const [mailbox] = loadMailboxes(undefined);
    const sut = renderAcknowledgment(mailbox, { ticketNumber: '115-2026-000123', subject: 'Ummeldung' });
    expect(sut.subject).toBe('Eingangsbestätigung: Ummeldung');
    expect(sut.text).toContain('Bürgerservice 115 – Hansestadt Rostock');
    expect(sut.text).toContain('unter der Vorgangsnummer 115-2026-000123 erfasst');
    expect(sut.text).toContain('innerhalb von 24 Stunden');
    expect(sut.text).toContain('Unsere Servicezeiten: Montag bis Freitag von 8:00 bis 18:00 Uhr');
    expect(sut.text).not.toMatch(/\{\{/);
  });

  it('names the status access key when the case has one, and leaves no gap without', () => {
    const [mailbox] = loadMailboxes(undefined);
    const sut = renderAcknowledgment(mailbox, { ticketNumber: '115-2026-000123', subject: 'Ummeldung', statusKey: 'AbCdEfGhIjKlMnOpQrStUv' });
    expect(sut.text).toContain('mit der Vorgangsnummer und dem Zugangsschlüssel AbCdEfGhIjKlMnOpQrStUv abfragen.');
    const without = renderAcknowledgment(mailbox, { ticketNumber: '115-2026-000123', subject: 'Ummeldung' });
    expect(without.text).not.toContain('Zugangsschlüssel');
    expect(without.text).toContain('Uhr\n\nWenn Sie etwas ergänzen möchten');
  });

  it('uses the templates of the mailbox', () => {
    const [mailbox] = loadMailboxes(
      JSON.stringify([
        {
          address: 'buergerservice@kreis.example',
          displayName: 'Kreis',
          serviceHours: 'Mo–Do 9–15 Uhr',
          acknowledgment: { subject: 'Ihre Anfrage {{ticketNumber}}', text: '{{mailboxName}} hat {{subject}} erhalten ({{serviceHours}}), {{unknown}}' },
        },
      ]),
    );
    const sut = renderAcknowledgment(mailbox, { ticketNumber: '115-2026-000001', subject: '  ' });
    expect(sut).toEqual({ subject: 'Ihre Anfrage 115-2026-000001', text: 'Kreis hat (ohne Betreff) erhalten (Mo–Do 9–15 Uhr), {{unknown}}' });
  });
});
