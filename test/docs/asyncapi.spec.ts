import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as contracts from '@d115/contracts';

/** docs/asyncapi.yaml describes every subject the contracts define. */
describe('docs/asyncapi.yaml', () => {
  const document = parse(readFileSync(join(__dirname, '..', '..', 'docs', 'asyncapi.yaml'), 'utf8')) as {
    asyncapi: string;
    channels: Record<string, unknown>;
  };
  const channels = Object.keys(document.channels);
  const matches = (subject: string) =>
    channels.some((channel) => new RegExp(`^${channel.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^.]+')}$`).test(subject));

  const subjects = Object.entries(contracts)
    .filter(([name, value]) => /(Subjects|Events)$/.test(name) && typeof value === 'object' && value !== null)
    .flatMap(([, value]) => Object.values(value as Record<string, unknown>))
    .filter((value): value is string => typeof value === 'string' && value.startsWith('d115.'));

  it('is an AsyncAPI 2.6 document', () => {
    expect(document.asyncapi).toBe('2.6.0');
  });

  it('finds the subjects defined in the contracts', () => {
    expect(subjects.length).toBeGreaterThan(10);
  });

  it.each([...new Set(subjects)])('has a channel for %s', (subject) => {
    expect(matches(subject)).toBe(true);
  });

  it.each(contracts.SERVICE_NAMES)('has the ping channel of %s', (service) => {
    expect(matches(contracts.pingSubject(service))).toBe(true);
  });

  it('resolves every $ref inside the document', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(document);
    const unresolved = refs.filter((ref) => {
      let node: unknown = document;
      for (const part of ref.replace(/^#\//, '').split('/')) {
        if (!node || typeof node !== 'object' || !(part in node)) return true;
        node = (node as Record<string, unknown>)[part];
      }
      return false;
    });
    expect(refs.length).toBeGreaterThan(20);
    expect(unresolved).toEqual([]);
  });
});
