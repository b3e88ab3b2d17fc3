import { InvalidConfigurationError } from '@d115/platform';
import { MailEnv } from '../config/mail.env';
import { TicketTag } from './ticket-tag';

describe('TicketTag', () => {
  const defaults = new MailEnv();
  const sut = new TicketTag(defaults.MAIL_TICKET_TAG_PATTERN, defaults.MAIL_TICKET_TAG_FORMAT);

  it('finds the canonical ticket number in a subject', () => {
    expect(sut.find('AW: Eingangsbestätigung [115#2026-000123]')).toBe('115-2026-000123');
    expect(sut.find('Re: [115-2026-0001234] Frage')).toBe('115-2026-0001234');
    expect(sut.find('[ 115#2026-000123 ]')).toBe('115-2026-000123');
  });

  it('finds nothing in subjects without a tag or with a malformed one', () => {
    for (const subject of ['Ummeldung', 'Vorgang 115-2026-000123', '[115#26-000123]', '[115#2026-123]']) expect(sut.find(subject)).toBeUndefined();
  });

  it('tags a subject once', () => {
    expect(sut.tag('115-2026-000123')).toBe('[115#2026-000123]');
    expect(sut.ensureIn('Ihre Anfrage', '115-2026-000123')).toBe('Ihre Anfrage [115#2026-000123]');
    expect(sut.ensureIn('Re: Ihre Anfrage [115#2026-000123]', '115-2026-000123')).toBe('Re: Ihre Anfrage [115#2026-000123]');
  });

  it('takes another configured pattern and format', () => {
    const custom = new TicketTag('Vorgang (?<year>\\d{4})/(?<seq>\\d{6})', '(Vorgang {year}/{seq})');
    expect(custom.ensureIn('Antwort', '115-2026-000123')).toBe('Antwort (Vorgang 2026/000123)');
    expect(custom.find('Re: Antwort (Vorgang 2026/000123)')).toBe('115-2026-000123');
  });

  it('stops the start with a message naming the variable when the configuration is unusable', () => {
    expect(() => new TicketTag('[unclosed', '[115#{year}-{seq}]')).toThrow(InvalidConfigurationError);
    expect(() => new TicketTag('115#(\\d{4})-(\\d+)', '[115#{year}-{seq}]')).toThrow(/named groups/);
    expect(() => new TicketTag(defaults.MAIL_TICKET_TAG_PATTERN, '#{year}{seq}')).toThrow(/does not recognise/);
  });
});
