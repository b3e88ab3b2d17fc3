import { ParsedAttachment, ParsedMail } from '../../src/parsing/parsed-mail';

/** A citizen's plain mail to the demo mailbox; override what a test is about (`header` sets raw header fields). */
export function aParsedMail(overrides: Partial<ParsedMail> & { header?: Record<string, string> } = {}): ParsedMail {
  const { header = {}, ...rest } = overrides;
  return {
    headers: Object.entries(header).map(([name, value]) => ({ name, value })),
    subject: 'Frage zum Wohngeld',
    from: { address: 'erika@example.org' },
    replyTo: [],
    to: [{ address: '115@rostock.de' }],
    cc: [],
    references: [],
    text: 'Guten Tag, wie beantrage ich Wohngeld?',
    attachments: [],
    contentType: 'text/plain',
    ...rest,
  };
}

/** An attachment with the given type and text content (LF written as CRLF). */
export function anAttachment(contentType: string, content: string | Buffer): ParsedAttachment {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content.replace(/\r?\n/g, '\r\n'));
  return { filename: 'part', contentType, size: bytes.length, sha256: '', content: bytes, inline: false };
}
