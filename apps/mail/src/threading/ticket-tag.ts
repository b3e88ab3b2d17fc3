import { TICKET_NUMBER } from '@d115/contracts';
import { InvalidConfigurationError } from '@d115/platform';

/**
 * The ticket number as it appears in subjects, e.g. `[115#2026-000123]` for
 * ticket 115-2026-000123. Pattern and format are configuration
 * (MAIL_TICKET_TAG_PATTERN with named groups `year` and `seq`, MAIL_TICKET_TAG_FORMAT).
 */
export class TicketTag {
  private readonly pattern: RegExp;

  constructor(
    pattern: string,
    private readonly format: string,
  ) {
    try {
      this.pattern = new RegExp(pattern, 'i');
    } catch (error) {
      throw new InvalidConfigurationError([`MAIL_TICKET_TAG_PATTERN is not a regular expression: ${(error as Error).message}`]);
    }
    if (!/\(\?<year>/.test(pattern) || !/\(\?<seq>/.test(pattern)) {
      throw new InvalidConfigurationError(['MAIL_TICKET_TAG_PATTERN needs the named groups (?<year>…) and (?<seq>…)']);
    }
    if (!format.includes('{year}') || !format.includes('{seq}')) {
      throw new InvalidConfigurationError(['MAIL_TICKET_TAG_FORMAT must contain {year} and {seq}']);
    }
    const sample = this.tag('115-2026-000123');
    if (this.find(sample) !== '115-2026-000123') {
      throw new InvalidConfigurationError([`MAIL_TICKET_TAG_PATTERN does not recognise what MAIL_TICKET_TAG_FORMAT writes (${sample})`]);
    }
  }

  /** The canonical ticket number (115-YYYY-NNNNNN) named in the subject, if any. */
  find(subject: string): string | undefined {
    const groups = this.pattern.exec(subject)?.groups;
    if (!groups?.year || !groups.seq) return undefined;
    const number = `115-${groups.year}-${groups.seq}`;
    return TICKET_NUMBER.test(number) ? number : undefined;
  }

  tag(number: string): string {
    const [, year, seq] = /^115-(\d{4})-(\d+)$/.exec(number) ?? [];
    if (!year) throw new Error(`not a ticket number: ${number}`);
    return this.format.replace('{year}', year).replace('{seq}', seq);
  }

  /** The subject with the ticket's tag appended, unless it already carries it. */
  ensureIn(subject: string, number: string): string {
    if (this.find(subject) === number) return subject;
    return `${subject.trim()} ${this.tag(number)}`.trim();
  }
}
