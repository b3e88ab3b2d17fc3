import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { fixture, MAILBOXES, MailTestWorld } from './support/mail-test-world';

const IMAP = {
  host: '127.0.0.1',
  port: Number(process.env.D115_IMAP_PORT ?? 10143),
  user: process.env.D115_IMAP_USER ?? 'd115test',
  password: process.env.D115_IMAP_PASSWORD ?? 'd115test',
};

/**
 * IMAP intake against a real Dovecot (scripts/ci/mail-servers.sh starts it):
 * two mailboxes in folders of their own — one waits with IDLE and moves what it
 * imported, the other polls and flags.
 */
describe('IMAP intake', () => {
  let world: MailTestWorld;
  let admin: ImapFlow;
  let folder: string;

  const mailboxes = (base: string) => [
    ...MAILBOXES,
    {
      address: 'rathaus@rostock.de',
      displayName: 'Rathaus Rostock',
      imap: {
        host: IMAP.host,
        port: IMAP.port,
        secure: false,
        user: IMAP.user,
        password: IMAP.password,
        folder: `${base}/in`,
        idle: true,
        pollIntervalMs: 60000,
        afterImport: 'move',
        moveTo: `${base}/done`,
      },
    },
    {
      address: 'ortsamt@rostock.de',
      displayName: 'Ortsamt',
      imap: {
        host: IMAP.host,
        port: IMAP.port,
        secure: false,
        user: IMAP.user,
        password: IMAP.password,
        folder: `${base}/flagged`,
        idle: false,
        pollIntervalMs: 200,
        afterImport: 'flag',
      },
    },
  ];

  beforeAll(async () => {
    execFileSync(join(__dirname, '../../../scripts/ci/mail-servers.sh'), ['start'], { stdio: 'inherit', timeout: 300_000 });
    admin = new ImapFlow({ host: IMAP.host, port: IMAP.port, secure: false, auth: { user: IMAP.user, pass: IMAP.password }, logger: false });
    await admin.connect();
    folder = `d115-test-${randomBytes(5).toString('hex')}`;
    for (const path of [`${folder}/in`, `${folder}/flagged`]) await admin.mailboxCreate(path);
    world = await MailTestWorld.create({ MAIL_MAILBOXES: JSON.stringify(mailboxes(folder)) });
  }, 300_000);

  afterAll(async () => {
    await world?.dispose();
    if (admin?.usable) {
      for (const path of [`${folder}/in`, `${folder}/done`, `${folder}/flagged`, folder]) await admin.mailboxDelete(path).catch(() => undefined);
      await admin.logout();
    }
  });

  const received = (mailbox: string) => world.published<MailMessageReceivedEvent>(MailSubjects.messageReceived).filter((e) => e.mailbox === mailbox);
  const uids = async (path: string, query: object = { all: true }) => {
    const lock = await admin.getMailboxLock(path);
    try {
      return ((await admin.search(query, { uid: true })) || []).sort((a, b) => a - b);
    } finally {
      lock.release();
    }
  };
  const count = async (path: string) => (await admin.status(path, { messages: true })).messages ?? 0;
  const rows = (mailbox: string) =>
    world.rows<{ dedupe_key: string; source: string }>(`SELECT dedupe_key, source FROM mail.inbound_message WHERE mailbox = $1 ORDER BY received_at`, [
      mailbox,
    ]);

  it('imports new mail at once (IDLE), announces it, and moves it to the done folder', async () => {
    await admin.append(`${folder}/in`, fixture('plain.eml'));
    await admin.append(`${folder}/in`, fixture('attachments.eml'));
    await waitFor(() => received('rathaus@rostock.de').length === 2, 'two mails imported');
    expect(received('rathaus@rostock.de').map((e) => [e.rfcMessageId, e.source, e.attachments.length])).toEqual([
      ['<plain-0001@mail.example.org>', 'imap', 0],
      ['<attachments-0001@mail.example.org>', 'imap', 3],
    ]);
    await waitFor(async () => (await count(`${folder}/in`)) === 0 && (await count(`${folder}/done`)) === 2, 'moved to done');
    const [cursor] = await world.rows(`SELECT folder, last_uid FROM mail.imap_cursor WHERE mailbox = 'rathaus@rostock.de'`);
    expect(cursor).toEqual({ folder: `${folder}/in`, last_uid: '2' });

    // While the poller waits in IDLE (its polling interval is a minute), new mail is there within moments.
    await admin.append(`${folder}/in`, fixture('html-only.eml'));
    await waitFor(() => received('rathaus@rostock.de').length === 3, 'the third mail, through IDLE');
  });

  it('stores a mail that came by SMTP and by IMAP once', async () => {
    await world.deliver(fixture('alternative.eml'), { to: 'rathaus@rostock.de' });
    await admin.append(`${folder}/in`, fixture('alternative.eml'));
    await waitFor(async () => (await count(`${folder}/in`)) === 0, 'the IMAP copy handled');
    expect((await rows('rathaus@rostock.de')).filter((r) => r.dedupe_key === 'alternative-0001@mail.example.org')).toEqual([
      { dedupe_key: 'alternative-0001@mail.example.org', source: 'smtp' },
    ]);
    expect(received('rathaus@rostock.de').filter((e) => e.rfcMessageId === '<alternative-0001@mail.example.org>')).toHaveLength(1);
  });

  it('neither misses nor re-imports across a restart', async () => {
    await world.stop();
    await admin.append(`${folder}/in`, fixture('iso-8859-1.eml'));
    await admin.append(`${folder}/in`, fixture('windows-1252.eml'));
    await world.start({ MAIL_MAILBOXES: JSON.stringify(mailboxes(folder)) });
    await waitFor(async () => (await count(`${folder}/in`)) === 0, 'imported after the restart');
    const keys = (await rows('rathaus@rostock.de')).map((r) => r.dedupe_key);
    expect(keys).toEqual([
      'plain-0001@mail.example.org',
      'attachments-0001@mail.example.org',
      'html-only-0001@mail.example.org',
      'alternative-0001@mail.example.org',
      'latin1-0001@example.net',
      'cp1252-0001@example.net',
    ]);
    expect(await count(`${folder}/done`)).toBe(6);
  });

  it('flags instead of moving when so configured, and re-flags what a crash left unflagged without importing it again', async () => {
    await admin.append(`${folder}/flagged`, fixture('rfc2047-subject.eml'));
    await waitFor(async () => (await uids(`${folder}/flagged`, { keyword: '$D115Imported' })).length === 1, 'flagged');
    expect(received('ortsamt@rostock.de').map((e) => e.subject)).toEqual(['Frage zur Hundesteuer – Ermäßigung für Rentner']);

    const lock = await admin.getMailboxLock(`${folder}/flagged`);
    try {
      await admin.messageFlagsRemove({ all: true }, ['$D115Imported']);
    } finally {
      lock.release();
    }
    await waitFor(async () => (await uids(`${folder}/flagged`, { keyword: '$D115Imported' })).length === 1, 'flagged again');
    expect(await rows('ortsamt@rostock.de')).toHaveLength(1);
  });

  it('starts over when UIDVALIDITY changes, dropping what it already has', async () => {
    await world.stop();
    await admin.mailboxDelete(`${folder}/flagged`);
    await admin.mailboxCreate(`${folder}/flagged`);
    await admin.append(`${folder}/flagged`, fixture('rfc2047-subject.eml'));
    await admin.append(`${folder}/flagged`, fixture('no-message-id.eml'));
    await world.start({ MAIL_MAILBOXES: JSON.stringify(mailboxes(folder)) });
    await waitFor(async () => (await uids(`${folder}/flagged`, { keyword: '$D115Imported' })).length === 2, 'both flagged');
    const keys = (await rows('ortsamt@rostock.de')).map((r) => r.dedupe_key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe('rfc2047-0001@mail.example.org');
    expect(keys[1]).toMatch(/@content-hash\.d115\.invalid$/);
  });
});
