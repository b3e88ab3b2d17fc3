/**
 * What telephone systems put where a number would be when the caller withholds it (CLIR) or
 * the network does not know it: Asterisk's `<unknown>`, RFC 3323's `anonymous`, the words of
 * CTI senders and CSTA vendors. One list for every adapter.
 */
const WITHHELD = new Set(['', 'anonymous', '<unknown>', 'unknown', 'restricted', 'withheld', 'private', 'unavailable', 'notknown', 'clir']);

/** True when the text stands for no number: withheld or unknown. */
export function isWithheldNumber(text: string): boolean {
  return WITHHELD.has(text.trim().toLowerCase());
}
