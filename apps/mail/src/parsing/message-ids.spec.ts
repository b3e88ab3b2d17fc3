import { readHeaders } from './header-decoding';
import { contentHashId, messageIdentity, normalizeMessageId, parseMessageIdList, reusedMessageIdKey, rfcMessageIdOfKey } from './message-ids';

describe('message ids', () => {
  it('normalizes a Message-ID to its content without brackets', () => {
    expect(normalizeMessageId(' <abc@example.org> ')).toBe('abc@example.org');
    expect(normalizeMessageId('abc@example.org')).toBe('abc@example.org');
    expect(normalizeMessageId('<a b@x>')).toBeUndefined();
    expect(normalizeMessageId('')).toBeUndefined();
  });

  it('lists the ids of References/In-Reply-To in order without duplicates', () => {
    expect(parseMessageIdList('<a@x> <b@x>\t<a@x> (comment) <c@x>')).toEqual(['a@x', 'b@x', 'c@x']);
    expect(parseMessageIdList('a@x, b@x')).toEqual(['a@x', 'b@x']);
  });

  it('hashes what every copy of a mail shares, not its trace headers', () => {
    const mail = 'From: a@x\r\nTo: b@x\r\nSubject: S\r\nDate: Tue, 3 Mar 2026 10:00:00 +0100\r\n\r\nText\r\n';
    const relayed = `Received: from relay by mx; Tue, 3 Mar 2026 10:00:05 +0100\r\nDelivered-To: b@x\r\n${mail}`;
    const hash = (raw: string) => contentHashId(Buffer.from(raw), readHeaders(Buffer.from(raw)));
    expect(hash(mail)).toBe(hash(relayed));
    expect(hash(mail)).not.toBe(hash(mail.replace('Text', 'Anderer Text')));
    expect(hash(mail)).toMatch(/^[0-9a-f]{64}@content-hash\.d115\.invalid$/);
    expect(hash(`${mail} \r\n\t \r\n`)).toBe(hash(mail));
    expect(hash(mail.replace('Text', `Text${' '.repeat(200000)}x`))).not.toBe(hash(mail));
  });

  it('identifies a mail by its Message-ID and content hash, else by the hash alone', () => {
    const withId = Buffer.from('Message-ID: <m@x>\r\nFrom: a@x\r\n\r\nx');
    const identity = messageIdentity(withId, readHeaders(withId));
    expect(identity).toEqual({ rfcMessageId: 'm@x', fromHeader: true, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const relayed = Buffer.concat([Buffer.from('Received: from relay by mx; Tue, 3 Mar 2026 10:00:05 +0100\r\n'), withId]);
    expect(messageIdentity(relayed, readHeaders(relayed)).contentHash).toBe(identity.contentHash);
    const other = Buffer.from('Message-ID: <m@x>\r\nFrom: a@x\r\n\r\nganz anderer Inhalt');
    expect(messageIdentity(other, readHeaders(other)).contentHash).not.toBe(identity.contentHash);
    const without = Buffer.from('From: a@x\r\n\r\nx');
    expect(messageIdentity(without, readHeaders(without))).toMatchObject({ fromHeader: false, rfcMessageId: contentHashId(without, readHeaders(without)) });
  });

  it('keys a reused Message-ID apart from the real one and gets the Message-ID back', () => {
    const key = reusedMessageIdKey('m@x', 'ab12');
    expect(key).not.toBe('m@x');
    expect(rfcMessageIdOfKey(key)).toBe('m@x');
    expect(rfcMessageIdOfKey('m@x')).toBe('m@x');
  });
});
