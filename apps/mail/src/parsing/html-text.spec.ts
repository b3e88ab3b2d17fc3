import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('breaks lines at <br>, paragraphs and blocks; source line breaks are spaces', () => {
    const html =
      '<html><body><p><font size=2>Sehr geehrte Damen und Herren,</font>\n<br>\n<br>wir beantragen\neinen Container.</p><div>Zeile 1</div><div>Zeile 2</div></body></html>';
    expect(htmlToText(html)).toBe('Sehr geehrte Damen und Herren,\n\nwir beantragen einen Container.\n\nZeile 1\nZeile 2');
  });

  it('decodes entities and leaves out scripts, styles, head and images', () => {
    const html =
      '<head><title>T</title><style>p{}</style></head><script>alert(1)</script><p>f&uuml;r &amp; 9&nbsp;Jahre &#8211; &#x20AC;</p><img src="cid:x" alt="Logo"><a href="https://x">Link</a>';
    expect(htmlToText(html)).toBe('für & 9 Jahre – €\n\nLink');
  });

  it('puts table cells of a row on one line', () => {
    expect(htmlToText('<table><tr><td>Name</td><td>Erika</td></tr><tr><td>Ort</td><td>Rostock</td></tr></table>')).toBe('Name Erika\nOrt Rostock');
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(htmlToText('<p>Hallo</p><pre>Zeile 1\n\nZeile 2\n</pre>')).toBe('Hallo\n\nZeile 1\n\nZeile 2');
  });
});
