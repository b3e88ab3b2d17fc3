import { asParsedMail, readMimeMessage } from './mime-view';

const raw = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');

describe('readMimeMessage', () => {
  it('reads nested multiparts, transfer encodings, charsets and messages inside messages', () => {
    const inner =
      'From: MAILER-DAEMON@mx.example.org\nTo: Petra <petra@amt.example.de>\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nZustellung fehlgeschlagen f=FCr a@example.org\n';
    const sut = readMimeMessage(
      raw(
        'From: it@example.de\nSubject: WG: Bounce\nContent-Type: multipart/mixed; boundary="outer"\n\npreamble\n--outer\nContent-Type: multipart/alternative; boundary="alt"\n\n--alt\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n' +
          Buffer.from('see below').toString('base64') +
          '\n--alt\nContent-Type: text/html\n\n<p>see below</p>\n--alt--\n--outer\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--outer\nContent-Type: message/rfc822\n\n' +
          inner +
          '--outer--\nepilogue\n',
      ),
    );
    expect(sut.leaves.map((l) => l.contentType)).toEqual(['text/plain', 'text/html', 'image/png', 'message/rfc822']);
    expect(sut.leaves[0].text).toBe('see below');
    expect(sut.leaves[2].text).toBe('');
    const nested = sut.leaves[3].message!;
    expect(nested.leaves[0].text).toContain('Zustellung fehlgeschlagen für a@example.org');
    expect(asParsedMail(nested)).toMatchObject({
      from: { address: 'mailer-daemon@mx.example.org' },
      to: [{ address: 'petra@amt.example.de' }],
      subject: 'Undelivered Mail Returned to Sender',
      text: expect.stringContaining('für'),
    });
  });

  it('gives a multipart/report its report parts', () => {
    const sut = asParsedMail(
      readMimeMessage(
        raw(
          'From: "Mail Delivery System" <MAILER-DAEMON@mx.example.org>\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: text/plain\n\nfailed\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\n\n--b\nContent-Type: text/rfc822-headers\n\nMessage-ID: <orig@example.org>\n\n--b--\n',
        ),
      ),
    );
    expect(sut.from).toEqual({ address: 'mailer-daemon@mx.example.org', name: 'Mail Delivery System' });
    expect(sut.report).toMatchObject({
      reportType: 'delivery-status',
      status: expect.stringContaining('Action: failed'),
      originalHeaders: [{ name: 'Message-ID', value: '<orig@example.org>' }],
    });
  });
});
