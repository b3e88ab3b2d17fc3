import { decodeBytes, isValidUtf8 } from './charset';

describe('decodeBytes', () => {
  const latin1 = Buffer.from('Grüße', 'latin1');

  it('decodes known charsets, windows-1252 with its own characters in 0x80–0x9F', () => {
    expect(decodeBytes(latin1, 'ISO-8859-1')).toBe('Grüße');
    expect(decodeBytes(Buffer.from([0x80, 0x20, 0x84, 0x61, 0x93, 0x20, 0x96]), 'windows-1252')).toBe('€ „a“ –');
    expect(decodeBytes(Buffer.from([0xa4]), 'iso-8859-15')).toBe('€');
    expect(decodeBytes(Buffer.from('Grüße', 'utf8'), 'UTF-8')).toBe('Grüße');
  });

  it('guesses for unknown labels: UTF-8 when valid, else windows-1252', () => {
    expect(decodeBytes(Buffer.from('Grüße', 'utf8'), 'x-unknown')).toBe('Grüße');
    expect(decodeBytes(latin1, 'x-unknown')).toBe('Grüße');
    expect(decodeBytes(latin1, undefined)).toBe('Grüße');
  });

  it('keeps UTF-8 with a few broken bytes as UTF-8 when guessing', () => {
    const mostly = Buffer.concat([Buffer.from('Grüße aus Straße ', 'utf8'), Buffer.from([0xff])]);
    expect(decodeBytes(mostly, undefined)).toBe('Grüße aus Straße \uFFFD');
    expect(decodeBytes(mostly, 'x-d115-guess')).toBe('Grüße aus Straße \uFFFD');
  });

  it('replaces invalid bytes in declared UTF-8 instead of failing', () => {
    expect(decodeBytes(Buffer.from([0x61, 0xff, 0x62]), 'utf-8')).toBe('a\uFFFDb');
  });

  it('tells valid UTF-8 apart', () => {
    expect(isValidUtf8(Buffer.from('ä', 'utf8'))).toBe(true);
    expect(isValidUtf8(latin1)).toBe(false);
  });

  it('decodes GB2312 as its superset GBK/GB18030, and labels only iconv-lite knows', () => {
    expect(decodeBytes(Buffer.from([0xd6, 0xd0, 0x95, 0x4e]), 'gb2312')).toBe('中昇');
    expect(decodeBytes(Buffer.from('+AMQ-rger', 'ascii'), 'utf-7')).toBe('Ärger');
    expect(decodeBytes(Buffer.from([0x8e, 0x84]), 'cp850')).toBe('Ää');
    expect(decodeBytes(Buffer.from([0xa3, 0xb9]), 'windows-1250')).toBe('Łą');
  });
});
