import { AppointmentErrorCode, AppointmentView, ErrorCode } from '@d115/contracts';
import { citizenKey, pageFor } from './citizen-appointments.usecase';
import { appointmentPage, berlinTime, notFoundPage } from './citizen-pages';

const view: AppointmentView = {
  processId: '0190aaaa-0000-7000-8000-000000000001',
  status: 'reserved',
  officeId: 'amt',
  officeName: 'Amt <script>alert(1)</script>',
  address: { street: 'Neuer Markt', houseNumber: '3', postalCode: '18055', city: 'Rostock' },
  services: [{ serviceId: 'pa', name: 'Personalausweis & Pass', count: 1 }],
  startsAt: '2027-07-01T08:00:00.000Z',
  endsAt: '2027-07-01T08:15:00.000Z',
  holdUntil: '2027-06-30T10:00:00.000Z',
  citizen: {},
  origin: {},
  sequence: 0,
};

describe('citizen appointment pages', () => {
  it('escapes what comes from the office configuration and keeps the key only in the forms', () => {
    const sut = appointmentPage(view, { processId: view.processId, authKey: 'a"b<c>d&e' }, 'bestaetigen');
    expect(sut.html).not.toContain('<script>');
    expect(sut.html).toContain('Amt &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sut.html).toContain('Personalausweis &amp; Pass');
    expect(sut.html).toContain('value="a&quot;b&lt;c&gt;d&amp;e"');
  });

  it('shows summer times on the Berlin clock (CEST)', () => {
    expect(berlinTime(view.startsAt)).toBe('10:00');
  });

  it('answers an unknown booking, a wrong key, a lapsed hold and a malformed key with one page', () => {
    const pages = [AppointmentErrorCode.NOT_FOUND, AppointmentErrorCode.WRONG_AUTH_KEY, AppointmentErrorCode.HOLD_EXPIRED, ErrorCode.VALIDATION_FAILED].map(
      pageFor,
    );
    for (const page of pages) expect(page).toEqual(notFoundPage());
    expect(appointmentPage({ ...view, status: 'expired' }, { processId: view.processId, authKey: 'x'.repeat(24) }, 'bestaetigen')).toEqual(notFoundPage());
    expect(citizenKey({ processId: 'kaputt', authKey: 'x'.repeat(24) })).toBeUndefined();
    expect(citizenKey({ processId: view.processId, authKey: 'kurz' })).toBeUndefined();
    expect(pageFor(ErrorCode.INTERNAL)).toBeUndefined();
  });
});
