import { Finding, Signal } from './rules/rule';
import { systemSenderAddress } from './rules/sender.rules';
import { decide } from './verdict';

const findings = (...signals: Signal[]): Finding[] => signals.map((signal) => ({ rule: signal, signal, reason: signal }));
const sut = (...signals: Signal[]) => decide(findings(...signals)).classification;

describe('decide', () => {
  it('1: feedback reports and read receipts are reports, even from a mailer daemon', () => {
    expect(sut('feedback-report', 'system-sender', 'bounce-text')).toBe('report');
    expect(sut('read-receipt')).toBe('report');
  });

  it('2-4: a delivery status decides: failure bounce, success report; another report type is a report', () => {
    expect(sut('delivery-failure', 'auto-reply')).toBe('bounce');
    expect(sut('delivery-success', 'system-sender', 'bounce-subject')).toBe('report');
    expect(sut('other-report')).toBe('report');
  });

  it('5: a bounce header alone is a bounce', () => expect(sut('bounce-header')).toBe('bounce'));

  it('6: a person forwarding a bounce with words of their own gets a case', () => {
    expect(sut('own-words', 'forwarded', 'mta-text', 'bounce-subject')).toBe('normal');
    expect(decide(findings('own-words', 'forwarded-bounce')).overruled).toBe(true);
    expect(sut('own-words', 'mta-text', 'bounce-subject', 'system-sender')).toBe('bounce');
    expect(sut('own-words', 'mta-text', 'bounce-subject', 'automated')).toBe('bounce');
  });

  it('6b: a reply from a person that quotes a bounce stays normal', () => {
    expect(sut('reply', 'mta-text', 'bounce-subject')).toBe('normal');
    expect(sut('reply', 'mta-text', 'bounce-subject', 'system-sender')).toBe('bounce');
  });

  it('7: an automatic reply stays one unless MTA wording or a system sender with a bounce subject says otherwise', () => {
    expect(sut('auto-reply', 'bounce-text')).toBe('auto-reply');
    expect(sut('auto-reply', 'system-sender')).toBe('auto-reply');
    expect(sut('auto-reply', 'mta-text', 'bounce-subject')).toBe('bounce');
    expect(sut('auto-reply', 'system-sender', 'bounce-subject')).toBe('bounce');
  });

  it('8: a system sender with any bounce wording is a bounce', () => {
    expect(sut('system-sender', 'bounce-subject')).toBe('bounce');
    expect(sut('system-sender', 'bounce-text')).toBe('bounce');
    expect(sut('system-sender', 'mta-text')).toBe('bounce');
    expect(sut('system-sender', 'returned-message')).toBe('bounce');
    expect(sut('returned-message')).toBe('normal');
  });

  it('9: MTA wording needs a bounce subject, automated headers or a no-reply sender', () => {
    expect(sut('mta-text', 'bounce-subject')).toBe('bounce');
    expect(sut('mta-text', 'automated')).toBe('bounce');
    expect(sut('mta-text', 'no-reply-sender')).toBe('bounce');
    expect(sut('mta-text')).toBe('normal');
  });

  it('10: a forwarded bounce without words of the forwarder', () => {
    expect(sut('forwarded-bounce')).toBe('bounce');
    expect(sut('mta-text', 'forwarded')).toBe('bounce');
  });

  it('11: a bounce subject in automated mail without an out-of-office sign', () => {
    expect(sut('bounce-subject', 'bounce-text', 'automated')).toBe('bounce');
    expect(sut('bounce-subject', 'returned-message', 'automated')).toBe('bounce');
    expect(sut('bounce-subject', 'automated')).toBe('bounce');
    expect(sut('bounce-subject', 'automated', 'auto-reply')).toBe('auto-reply');
  });

  it('12: a mail-system address without an out-of-office sign is a bounce; a null sender alone is not', () => {
    const daemon: Finding = { rule: systemSenderAddress.name, signal: 'system-sender', reason: 'system sender MAILER-DAEMON@example.org' };
    expect(decide([daemon]).classification).toBe('bounce');
    expect(decide([daemon, { rule: 'x', signal: 'automated', reason: 'Auto-Submitted' }]).classification).toBe('bounce');
    expect(decide([daemon, { rule: 'x', signal: 'auto-reply', reason: 'out-of-office subject' }]).classification).toBe('auto-reply');
    expect(sut('system-sender')).toBe('auto-reply');
  });

  it('13-14: other automated mail is an auto-reply; the rest is normal', () => {
    expect(sut('automated')).toBe('auto-reply');
    expect(sut('system-sender', 'automated')).toBe('auto-reply');
    expect(sut('no-reply-sender')).toBe('normal');
    expect(sut('system-name')).toBe('normal');
    expect(sut('system-name', 'bounce-subject')).toBe('bounce');
    expect(sut('bounce-subject', 'bounce-text')).toBe('normal');
    expect(sut()).toBe('normal');
  });
});
