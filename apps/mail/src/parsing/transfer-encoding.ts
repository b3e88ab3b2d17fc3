/** The bytes of a part body under its Content-Transfer-Encoding (base64, quoted-printable; others as they are). */
export function decodeTransfer(content: Buffer, encoding: string | undefined): Buffer {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'base64') return Buffer.from(content.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (name === 'quoted-printable') {
    const text = content.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(
      text.replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  }
  return content;
}
