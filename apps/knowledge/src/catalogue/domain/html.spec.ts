import { plainText, sanitiseHtml } from './html';

describe('html', () => {
  it('keeps structure and links, drops scripts and handlers', () => {
    const sut = sanitiseHtml('<p onclick="x()">Bitte <a href="https://rostock.de" target="_blank">online</a></p><script>alert(1)</script>');
    expect(sut).toBe('<p>Bitte <a href="https://rostock.de">online</a></p>');
  });

  it('gives the plain text with entities decoded and blocks spaced', () => {
    expect(plainText(sanitiseHtml('<ul><li>Pass&nbsp;&amp; Foto</li><li>Gebühr</li></ul><p>22,80&#8239;€ &lt;bar&gt;</p><!-- x > y -->'))).toBe(
      'Pass & Foto Gebühr 22,80 € <bar>',
    );
  });
});
