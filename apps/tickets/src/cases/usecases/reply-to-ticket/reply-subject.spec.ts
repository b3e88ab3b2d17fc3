import { replySubject } from './reply-to-ticket.usecase';

describe('replySubject', () => {
  it('prefixes AW: once', () => {
    expect(replySubject('Ummeldung')).toBe('AW: Ummeldung');
    expect(replySubject('AW: Ummeldung')).toBe('AW: Ummeldung');
    expect(replySubject('Re: Ummeldung')).toBe('Re: Ummeldung');
    expect(replySubject('antw: Ummeldung')).toBe('antw: Ummeldung');
  });
});
