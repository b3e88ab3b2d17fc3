import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RealShapeExpectation as Expected, REAL_SHAPES_DIR as DIR, realShapes } from '../../../../test/support/real-shapes';
import { ParsedMail } from '../../parsed-mail';
import { ParseMessageUsecase } from './parse-message.usecase';

const EXPECTED = realShapes();

/** Words, and every CJK character on its own (those scripts do not separate words by spaces). */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g, ' $& ')
    .split(/[\s.,;:!?()"'“”„«»\-–—/]+/)
    .filter(Boolean);
}

/** Share of the expected words that the actual text has (as a multiset). */
export function wordRecall(expected: string, actual: string): number {
  const want = tokens(expected);
  if (want.length === 0) return 1;
  const have = new Map<string, number>();
  for (const token of tokens(actual)) have.set(token, (have.get(token) ?? 0) + 1);
  let found = 0;
  for (const token of want) {
    const left = have.get(token) ?? 0;
    if (left > 0) {
      found++;
      have.set(token, left - 1);
    }
  }
  return found / want.length;
}

function agreement(mail: ParsedMail | undefined, expected: Expected): Record<string, boolean> {
  const text = mail ? [mail.text, mail.quotedText ?? ''].join('\n') : '';
  return {
    from: mail?.from?.address === expected.from,
    fromName: (mail?.from?.name ?? null) === expected.fromName,
    to: JSON.stringify(mail?.to.map((a) => a.address)) === JSON.stringify(expected.to),
    subject: mail?.subject === expected.subject,
    text: expected.text === null ? mail?.text === '' : expected.text.every((sentence) => wordRecall(sentence, mail?.text ?? '') >= 0.95) && text.length > 0,
    attachments: JSON.stringify(mail?.attachments.map((a) => a.filename)) === JSON.stringify(expected.attachments),
  };
}

/**
 * Field agreement on real client shapes: every fixture in test/fixtures/real-shapes run
 * through the parse use case and compared field by field with what a helpdesk shows for
 * it (from, display name, To, subject, key text, attachment names). Prints the figure.
 */
describe('field agreement on real helpdesk mail shapes', () => {
  const sut = new ParseMessageUsecase({ MAIL_MAX_MIME_PARTS: 500 });
  const results: { name: string; quarantined: boolean; fields: Record<string, boolean> }[] = [];

  beforeAll(async () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const outcome = await sut.execute(readFileSync(join(DIR, name)));
      results.push({ name, quarantined: !outcome.ok, fields: agreement(outcome.ok ? outcome.mail : undefined, expected) });
    }
    const total = results.reduce((sum, r) => sum + Object.keys(r.fields).length, 0);
    const agreed = results.reduce((sum, r) => sum + Object.values(r.fields).filter(Boolean).length, 0);
    const misses = results.flatMap((r) =>
      Object.entries(r.fields)
        .filter(([, ok]) => !ok)
        .map(([field]) => `${r.name}: ${field}`),
    );
    process.stdout.write(
      `field agreement: ${agreed}/${total} = ${((100 * agreed) / total).toFixed(1)} % on ${results.length} mails` +
        `${misses.length ? `\n  disagree: ${misses.join('\n  disagree: ')}` : ''}\n`,
    );
  });

  it('has a fixture for every shape', () => {
    expect(results.length).toBeGreaterThanOrEqual(25);
  });

  it('quarantines none of them', () => {
    expect(results.filter((r) => r.quarantined).map((r) => r.name)).toEqual([]);
  });

  it('agrees on every field of every mail', () => {
    const misses = results.flatMap((r) =>
      Object.entries(r.fields)
        .filter(([, ok]) => !ok)
        .map(([field]) => `${r.name}: ${field}`),
    );
    expect(misses).toEqual([]);
  });

  it('measures text by the words kept', () => {
    expect(wordRecall('Grüße aus Rostock', 'Viele Grüße aus Rostock!')).toBe(1);
    expect(wordRecall('请问延期', '请问')).toBe(0.5);
  });
});
