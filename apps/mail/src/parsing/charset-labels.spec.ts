import { GUESS_CHARSET, labelGuessedCharsets } from './charset-labels';

const relabel = (raw: string) => labelGuessedCharsets(Buffer.from(raw, 'latin1')).toString('latin1');

describe('labelGuessedCharsets', () => {
  it('labels text that names no charset, or UTF-8/ASCII, for guessing', () => {
    expect(relabel('From: a@x\r\nSubject: s\r\n\r\nGr\xfc\xdfe')).toBe(`From: a@x\r\nSubject: s\r\nContent-Type: text/plain; charset=${GUESS_CHARSET}\r\n\r\nGr\xfc\xdfe`);
    expect(relabel('Content-Type: text/plain\r\n\r\n\xfc')).toBe(`Content-Type: text/plain; charset=${GUESS_CHARSET}\r\n\r\n\xfc`);
    expect(relabel('Content-Type: text/html;\r\n\tcharset="UTF-8"\r\n\r\n\xfc')).toBe(`Content-Type: text/html;\r\n\tcharset=${GUESS_CHARSET}\r\n\r\n\xfc`);
    const qp = 'Content-Type: text/plain; charset=us-ascii; format=flowed\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe';
    expect(relabel(qp)).toBe(qp.replace('us-ascii', GUESS_CHARSET));
  });

  it('leaves text that is valid UTF-8 as it is (it decodes the same)', () => {
    for (const raw of ['Content-Type: text/plain\r\n\r\nASCII only', `Content-Type: text/plain; charset=utf-8\r\n\r\n${Buffer.from('Grüße').toString('latin1')}`]) {
      expect(relabel(raw)).toBe(raw);
    }
  });

  it('leaves other charsets, other types and headerless mail alone', () => {
    for (const raw of ['Content-Type: text/plain; charset=iso-8859-1\r\n\r\nx', 'Content-Type: application/pdf\r\n\r\nx', 'no header section']) {
      expect(relabel(raw)).toBe(raw);
    }
  });

  it('relabels the text parts of a multipart mail and nothing inside attached mails', () => {
    const inner = 'Subject: innen\r\nContent-Type: text/plain\r\n\r\nInnen \xfc';
    const raw =
      'Content-Type: multipart/mixed; boundary="b"\r\n\r\npreamble\r\n--b\r\nContent-Type: text/plain\r\n\r\nT\xe4xt\r\n' +
      `--b\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--b\r\nContent-Disposition: attachment; filename=a.pdf\r\n\r\n%PDF\r\n--b--\r\nepilogue`;
    expect(relabel(raw)).toBe(raw.replace('--b\r\nContent-Type: text/plain\r\n', `--b\r\nContent-Type: text/plain; charset=${GUESS_CHARSET}\r\n`));
  });
});
