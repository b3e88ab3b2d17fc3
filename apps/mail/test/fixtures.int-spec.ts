import { createHash } from 'node:crypto';
import { MailMessageReceivedEvent, MailSubjects, validatePayload } from '@d115/contracts';
import { fixture, MailTestWorld } from './support/mail-test-world';

/**
 * Every raw fixture delivered over SMTP, checked where a user would look: the
 * stored message and the mail.message.received event (which must satisfy its
 * contract, so the tickets service can consume it).
 */
describe('real-world mails over SMTP', () => {
  let world: MailTestWorld;

  beforeAll(async () => {
    world = await MailTestWorld.create();
  });

  afterAll(() => world.dispose());

  async function receive(name: string, replace: Record<string, string> = {}): Promise<MailMessageReceivedEvent> {
    const info = await world.deliver(fixture(name, replace), { from: name === 'postfix-bounce.eml' ? '' : 'sender@example.org', to: '115@rostock.de' });
    const id = /queued as (\S+)/.exec(info.response)![1];
    const event = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, `event for ${name}`);
    await validatePayload(MailMessageReceivedEvent, event);
    return event;
  }

  it('plain text', async () => {
    const event = await receive('plain.eml');
    expect(event).toMatchObject({ classification: 'normal', subject: 'Ummeldung nach Umzug innerhalb Rostocks', attachments: [] });
    expect(event.html).toBeUndefined();
  });

  it('HTML only: text derived from the HTML, HTML without scripts and remote loads', async () => {
    const event = await receive('html-only.eml');
    expect(event.text).toContain('ich möchte Wohngeld beantragen');
    expect(event.html).toContain('<b>Wohngeld</b>');
    expect(event.html).not.toMatch(/script|onload|tracker\.example\.com|<iframe|javascript:/);
    const [row] = await world.rows(`SELECT html_body FROM mail.message WHERE id = $1`, [event.messageId]);
    expect(row.html_body).toBe(event.html);
  });

  it('multipart/alternative', async () => {
    const event = await receive('alternative.eml');
    expect(event.text).toContain('Wie bekomme ich einen Termin?');
    expect(event.html).toContain('<i>neuen Personalausweis</i>');
  });

  it('attachments (PDF, image, forwarded .eml) stored with name, type, size and SHA-256', async () => {
    const event = await receive('attachments.eml');
    expect(event.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Antrag Elterngeld.pdf', 'application/pdf'],
      ['urkunde.png', 'image/png'],
      ['Mail vom Standesamt.eml', 'message/rfc822'],
    ]);
    const stored = await world.rows<{ id: string; size: number; sha256: string; content: Buffer }>(
      `SELECT a.id, a.size, a.sha256, b.content FROM mail.attachment a JOIN mail.blob b ON b.key = a.blob_key WHERE a.message_id = $1 ORDER BY a.position`,
      [event.messageId],
    );
    expect(stored.map((s) => s.id)).toEqual(event.attachments.map((a) => a.id));
    for (const [i, file] of stored.entries()) {
      expect(file.content.length).toBe(file.size);
      expect(createHash('sha256').update(file.content).digest('hex')).toBe(file.sha256);
      expect(event.attachments[i]).toMatchObject({ size: file.size, sha256: file.sha256 });
    }
    expect(stored[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(stored[2].content.toString()).toContain('Subject: Ihre Geburtsurkunde');
  });

  it('inline images keep their Content-ID; the HTML refers to them by cid:', async () => {
    const event = await receive('inline-image.eml');
    expect(event.attachments).toEqual([expect.objectContaining({ filename: 'gehweg.png', contentType: 'image/png', contentId: 'gehweg-foto@example.org' })]);
    expect(event.html).toContain('src="cid:gehweg-foto@example.org"');
  });

  it('RFC 2047 subjects and sender names', async () => {
    const event = await receive('rfc2047-subject.eml');
    expect(event.subject).toBe('Frage zur Hundesteuer – Ermäßigung für Rentner');
    expect(event.from).toEqual({ address: 'juergen.mueller@example.org', name: 'Jürgen Müller' });
    expect(event.headers).toEqual(expect.arrayContaining([{ name: 'From', value: 'Jürgen Müller <juergen.mueller@example.org>' }]));
  });

  it('ISO-8859-1 and windows-1252', async () => {
    expect((await receive('iso-8859-1.eml')).text).toContain('Größere Straße?');
    expect((await receive('windows-1252.eml')).text).toContain('120 € – stimmt das? Man sagte mir „ab April“.');
  });

  it('broken encodings: decoded best-effort, raw kept byte for byte', async () => {
    const event = await receive('broken-encoding.eml');
    expect(event.subject).toBe('Grüße aus Gehlsdorf');
    expect(event.text).toContain('Sperrmüll-Termin für Straße');
    const [row] = await world.rows<{ raw: Buffer }>(`SELECT raw FROM mail.inbound_message WHERE id = $1`, [event.messageId]);
    expect(row.raw.equals(fixture('broken-encoding.eml'))).toBe(true);
  });

  it('very long headers: stored whole, cut in the event to keep it small', async () => {
    const event = await receive('long-headers.eml');
    expect(event.truncated).toBe(true);
    expect(event.references).toHaveLength(50);
    expect(event.subject).toContain('Wort499');
    const [row] = await world.rows<{ headers: { name: string; value: string }[]; reference_ids: string[] }>(
      `SELECT headers, reference_ids FROM mail.message WHERE id = $1`,
      [event.messageId],
    );
    expect(row.reference_ids).toHaveLength(150);
    expect(row.headers.find((h) => h.name === 'X-Very-Long')?.value).toHaveLength(20000);
  });

  it('a reply: the quoted history is separated from the new text', async () => {
    const event = await receive('reply-with-ticket-number.eml');
    expect(event.text).toBe('Hier noch meine neue Adresse: Lange Straße 1, 18055 Rostock.');
    expect(event.quotedText).toContain('vielen Dank für Ihre Nachricht');
    expect(event.threadHint).toEqual({ ticketNumber: '115-2026-000123', reason: 'subject' });
  });

  it.each([
    ['exchange-out-of-office.eml', 'auto-reply'],
    ['webmailer-out-of-office.eml', 'auto-reply'],
    ['mailing-list.eml', 'auto-reply'],
    ['read-receipt.eml', 'report'],
  ])('%s is classified %s', async (name, classification) => {
    expect((await receive(name)).classification).toBe(classification);
  });

  it('a Postfix DSN is a bounce with original Message-ID, recipient, status and kind', async () => {
    const event = await receive('postfix-bounce.eml', { ORIGINAL_ID: 'nie-gesendet@rostock.de' });
    expect(event).toMatchObject({
      classification: 'bounce',
      bounce: { kind: 'permanent', recipient: 'nobody@example.org', status: '5.1.1', originalMessageId: '<nie-gesendet@rostock.de>' },
      from: { address: 'mailer-daemon@mx.rostock.de' },
    });
    expect(await world.rows(`SELECT address, status FROM mail.undeliverable_address`)).toEqual([{ address: 'nobody@example.org', status: '5.1.1' }]);
  });

  it('a malformed MIME structure is stored best-effort', async () => {
    const event = await receive('malformed-mime.eml');
    expect(event).toMatchObject({ classification: 'normal', subject: 'Kaputtes MIME', rfcMessageId: '<malformed-0001@mail.example.org>' });
  });
});
