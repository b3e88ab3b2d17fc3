import { MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { fixture, MailTestWorld } from './support/mail-test-world';

/** The SMTP listener as a sending mail server sees it, and what is stored and announced. */
describe('SMTP intake', () => {
  let world: MailTestWorld;

  beforeAll(async () => {
    world = await MailTestWorld.create({ MAIL_MAX_SIZE_BYTES: '65536' });
  });

  afterAll(() => world.dispose());

  const received = () => world.published<MailMessageReceivedEvent>(MailSubjects.messageReceived);

  it('answers 250 only once the raw mail, the parsed message and the event are committed', async () => {
    const info = await world.deliver(fixture('plain.eml'), { from: 'erika.mustermann@example.org', to: '115@rostock.de' });
    expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9a-f-]{36}$/);
    const id = /queued as (\S+)/.exec(info.response)![1];

    // Committed before the 250: the rows are there at once, the event is in the outbox.
    const [raw] = await world.rows(
      `SELECT mailbox, dedupe_key, source, envelope_from, envelope_to, status, length(raw) AS size FROM mail.inbound_message WHERE id = $1`,
      [id],
    );
    expect(raw).toEqual({
      mailbox: '115@rostock.de',
      dedupe_key: 'plain-0001@mail.example.org',
      source: 'smtp',
      envelope_from: 'erika.mustermann@example.org',
      envelope_to: ['115@rostock.de'],
      status: 'stored',
      size: fixture('plain.eml').length,
    });
    const [message] = await world.rows(`SELECT subject, from_address, classification FROM mail.message WHERE id = $1`, [id]);
    expect(message).toEqual({ subject: 'Ummeldung nach Umzug innerhalb Rostocks', from_address: 'erika.mustermann@example.org', classification: 'normal' });
    const outbox = await world.rows(`SELECT subject FROM mail.outbox WHERE envelope->'data'->>'messageId' = $1`, [id]);
    expect(outbox).toEqual([{ subject: MailSubjects.messageReceived }]);

    const event = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, 'message.received');
    expect(event).toMatchObject({
      mailbox: '115@rostock.de',
      rfcMessageId: '<plain-0001@mail.example.org>',
      from: { address: 'erika.mustermann@example.org', name: 'Erika Mustermann' },
      to: [{ address: '115@rostock.de' }],
      subject: 'Ummeldung nach Umzug innerhalb Rostocks',
      date: '2026-03-03T08:13:52.000Z',
      classification: 'normal',
      attachments: [],
      ars: '130030000000',
      queueHint: 'rostock',
      source: 'smtp',
    });
    expect(event.text).toContain('welche Unterlagen brauche ich dafür?');
    expect(event.headers).toEqual(expect.arrayContaining([{ name: 'Subject', value: 'Ummeldung nach Umzug innerhalb Rostocks' }]));
    expect(event.threadHint).toBeUndefined();
  });

  it('refuses an unknown recipient with 550 and accepts the known one of the same mail', async () => {
    await expect(world.deliver(fixture('alternative.eml'), { to: 'nobody@rostock.de' })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('5.1.1 <nobody@rostock.de>: no such mailbox here'),
    });
    const info = await world.deliver(fixture('alternative.eml'), { to: ['nobody@rostock.de', '115@rostock.de'] });
    expect(info.accepted).toEqual(['115@rostock.de']);
    expect(info.rejected).toEqual(['nobody@rostock.de']);
  });

  it('refuses a message over the size limit with 552 and a clear text, storing nothing', async () => {
    const big = Buffer.concat([fixture('plain.eml'), Buffer.from('x'.repeat(70 * 1024) + '\r\n')]);
    const raw = Buffer.from(big.toString('latin1').replace('plain-0001@', 'oversize-0001@'), 'latin1');
    await expect(world.deliver(raw)).rejects.toMatchObject({
      responseCode: 552,
      response: expect.stringContaining('Message too big: this service accepts at most 65536 bytes'),
    });
    expect(await world.rows(`SELECT 1 FROM mail.inbound_message WHERE dedupe_key = 'oversize-0001@mail.example.org'`)).toEqual([]);
  });

  it('stores a mail sent to two mailboxes once per mailbox, with an event each', async () => {
    await world.deliver(fixture('html-only.eml'), { to: ['115@rostock.de', 'buergerservice@landkreis-rostock.de'] });
    const rows = await world.rows<{ mailbox: string }>(
      `SELECT mailbox FROM mail.inbound_message WHERE dedupe_key = 'html-only-0001@mail.example.org' ORDER BY mailbox`,
    );
    expect(rows.map((r) => r.mailbox)).toEqual(['115@rostock.de', 'buergerservice@landkreis-rostock.de']);
    await waitFor(() => received().filter((e) => e.rfcMessageId === '<html-only-0001@mail.example.org>').length === 2, 'two events');
    expect(received().find((e) => e.mailbox === 'buergerservice@landkreis-rostock.de' && e.rfcMessageId === '<html-only-0001@mail.example.org>')).toMatchObject(
      {
        ars: '130720000000',
      },
    );
  });

  it('stores the same Message-ID delivered twice to a mailbox once, and answers 250 both times', async () => {
    const first = await world.deliver(fixture('attachments.eml'));
    const second = await world.deliver(fixture('attachments.eml'));
    expect([first.response, second.response].every((r) => r.startsWith('250'))).toBe(true);
    expect(await world.rows(`SELECT id FROM mail.inbound_message WHERE dedupe_key = 'attachments-0001@mail.example.org'`)).toHaveLength(1);
    await waitFor(() => received().some((e) => e.rfcMessageId === '<attachments-0001@mail.example.org>'), 'event');
    // Everything committed is published at once (LISTEN/NOTIFY); the second copy added nothing.
    await waitFor(async () => (await world.rows(`SELECT 1 FROM mail.outbox WHERE published_at IS NULL`)).length === 0, 'outbox drained');
    expect(received().filter((e) => e.rfcMessageId === '<attachments-0001@mail.example.org>')).toHaveLength(1);
  });

  it('gives a mail without Message-ID a stable content hash, so a second copy is a duplicate too', async () => {
    await world.deliver(fixture('no-message-id.eml'));
    // The copy that went through another relay has an extra trace header: still the same mail.
    await world.deliver(
      Buffer.concat([Buffer.from('Received: from relay2.example.org by mx.rostock.de; Tue, 3 Mar 2026 18:00:05 +0100\r\n'), fixture('no-message-id.eml')]),
    );
    const rows = await world.rows<{ dedupe_key: string }>(`SELECT dedupe_key FROM mail.inbound_message WHERE dedupe_key LIKE '%@content-hash.d115.invalid'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].dedupe_key).toMatch(/^[0-9a-f]{64}@content-hash\.d115\.invalid$/);
    const event = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.subject === 'Ohne Message-ID', 'event');
    expect(event.rfcMessageId).toBe(`<${rows[0].dedupe_key}>`);
  });

  it('answers 451 when the mail cannot be committed, and stores it when the sender retries', async () => {
    await world.sql.query(`CREATE FUNCTION mail.refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await world.sql.query(`CREATE TRIGGER refuse_insert BEFORE INSERT ON mail.message FOR EACH ROW EXECUTE FUNCTION mail.refuse_insert()`);
    try {
      await expect(world.deliver(fixture('inline-image.eml'))).rejects.toMatchObject({ responseCode: 451, response: expect.stringContaining('4.3.0') });
      // Nothing half-stored: no raw row, no event in the outbox.
      expect(await world.rows(`SELECT 1 FROM mail.inbound_message WHERE dedupe_key = 'inline-0001@mail.example.org'`)).toEqual([]);
      expect(await world.rows(`SELECT 1 FROM mail.outbox WHERE envelope->'data'->>'rfcMessageId' = '<inline-0001@mail.example.org>'`)).toEqual([]);
    } finally {
      await world.sql.query(`DROP TRIGGER refuse_insert ON mail.message`);
    }
    const retried = await world.deliver(fixture('inline-image.eml'));
    expect(retried.response).toMatch(/^250/);
    await world.waitForEvent<MailMessageReceivedEvent>(
      MailSubjects.messageReceived,
      (e) => e.rfcMessageId === '<inline-0001@mail.example.org>',
      'event after retry',
    );
  });
});
