import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseMessageUsecase } from '../parsing/usecases/parse-message/parse-message.usecase';
import { ClassificationResult } from './classification';
import { ClassifyMessageUsecase } from './usecases/classify-message/classify-message.usecase';

/** One fixture of apps/mail/test/fixtures/corpus (written by make-corpus.py) and what it must come out as. */
interface Expected {
  file: string;
  classification: string;
  kind?: string;
  recipient?: string;
  originalMessageId?: string;
}

const CORPUS = join(__dirname, '../../test/fixtures/corpus');
const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as Expected[];
const parser = new ParseMessageUsecase({ MAIL_MAX_MIME_PARTS: 100 });
const sut = new ClassifyMessageUsecase();
// No envelope: as over IMAP, the Return-Path header is all there is.
const context = { envelopeFrom: undefined, isOwnAddress: (address: string) => address === '115@rostock.de' };

async function classify(file: string): Promise<ClassificationResult> {
  const outcome = await parser.execute(readFileSync(join(CORPUS, file)));
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  return sut.execute(outcome.mail, context);
}

describe('classification corpus', () => {
  const results = new Map<string, ClassificationResult>();

  beforeAll(async () => {
    for (const expected of index) results.set(expected.file, await classify(expected.file));
  });

  it.each(index.map((e) => [e.file, e] as const))('%s', (file, expected) => {
    const result = results.get(file)!;
    expect({ file, classification: result.classification }).toEqual({ file, classification: expected.classification });
    if (expected.kind) expect(result.bounce?.kind).toBe(expected.kind);
    if (expected.recipient) expect(result.bounce?.recipient).toBe(expected.recipient);
    if (expected.originalMessageId) expect(result.originalMessageId).toBe(expected.originalMessageId);
  });

  it('reports the corpus figures', () => {
    const bounces = index.filter((e) => e.classification === 'bounce');
    const recognised = bounces.filter((e) => results.get(e.file)!.classification === 'bounce');
    const asNormal = bounces.filter((e) => results.get(e.file)!.classification === 'normal');
    const withRecipient = bounces.filter((e) => e.recipient);
    const recipientRight = withRecipient.filter((e) => results.get(e.file)!.bounce?.recipient === e.recipient);
    const withKind = bounces.filter((e) => e.kind);
    const kindRight = withKind.filter((e) => results.get(e.file)!.bounce?.kind === e.kind);
    const others = index.filter((e) => e.classification !== 'bounce');
    const othersRight = others.filter((e) => results.get(e.file)!.classification === e.classification);
    const percent = (part: number, whole: number) => `${part}/${whole} (${((100 * part) / Math.max(whole, 1)).toFixed(1)} %)`;
    console.log(
      [
        `bounces recognised: ${percent(recognised.length, bounces.length)}, classified normal: ${asNormal.length}`,
        `failed recipient extracted: ${percent(recipientRight.length, withRecipient.length)}`,
        `permanent/temporary extracted: ${percent(kindRight.length, withKind.length)}`,
        `auto-replies, reports and normal mail kept apart: ${percent(othersRight.length, others.length)}`,
      ].join('\n'),
    );
    expect(asNormal).toEqual([]);
    expect(recognised.length).toBe(bounces.length);
  });
});
