import { D115Error, ErrorCode, MailErrorCode, MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { fixture, MailTestWorld } from './support/mail-test-world';

/** Many parts: beyond a low MAIL_MAX_MIME_PARTS, fine once the limit is raised. */
function manyParts(parts: number): string {
  const body = Array.from({ length: parts }, (_, i) => `--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTeil ${i + 1}\r\n`).join('');
  return (
    'From: Erika Mustermann <erika.mustermann@example.org>\r\nTo: 115@rostock.de\r\nSubject: Viele Teile\r\n' +
    'Message-ID: <many-parts-0001@mail.example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n' +
    `${body}--p--\r\n`
  );
}

/** Mail that cannot be parsed is accepted, kept raw, listed, counted and re-processable — never dropped. */
describe('quarantine', () => {
  let world: MailTestWorld;
  let client: RequestClient;

  beforeAll(async () => {
    world = await MailTestWorld.create({ MAIL_MAX_MIME_PARTS: '5' });
    client = new RequestClient(world.nc, world.env.namespace, 5000);
  });

  afterAll(() => world.dispose());

  const list = (payload: object = {}) => client.request(MailSubjects.quarantineList, payload);
  const retry = (id: string) => client.request(MailSubjects.quarantineRetry, { id });
  let garbageId: string;
  let manyPartsId: string;
  let garbageSize: number;

  it('accepts data that is not a mail, keeps it raw in quarantine and announces nothing', async () => {
    const info = await world.deliver(fixture('garbage.eml'));
    expect(info.response).toMatch(/^250 /);
    garbageId = /queued as (\S+)/.exec(info.response)![1];
    const [row] = await world.rows<{ status: string; quarantine_reason: string; raw: Buffer }>(
      `SELECT status, quarantine_reason, raw FROM mail.inbound_message WHERE id = $1`,
      [garbageId],
    );
    expect(row.status).toBe('quarantined');
    expect(row.quarantine_reason).toMatch(/^no header section/);
    // Kept as it came over the wire (SMTP turns bare line feeds into CRLF).
    expect(row.raw.subarray(0, 40).equals(fixture('garbage.eml').subarray(0, 40))).toBe(true);
    garbageSize = row.raw.length;
    expect(await world.rows(`SELECT 1 FROM mail.outbox WHERE envelope->'data'->>'messageId' = $1`, [garbageId])).toEqual([]);
  });

  it('quarantines a MIME structure beyond the configured limit', async () => {
    const info = await world.deliver(manyParts(8));
    manyPartsId = /queued as (\S+)/.exec(info.response)![1];
    expect(await world.rows(`SELECT status, quarantine_reason FROM mail.inbound_message WHERE id = $1`, [manyPartsId])).toEqual([
      { status: 'quarantined', quarantine_reason: 'too many MIME parts: 9 (MAIL_MAX_MIME_PARTS is 5)' },
    ]);
  });

  it('counts quarantined mail in the metrics', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${world.service.port}/metrics`)).text();
    expect(metrics).toMatch(/^d115_mail_quarantined_total\{source="smtp",service="mail"\} 2$/m);
  });

  it('lists the quarantine, newest first, also per mailbox', async () => {
    const reply = await list();
    expect(reply.total).toBe(2);
    expect(reply.items.map((i) => i.id)).toEqual([manyPartsId, garbageId]);
    expect(reply.items[1]).toMatchObject({
      mailbox: '115@rostock.de',
      source: 'smtp',
      envelopeFrom: 'sender@example.org',
      size: garbageSize,
      attempts: 1,
      reason: expect.stringMatching(/^no header section/),
    });
    expect((await list({ mailbox: 'buergerservice@landkreis-rostock.de' })).total).toBe(0);
    await expect(list({ limit: 0 })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });

  it('keeps a mail in quarantine when it still cannot be parsed', async () => {
    await expect(retry(garbageId)).resolves.toEqual({ id: garbageId, outcome: 'still-quarantined', reason: expect.stringMatching(/^no header section/) });
    expect((await list()).items.find((i) => i.id === garbageId)?.attempts).toBe(2);
  });

  it('processes a quarantined mail once the cause is fixed, as if it had just arrived', async () => {
    await world.restart({ MAIL_MAX_MIME_PARTS: '500' });
    await expect(retry(manyPartsId)).resolves.toEqual({ id: manyPartsId, outcome: 'processed' });
    const event = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === manyPartsId, 'message.received');
    expect(event).toMatchObject({ subject: 'Viele Teile', rfcMessageId: '<many-parts-0001@mail.example.org>', classification: 'normal' });
    expect(event.text).toContain('Teil 1');
    expect((await list()).items.map((i) => i.id)).toEqual([garbageId]);
    // Processed once: a second retry finds nothing to do.
    await expect(retry(manyPartsId)).rejects.toMatchObject({ code: MailErrorCode.QUARANTINE_NOT_FOUND });
  });

  it('answers an unknown id with a coded error', async () => {
    const failure = await retry('0190c0de-0000-7000-8000-00000000dead').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(D115Error);
    expect((failure as D115Error).code).toBe(MailErrorCode.QUARANTINE_NOT_FOUND);
  });
});
