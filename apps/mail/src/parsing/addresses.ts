import addressparser from 'nodemailer/lib/addressparser';
import { decodeEncodedWords, RawHeader, withoutNul } from './header-decoding';
import { MailAddress } from './parsed-mail';

const USABLE_ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/;

/**
 * The addresses of one address field (To, Cc, Reply-To, From), groups
 * flattened. The field is split first and its encoded words decoded per name
 * after, so a name like "Müller, Hans" (encoded) stays one name. Entries
 * without a usable address are left out.
 */
export function parseAddressField(value: string | undefined): MailAddress[] {
  if (!value?.trim()) return [];
  const entries = addressparser(value, { flatten: true });
  // Broken clients encode the whole field, address included: decode first then.
  if (!entries.some((entry) => USABLE_ADDRESS.test(entry.address ?? '')) && value.includes('=?')) {
    return parseAddressField(decodeEncodedWords(value).replace(/=\?/g, ''));
  }
  const result: MailAddress[] = [];
  for (const entry of entries) {
    const address = withoutNul(decodeEncodedWords(entry.address ?? '').trim()).toLowerCase();
    if (!USABLE_ADDRESS.test(address)) continue;
    const name = withoutNul(decodeEncodedWords(entry.name ?? ''))
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^"(.*)"$|^'(.*)'$/, '$1$2')
      .trim();
    result.push({ address, ...(name && name.toLowerCase() !== address ? { name } : {}) });
  }
  return result;
}

/** All addresses of every field with that name (duplicated To/Cc fields are all read). */
export function addressesOf(fields: RawHeader[], name: string): MailAddress[] {
  const lower = name.toLowerCase();
  return fields.filter((field) => field.name.toLowerCase() === lower).flatMap((field) => parseAddressField(field.value));
}

/**
 * Who wrote the mail: the first From field with a usable address (forms and
 * broken gateways duplicate From; the first is the author's), else Reply-To,
 * else Sender — a mail without a usable From still has someone to answer.
 */
export function senderOf(fields: RawHeader[]): MailAddress | undefined {
  for (const name of ['from', 'reply-to', 'sender']) {
    for (const field of fields.filter((f) => f.name.toLowerCase() === name)) {
      const [first] = parseAddressField(field.value);
      if (first) return first;
    }
  }
  return undefined;
}
