import { createHmac } from 'node:crypto';

/**
 * The keyed pseudonym of a phone number, the same in every service that reads
 * `PHONE_PSEUDONYM_KEY` (telephony for calls and statistics, tickets for matching a
 * caller to open cases). Numbers are normalised first so that `0381 7654321`,
 * `+49 381 7654321`, `0049381/7654321`, `+49 (0)381 7654321` (as letterheads write it),
 * `493817654321` (E.164 without the plus, as VoIP providers' webhooks send it) and
 * `tel:+493817654321` or `sip:+493817654321@pbx` are one caller.
 */
/** Digits of a national number after the country code, at the least (area code and subscriber). */
const MIN_NATIONAL_DIGITS = 9;

export class PhonePseudonym {
  constructor(
    private readonly key: string,
    private readonly countryCode = '49',
  ) {}

  /** E.164-like digits with a leading `+`, or null for something that is no number. */
  normalise(number: string | null | undefined): string | null {
    if (!number) return null;
    const trimmed = number
      .trim()
      .replace(/^(?:tel|sips?):/i, '') // a URI: its user part
      .replace(/[@;].*$/, '')
      .replace(/\(0\)/g, ''); // the trunk prefix written after the country code
    const digits = trimmed.replace(/[^0-9]/g, '');
    if (digits.length < 3) return null;
    if (trimmed.startsWith('+')) return `+${digits}`;
    if (digits.startsWith('00')) return `+${digits.slice(2)}`;
    if (digits.startsWith('0')) return `+${this.countryCode}${digits.slice(1)}`;
    // The whole international number without its plus (49 and at least nine more digits).
    if (digits.length >= this.countryCode.length + MIN_NATIONAL_DIGITS && digits.startsWith(this.countryCode)) return `+${digits}`;
    // A short internal extension or a number without prefix: kept as dialled.
    return digits;
  }

  /** HMAC-SHA-256 (hex) of the normalised number; null when there is no number. */
  of(number: string | null | undefined): string | null {
    const normalised = this.normalise(number);
    return normalised === null ? null : createHmac('sha256', this.key).update(normalised).digest('hex');
  }
}

/** Development default of `PHONE_PSEUDONYM_KEY`; production sets its own secret. */
export const DEV_PHONE_PSEUDONYM_KEY = 'd115-dev-phone-pseudonym-key';
