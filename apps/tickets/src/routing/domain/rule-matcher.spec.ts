import { firstMatchingRule, RoutingFacts, ruleMatches } from './rule-matcher';

describe('routing rule matcher', () => {
  const facts: RoutingFacts = {
    channel: 'email',
    mailbox: '115@Rostock.de',
    leikaKey: '99123456789012',
    ars: '130030000000',
    text: 'Verlust meines Personalausweises – Ausweisverlust melden',
    language: 'de',
  };

  it('matches a rule without conditions (catch-all)', () => {
    expect(ruleMatches({}, facts)).toBe(true);
  });

  it('needs every given condition and any entry of each list', () => {
    expect(ruleMatches({ channels: ['phone', 'email'], regionPrefixes: ['13'] }, facts)).toBe(true);
    expect(ruleMatches({ channels: ['phone'], regionPrefixes: ['13'] }, facts)).toBe(false);
    expect(ruleMatches({ regionPrefixes: ['14', '1300'] }, facts)).toBe(true);
    expect(ruleMatches({ leikaPrefixes: ['99123'] }, facts)).toBe(true);
    expect(ruleMatches({ leikaPrefixes: ['99124'] }, facts)).toBe(false);
  });

  it('compares mailboxes case-insensitively and misses absent facts', () => {
    expect(ruleMatches({ mailboxes: ['115@rostock.de'] }, facts)).toBe(true);
    expect(ruleMatches({ mailboxes: ['115@rostock.de'] }, { ...facts, mailbox: undefined })).toBe(false);
    expect(ruleMatches({ leikaPrefixes: ['99'] }, { ...facts, leikaKey: null })).toBe(false);
  });

  it('matches keywords at word starts, or anywhere with *', () => {
    expect(ruleMatches({ keywords: ['ausweis'] }, facts)).toBe(true); // "Ausweisverlust"
    expect(ruleMatches({ keywords: ['ausweis'] }, { ...facts, text: 'Mein Personalausweis' })).toBe(false);
    expect(ruleMatches({ keywords: ['*ausweis'] }, { ...facts, text: 'Mein Personalausweis' })).toBe(true);
    expect(ruleMatches({ keywords: ['Führerschein', 'kfz'] }, { ...facts, text: 'FÜHRERSCHEIN umschreiben' })).toBe(true);
    expect(ruleMatches({ keywords: ['c++'] }, { ...facts, text: 'c++ kurs' })).toBe(true);
  });

  it('takes German as the language when none is known', () => {
    expect(ruleMatches({ languages: ['de'] }, { ...facts, language: undefined })).toBe(true);
    expect(ruleMatches({ languages: ['en', 'uk'] }, facts)).toBe(false);
  });

  it('picks the first matching rule in order', () => {
    const rules = [
      { name: 'phone', conditions: { channels: ['phone' as const] } },
      { name: 'rostock', conditions: { regionPrefixes: ['13003'] } },
      { name: 'all', conditions: {} },
    ];
    expect(firstMatchingRule(rules, facts)?.name).toBe('rostock');
    expect(firstMatchingRule(rules, { ...facts, channel: 'phone' })?.name).toBe('phone');
    expect(firstMatchingRule(rules.slice(0, 1), facts)).toBeUndefined();
  });
});
