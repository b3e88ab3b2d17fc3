import { decodeEncodedWords, headerValue, readHeaders, startsWithHeader } from './header-decoding';

describe('header decoding', () => {
  it('decodes RFC 2047 words in B and Q encoding and any known charset', () => {
    expect(decodeEncodedWords('=?UTF-8?B?R3LDvMOfZQ==?=')).toBe('Grüße');
    expect(decodeEncodedWords('=?iso-8859-1?q?Stra=DFe_frei?=')).toBe('Straße frei');
    expect(decodeEncodedWords('=?windows-1252?Q?=80_100?=')).toBe('€ 100');
    expect(decodeEncodedWords('=?UTF-8*de?Q?Gr=C3=BC=C3=9Fe?=')).toBe('Grüße');
  });

  it('joins adjacent encoded words without the whitespace between them, keeping split characters whole', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe?=')).toBe('Grüße');
    expect(decodeEncodedWords('Re: =?UTF-8?Q?M=C3=BCll?= und =?UTF-8?Q?Stra=C3=9Fe?=')).toBe('Re: Müll und Straße');
  });

  it('keeps malformed or unknown-charset words readable', () => {
    expect(decodeEncodedWords('=?x-unknown?Q?Gr=FC=DFe?=')).toBe('Grüße');
    expect(decodeEncodedWords('=?UTF-8?Q?broken')).toBe('=?UTF-8?Q?broken');
  });

  it('unfolds fields, decodes raw 8-bit bytes, strips NUL and finds values case-insensitively', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: Lange\r\n Zeile\r\nX-Latin: ', 'latin1'),
      Buffer.from('Grüße', 'latin1'),
      Buffer.from('\r\nX-Nul: a\u0000b\r\n\r\nbody: not a header\r\n', 'latin1'),
    ]);
    const headers = readHeaders(raw);
    expect(headers).toEqual([
      { name: 'Subject', value: 'Lange Zeile' },
      { name: 'X-Latin', value: 'Grüße' },
      { name: 'X-Nul', value: 'ab' },
    ]);
    expect(headerValue(headers, 'subject')).toBe('Lange Zeile');
  });

  it('tells a mail from data without a header section', () => {
    expect(startsWithHeader(Buffer.from('From: a@example.org\r\n\r\nx'))).toBe(true);
    expect(startsWithHeader(Buffer.from('Hallo, das ist kein Header\r\n'))).toBe(false);
    expect(startsWithHeader(Buffer.from([0, 1, 2]))).toBe(false);
  });
});
