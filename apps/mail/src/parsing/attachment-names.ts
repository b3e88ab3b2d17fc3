import { decodeEncodedWords, headerValue, readHeaders, repairRawUtf8, withoutNul } from './header-decoding';

export interface UnnamedPart {
  /** The name from Content-Disposition filename / Content-Type name (RFC 2231 and 2047 decoded), if any. */
  filename?: string;
  contentType: string;
  /** Content-Description, Content-Location, Content-ID of the part. */
  description?: string;
  location?: string;
  contentId?: string;
  content: Buffer;
}

// Parts that carry no name get one from their type, with Content-Description as the name when there is one.
const BY_TYPE: Record<string, [extension: string, generic: string]> = {
  'message/delivery-status': ['txt', 'delivery-status'],
  'text/plain': ['txt', 'document'],
  'text/html': ['html', 'document'],
  'video/quicktime': ['mov', 'video'],
  'image/jpeg': ['jpg', 'image'],
  'image/jpg': ['jpg', 'image'],
  'image/png': ['png', 'image'],
  'image/gif': ['gif', 'image'],
};

/**
 * The name an attachment is stored and shown under, in the order helpdesks
 * use: its own name; the last segment of Content-Location; the local part of
 * its Content-ID ("image001.png@01DA…"); for an attached mail its subject
 * (else Content-Description, else "Mail") + ".eml"; for a known type the
 * Content-Description (else a generic word) + extension ("Delivery report.txt",
 * "image.png"); else "file".
 */
export function attachmentName(part: UnnamedPart): string {
  const own = clean(part.filename);
  if (own) return own;
  const location = clean(part.location?.split(/[/\\]/).pop());
  if (location) return location;
  const cid = /^<?([^@<>]+)@/.exec(part.contentId ?? '')?.[1];
  if (clean(cid)) return clean(cid)!;
  const type = part.contentType.toLowerCase();
  const description = clean(part.description);
  if (type === 'message/rfc822' || type === 'message/global') {
    const subject = clean(headerValue(readHeaders(part.content, { maxFields: 200 }), 'subject'));
    return `${subject || description || 'Mail'}.eml`;
  }
  const known = BY_TYPE[type];
  if (known) return `${description || known[1]}.${known[0]}`;
  return 'file';
}

/** Names made unique within one mail the way helpdesks do it: "file", "file1", "image.png", "image1.png". */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.indexOf('.', 1);
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let i = 1; taken.has(candidate) && i <= 1000; i++) candidate = `${stem}${i}${extension}`;
    taken.add(candidate);
    return candidate;
  });
}

function clean(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const decoded = withoutNul(repairRawUtf8(decodeEncodedWords(name)))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return decoded || undefined;
}
