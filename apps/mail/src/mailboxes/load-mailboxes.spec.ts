import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigurationError } from '@d115/platform';
import { loadMailboxes } from './load-mailboxes';
import { MailboxDirectory } from './mailbox.directory';

describe('loadMailboxes', () => {
  it('serves the demo mailbox of Rostock when nothing is configured', () => {
    expect(loadMailboxes(undefined)).toEqual([
      expect.objectContaining({
        address: '115@rostock.de',
        replyFrom: '115@rostock.de',
        ars: '130030000000',
        displayName: 'Bürgerservice 115 – Hansestadt Rostock',
      }),
    ]);
  });

  it('reads JSON from the variable or from a file, with defaults filled in', () => {
    const json = JSON.stringify([
      { address: 'Buergerservice@Kreis.example', displayName: 'Kreis', imap: { host: 'imap.kreis.example', user: 'u', password: 'p' } },
    ]);
    const [fromVariable] = loadMailboxes(json);
    expect(fromVariable).toMatchObject({
      address: 'buergerservice@kreis.example',
      acknowledgment: { enabled: true },
      imap: { port: 993, folder: 'INBOX', afterImport: 'move', idle: true },
    });
    const dir = mkdtempSync(join(tmpdir(), 'mailboxes-'));
    try {
      writeFileSync(join(dir, 'mailboxes.json'), json);
      expect(loadMailboxes(join(dir, 'mailboxes.json'))).toEqual([fromVariable]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    ['[{"address": "x@y.de"', /MAIL_MAILBOXES is not valid JSON/],
    ['/no/such/file.json', /MAIL_MAILBOXES is neither JSON nor the path of an existing file/],
    ['[]', /at least one mailbox/],
    ['[{"address": "kein-mail", "displayName": "X"}]', /\[0\]\.address/],
    ['[{"address": "a@b.de", "displayName": "X", "ars": "123"}]', /ars must be 12 digits/],
    ['[{"address": "a@b.de", "displayName": "X", "adress": "typo"}]', /adress/],
    ['[{"address": "a@b.de", "displayName": "X"}, {"address": "A@b.de", "displayName": "Y"}]', /configured twice/],
  ])('stops the start for %s', (setting, message) => {
    expect(() => loadMailboxes(setting)).toThrow(InvalidConfigurationError);
    expect(() => loadMailboxes(setting)).toThrow(message);
  });
});

describe('MailboxDirectory', () => {
  const sut = new MailboxDirectory(
    loadMailboxes(
      JSON.stringify([
        { address: '115@rostock.de', displayName: 'R', replyFrom: 'noreply-115@rostock.de' },
        { address: 'b@kreis.example', displayName: 'K' },
      ]),
    ),
  );

  it('finds mailboxes by address or reply-from, ignoring case', () => {
    expect(sut.find('115@ROSTOCK.de')?.displayName).toBe('R');
    expect(sut.find('noreply-115@rostock.de')?.displayName).toBe('R');
    expect(sut.find('other@rostock.de')).toBeUndefined();
    expect(sut.default.address).toBe('115@rostock.de');
    expect(sut.isOwnAddress('b@kreis.example')).toBe(true);
  });
});
