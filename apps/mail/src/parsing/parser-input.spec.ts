import { forParser, GUESS_CHARSET } from './parser-input';

const relabel = (raw: string) => forParser(Buffer.from(raw, 'latin1')).toString('latin1');

describe('forParser', () => {
  it('labels text that names no charset, or UTF-8/ASCII, for guessing', () => {
    expect(relabel('From: a@x\r\nSubject: s\r\n\r\nGr\xfc\xdfe')).toBe(
      `From: a@x\r\nSubject: s\r\nContent-Type: text/plain; charset=${GUESS_CHARSET}\r\n\r\nGr\xfc\xdfe`,
    );
    expect(relabel('Content-Type: text/plain\r\n\r\n\xfc')).toBe(`Content-Type: text/plain; charset=${GUESS_CHARSET}\r\n\r\n\xfc`);
    expect(relabel('Content-Type: text/html;\r\n\tcharset="UTF-8"\r\n\r\n\xfc')).toBe(`Content-Type: text/html;\r\n\tcharset=${GUESS_CHARSET}\r\n\r\n\xfc`);
    const qp = 'Content-Type: text/plain; charset=us-ascii; format=flowed\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe';
    expect(relabel(qp)).toBe(qp.replace('us-ascii', GUESS_CHARSET));
  });

  it('leaves text that is valid UTF-8 as it is (it decodes the same)', () => {
    for (const raw of [
      'Content-Type: text/plain\r\n\r\nASCII only',
      `Content-Type: text/plain; charset=utf-8\r\n\r\n${Buffer.from('Grüße').toString('latin1')}`,
    ]) {
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

  it('makes a named text part of a multipart an attachment, also when marked inline', () => {
    const part = (head: string) =>
      `Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nText\r\n--b\r\n${head}\r\n\r\nNotiz\r\n--b--\r\n`;
    expect(relabel(part('Content-Type: text/plain; name="notiz.txt"\r\nContent-Disposition: inline; filename="notiz.txt"'))).toBe(
      part('Content-Type: text/plain; name="notiz.txt"\r\nContent-Disposition: attachment; filename="notiz.txt"'),
    );
    expect(relabel(part('Content-Type: text/html; name=seite.html'))).toBe(part('Content-Type: text/html; name=seite.html\r\nContent-Disposition: attachment'));
    const unnamed = part('Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: inline');
    expect(relabel(unnamed)).toBe(unnamed);
    const body =
      'Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nText\r\n--b\r\nContent-Type: text/html; name=body.html\r\n\r\n<p>Text</p>\r\n--b--\r\n';
    expect(relabel(body)).toBe(body);
  });
});
