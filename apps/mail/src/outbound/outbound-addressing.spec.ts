import { domainOf, newMessageId, threadingHeaders } from './outbound-addressing';

describe('outbound addressing', () => {
  it('makes Message-IDs in our domain', () => {
    expect(newMessageId('rostock.de')).toMatch(/^[0-9a-f-]{36}\.d115@rostock\.de$/);
    expect(domainOf('115@Rostock.DE')).toBe('rostock.de');
  });

  it('builds In-Reply-To and References, parent last, without duplicates', () => {
    expect(threadingHeaders('<b@x>', ['<a@x>', 'b@x'])).toEqual({ inReplyTo: 'b@x', references: ['a@x', 'b@x'] });
    expect(threadingHeaders(undefined, [])).toEqual({ references: [] });
  });

  it('keeps the first and the newest references of a long thread', () => {
    const refs = Array.from({ length: 40 }, (_, i) => `<m${i}@x>`);
    const { references } = threadingHeaders('<m40@x>', refs);
    expect(references).toHaveLength(20);
    expect(references[0]).toBe('m0@x');
    expect(references[19]).toBe('m40@x');
  });
});
