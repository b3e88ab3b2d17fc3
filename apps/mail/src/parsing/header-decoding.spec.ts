import { decodeEncodedWords, headerValue, readHeaders, repairRawUtf8, startsWithHeader, withoutPreamble } from './header-decoding';

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

  it('decodes encoded words with raw spaces inside, as broken clients write them', () => {
    expect(decodeEncodedWords('=?us-ascii?Q?ABC / 123?=')).toBe('ABC / 123');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Bj=F6rn M=FCller?= <b@x>')).toBe('Björn Müller <b@x>');
    expect(decodeEncodedWords('=?UTF-8?Q?broken and =?UTF-8?Q?ok?=')).toBe('=?UTF-8?Q?broken and ok');
  });

  it('reads raw 8-bit headers in the charset the body declares', () => {
    const gbk = Buffer.from([0xc0, 0xee, 0xc4, 0xc8]); // 李娜 in GBK
    const raw = Buffer.concat([Buffer.from('From: '), gbk, Buffer.from(' <l@x>\r\nContent-Type: text/plain; charset=GBK\r\n\r\nx')]);
    expect(headerValue(readHeaders(raw), 'from')).toBe('李娜 <l@x>');
    const multipart = Buffer.concat([
      Buffer.from('Subject: '),
      gbk,
      Buffer.from('\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset="gb2312"\r\n\r\nx\r\n--b--\r\n'),
    ]);
    expect(headerValue(readHeaders(multipart), 'subject')).toBe('李娜');
  });

  it('skips an mbox separator or a stray first line when a header section follows', () => {
    const mail = 'From: a@example.org\r\nSubject: x\r\n\r\nText';
    expect(withoutPreamble(Buffer.from(`From a@example.org Tue Mar  3 09:13:52 2026\r\n${mail}`)).toString()).toBe(mail);
    expect(withoutPreamble(Buffer.from(`>From a@example.org\n${mail}`)).toString()).toBe(mail);
    expect(withoutPreamble(Buffer.from(`Microsoft Mail Internet Headers Version 2.0\r\n${mail}`)).toString()).toBe(mail);
    expect(withoutPreamble(Buffer.from(mail)).toString()).toBe(mail);
    const prose = 'Hallo zusammen,\r\nHinweis: das ist Text\r\n';
    expect(withoutPreamble(Buffer.from(prose)).toString()).toBe(prose);
  });

  it('decodes raw 8-bit headers line by line: UTF-8 where valid, the fallback elsewhere', () => {
    const raw = Buffer.concat([
      Buffer.from('From: "'),
      Buffer.from('Jörg', 'latin1'),
      Buffer.from('" <j@x>\r\nSubject: '),
      Buffer.from('Grüße', 'utf8'),
      Buffer.from('\r\n\r\nx'),
    ]);
    expect(readHeaders(raw)).toEqual([
      { name: 'From', value: '"Jörg" <j@x>' },
      { name: 'Subject', value: 'Grüße' },
    ]);
  });

  it('repairs UTF-8 that was read as Latin-1, and nothing else', () => {
    expect(repairRawUtf8(Buffer.from('Übersicht.pdf', 'utf8').toString('latin1'))).toBe('Übersicht.pdf');
    expect(repairRawUtf8('Gebühr.pdf')).toBe('Gebühr.pdf');
    expect(repairRawUtf8('Straße – 1')).toBe('Straße – 1');
  });

  it('decodes raw ISO-2022-JP headers', () => {
    const jis = Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]); // 日本
    expect(headerValue(readHeaders(Buffer.concat([Buffer.from('Subject: '), jis, Buffer.from('\r\n\r\nx')])), 'subject')).toBe('日本');
  });
});
