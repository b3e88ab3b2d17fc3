import { MailMessageReceivedEvent, MailSubjects, validatePayload } from '@d115/contracts';
import { fixture, MailTestWorld } from './support/mail-test-world';
import { realShapes } from './support/real-shapes';

const EXPECTED = realShapes();

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Real client shapes through the real SMTP intake: what is stored and what
 * mail.message.received carries, field by field; none is quarantined. And the
 * duplicate rule: the same mail twice is one, a reused Message-ID with other
 * content is a mail of its own, flagged.
 */
describe('real client shapes over SMTP', () => {
  let world: MailTestWorld;

  beforeAll(async () => {
    world = await MailTestWorld.create();
  });

  afterAll(() => world.dispose());

  async function deliver(raw: Buffer): Promise<string> {
    const info = await world.deliver(raw);
    return /queued as (\S+)/.exec(info.response)![1];
  }

  function eventFor(id: string): Promise<MailMessageReceivedEvent> {
    return world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, `event for ${id}`);
  }

  it.each(Object.keys(EXPECTED))('%s is stored and announced with its sender, subject, text and attachments', async (name) => {
    const expected = EXPECTED[name];
    const id = await deliver(fixture(`real-shapes/${name}`));
    const [raw] = await world.rows<{ status: string }>(`SELECT status FROM mail.inbound_message WHERE id = $1`, [id]);
    expect(raw.status).toBe('stored');

    const event = await eventFor(id);
    await validatePayload(MailMessageReceivedEvent, event);
    expect(event.from).toEqual({ address: expected.from, ...(expected.fromName ? { name: expected.fromName } : {}) });
    expect(event.to.map((a) => a.address)).toEqual(expected.to);
    expect(event.subject).toBe(expected.subject);
    for (const sentence of expected.text ?? []) expect(words(event.text)).toContain(words(sentence));
    expect(event.attachments.map((a) => a.filename)).toEqual(expected.attachments);
    expect(event.messageIdReused).toBeUndefined();

    const [row] = await world.rows<{ from_address: string; from_name: string | null; subject: string; text_body: string; message_id_reused: boolean }>(
      `SELECT from_address, from_name, subject, text_body, message_id_reused FROM mail.message WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      from_address: expected.from,
      from_name: expected.fromName,
      subject: expected.subject,
      text_body: event.text,
      message_id_reused: false,
    });
    const files = await world.rows<{ filename: string }>(`SELECT filename FROM mail.attachment WHERE message_id = $1 ORDER BY position`, [id]);
    expect(files.map((f) => f.filename)).toEqual(expected.attachments);
  });

  const mail = (received: string, text: string) =>
    Buffer.from(
      `Received: ${received}\r\nFrom: Erika Mustermann <erika.mustermann@example.org>\r\nTo: 115@rostock.de\r\nSubject: Gleiche Message-ID\r\n` +
        `Date: Tue, 3 Mar 2026 09:00:00 +0100\r\nMessage-ID: <reused-0001@mail.example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`,
    );
  const copies = () =>
    world.rows<{ dedupe_key: string; message_id_reused: boolean | null; text_body: string | null }>(
      `SELECT i.dedupe_key, m.message_id_reused, m.text_body FROM mail.inbound_message i LEFT JOIN mail.message m ON m.id = i.id
        WHERE i.dedupe_key LIKE 'reused-0001@mail.example.org%' ORDER BY i.received_at, i.id`,
    );

  it('keeps one copy of the same mail delivered twice with other Received headers', async () => {
    const first = await deliver(mail('from a by mx1; Tue, 3 Mar 2026 09:00:01 +0100', 'Erste Nachricht.'));
    await eventFor(first);
    await deliver(mail('from b by mx2; Tue, 3 Mar 2026 09:05:00 +0100', 'Erste Nachricht.'));
    expect(await copies()).toEqual([{ dedupe_key: 'reused-0001@mail.example.org', message_id_reused: false, text_body: 'Erste Nachricht.\n' }]);
  });

  it('stores a different mail that reuses the Message-ID, flagged in the row and the event, and once only', async () => {
    const second = await deliver(mail('from a by mx1; Wed, 4 Mar 2026 10:00:00 +0100', 'Eine ganz andere Nachricht.'));
    const event = await eventFor(second);
    expect(event).toMatchObject({ rfcMessageId: '<reused-0001@mail.example.org>', messageIdReused: true, text: 'Eine ganz andere Nachricht.\n' });
    await validatePayload(MailMessageReceivedEvent, event);
    await deliver(mail('from c by mx3; Wed, 4 Mar 2026 10:01:00 +0100', 'Eine ganz andere Nachricht.'));
    const rows = await copies();
    expect(rows).toEqual([
      { dedupe_key: 'reused-0001@mail.example.org', message_id_reused: false, text_body: 'Erste Nachricht.\n' },
      {
        dedupe_key: expect.stringMatching(/^reused-0001@mail\.example\.org [0-9a-f]{64}$/),
        message_id_reused: true,
        text_body: 'Eine ganz andere Nachricht.\n',
      },
    ]);
    const [stored] = await world.rows<{ rfc_message_id: string }>(`SELECT rfc_message_id FROM mail.message WHERE id = $1`, [second]);
    expect(stored.rfc_message_id).toBe('reused-0001@mail.example.org');
  });
});
