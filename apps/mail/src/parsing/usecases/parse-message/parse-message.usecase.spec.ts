import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedMail } from '../../parsed-mail';
import { ParseMessageUsecase } from './parse-message.usecase';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures', name));

describe('ParseMessageUsecase', () => {
  const sut = new ParseMessageUsecase({ MAIL_MAX_MIME_PARTS: 50 });

  async function parse(name: string): Promise<ParsedMail> {
    const outcome = await sut.execute(fixture(name));
    if (!outcome.ok) throw new Error(`${name} not parsed: ${outcome.reason}`);
    return outcome.mail;
  }

  it('reads a plain quoted-printable mail with its addresses, date and Message-ID', async () => {
    const mail = await parse('plain.eml');
    expect(mail.messageId).toBe('plain-0001@mail.example.org');
    expect(mail.from).toEqual({ address: 'erika.mustermann@example.org', name: 'Erika Mustermann' });
    expect(mail.to).toEqual([{ address: '115@rostock.de' }]);
    expect(mail.subject).toBe('Ummeldung nach Umzug innerhalb Rostocks');
    expect(mail.date?.toISOString()).toBe('2026-03-03T08:13:52.000Z');
    expect(mail.text).toContain('welche Unterlagen brauche ich dafür?');
    expect(mail.text).toContain('Grüßen');
    expect(mail.html).toBeUndefined();
    expect(mail.headers.find((h) => h.name === 'Received')?.value).toContain('mx.rostock.de');
  });

  it('derives the text from an HTML-only mail and sanitizes the HTML', async () => {
    const mail = await parse('html-only.eml');
    expect(mail.text).toContain('ich möchte Wohngeld beantragen');
    expect(mail.html).toContain('<b>Wohngeld</b>');
    for (const unsafe of ['<script', 'alert', 'onload', 'onclick', 'tracker.example.com', '<iframe', 'javascript:', '<style', 'style=']) {
      expect(mail.html).not.toContain(unsafe);
    }
    expect(mail.html).toContain('href="https://www.rostock.de/wohngeld"');
    expect(mail.html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('takes text and HTML from multipart/alternative', async () => {
    const mail = await parse('alternative.eml');
    expect(mail.text).toContain('Wie bekomme ich einen Termin?');
    expect(mail.html).toContain('<i>neuen Personalausweis</i>');
  });

  it('keeps attachments with name, type, size and SHA-256, a forwarded mail included', async () => {
    const mail = await parse('attachments.eml');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.inline])).toEqual([
      ['Antrag Elterngeld.pdf', 'application/pdf', false],
      ['urkunde.png', 'image/png', false],
      ['Mail vom Standesamt.eml', 'message/rfc822', false],
    ]);
    const pdf = mail.attachments[0];
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.size).toBe(pdf.content.length);
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(mail.attachments[2].content.toString()).toContain('Message-ID: <forwarded-inner-0001@rostock.de>');
  });

  it('keeps inline images with their Content-ID and the cid: reference in the HTML', async () => {
    const mail = await parse('inline-image.eml');
    expect(mail.attachments).toEqual([expect.objectContaining({ filename: 'gehweg.png', contentId: 'gehweg-foto@example.org', inline: true })]);
    expect(mail.html).toContain('src="cid:gehweg-foto@example.org"');
  });

  it('decodes RFC 2047 subjects, also a character split across two encoded words', async () => {
    const mail = await parse('rfc2047-subject.eml');
    expect(mail.subject).toBe('Frage zur Hundesteuer – Ermäßigung für Rentner');
    expect(mail.from).toEqual({ address: 'juergen.mueller@example.org', name: 'Jürgen Müller' });
  });

  it('decodes ISO-8859-1 and windows-1252 bodies', async () => {
    const latin1 = await parse('iso-8859-1.eml');
    expect(latin1.subject).toBe('Straßenreinigungsgebühr');
    expect(latin1.from?.name).toBe('Björn Schäfer');
    expect(latin1.text).toContain('Größere Straße?');
    const cp1252 = await parse('windows-1252.eml');
    expect(cp1252.text).toContain('120 € – stimmt das? Man sagte mir „ab April“.');
  });

  it('decodes broken encodings best-effort instead of failing', async () => {
    const mail = await parse('broken-encoding.eml');
    expect(mail.subject).toBe('Grüße aus Gehlsdorf');
    expect(mail.text).toContain('Ungueltige Bytes: M');
    expect(mail.text).toContain('Sperrmüll-Termin für Straße');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['kaputt.bin']);
  });

  it('decodes uuencoded files: blocks in the text and parts sent as x-uuencode', async () => {
    const block = await parse('real-shapes/uuencoded-attachment.eml');
    expect(block.attachments.map((a) => [a.filename, a.contentType])).toEqual([['schlagloch.jpg', 'image/jpeg']]);
    expect(block.attachments[0].content.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(block.text).not.toContain('begin 644');
    const part = await parse('real-shapes/eudora-x-uuencode.eml');
    expect(part.attachments[0].content.toString()).toBe('Liste der Anwohner Lindenstrasse: Nr. 1-12\n');
  });

  it('keeps a delivery report whole: the notification as text, status and returned mail as attachments', async () => {
    const mail = await parse('real-shapes/postfix-delivery-report.eml');
    expect(mail.text).not.toContain('Reporting-MTA');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Delivery report.txt', 'message/delivery-status'],
      ['Eingangsbestätigung: Ihre Anfrage [115#2026-000321].eml', 'message/rfc822'],
    ]);
    expect(mail.report?.status).toContain('Status: 5.1.1');
  });

  it('takes the text from the HTML when the text part is only a stub', async () => {
    const html =
      '<p>Sehr geehrte Damen und Herren, ich habe eine Frage zur Gelben Tonne: Sie wurde seit drei Wochen nicht geleert, obwohl sie am Dienstag an der Straße stand.</p>';
    const raw = Buffer.from(
      'From: a@example.org\r\nTo: 115@rostock.de\r\nSubject: x\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n' +
        `--b\r\nContent-Type: text/plain\r\n\r\nPlease use an HTML mail client.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--b--\r\n`,
    );
    const outcome = await sut.execute(raw);
    expect(outcome.ok && outcome.mail.text).toContain('Sie wurde seit drei Wochen nicht geleert');
  });

  it('has no Message-ID when the mail has none', async () => {
    expect((await parse('no-message-id.eml')).messageId).toBeUndefined();
  });

  it('copes with very long headers', async () => {
    const mail = await parse('long-headers.eml');
    expect(mail.subject.startsWith('Sehr lange Betreffzeile Wort0 Wort1')).toBe(true);
    expect(mail.subject).toContain('Wort499');
    expect(mail.references).toHaveLength(150);
    expect(mail.headers.find((h) => h.name === 'X-Very-Long')?.value).toHaveLength(20000);
  });

  it('separates the quoted history of a reply', async () => {
    const german = await parse('reply-with-ticket-number.eml');
    expect(german.text).toBe('Hier noch meine neue Adresse: Lange Straße 1, 18055 Rostock.');
    expect(german.quotedText).toMatch(/^Am 03.03.2026 um 09:15 schrieb/);
    const outlook = await parse('reply-references-only.eml');
    expect(outlook.text).toBe('Danke, ich komme am Freitag vorbei.');
    expect(outlook.quotedText).toContain('-----Ursprüngliche Nachricht-----');
    expect(outlook.inReplyTo).toBe('{{ACK_ID}}');
    expect(outlook.references).toEqual(['plain-0001@mail.example.org', '{{ACK_ID}}']);
  });

  it('reads the status and the returned headers of a delivery status notification', async () => {
    const mail = await parse('postfix-bounce.eml');
    expect(mail.contentType).toBe('multipart/report');
    expect(mail.report?.reportType).toBe('delivery-status');
    expect(mail.report?.status).toContain('Status: 5.1.1');
    expect(mail.report?.originalHeaders?.find((h) => h.name === 'Message-ID')?.value).toBe('<{{ORIGINAL_ID}}>');
  });

  it('stores a malformed MIME structure best-effort', async () => {
    const mail = await parse('malformed-mime.eml');
    expect(mail.subject).toBe('Kaputtes MIME');
    expect(mail.messageId).toBe('malformed-0001@mail.example.org');
  });

  it('refuses data that is not a mail, and MIME structures beyond the limit', async () => {
    const garbage = await sut.execute(fixture('garbage.eml'));
    expect(garbage).toMatchObject({ ok: false, reason: expect.stringContaining('no header section') });
    const bomb = Buffer.from(
      `From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${Array.from({ length: 60 }, () => '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n').join('')}--b--\r\n`,
    );
    expect(await sut.execute(bomb)).toMatchObject({ ok: false, reason: 'too many MIME parts: 61 (MAIL_MAX_MIME_PARTS is 50)' });
  });
});
