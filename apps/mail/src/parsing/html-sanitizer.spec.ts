import { sanitizeMailHtml } from './html-sanitizer';

describe('sanitizeMailHtml', () => {
  it('removes scripts, styles, event handlers, frames and forms', () => {
    const sut = sanitizeMailHtml(
      '<style>p{}</style><script>alert(1)</script><p onclick="x()" style="color:red">Hallo</p><iframe src="https://e.example"></iframe><form action="https://e.example"><input></form>',
    );
    expect(sut).toBe('<p>Hallo</p>');
  });

  it('loads nothing remote: remote images go, cid: and data images stay', () => {
    expect(sanitizeMailHtml('<img src="https://tracker.example/p.gif"><img src="//tracker.example/p.gif">')).toBe('');
    expect(sanitizeMailHtml('<img src="cid:logo@x" alt="Logo">')).toBe('<img src="cid:logo@x" alt="Logo" />');
    expect(sanitizeMailHtml('<img src="data:image/png;base64,iVBORw0=">')).toBe('<img src="data:image/png;base64,iVBORw0=" />');
    expect(sanitizeMailHtml('<img src="data:text/html;base64,PHNjcmlwdD4=">')).toBe('');
  });

  it('keeps links safe to click', () => {
    expect(sanitizeMailHtml('<a href="https://www.rostock.de">x</a>')).toBe(
      '<a href="https://www.rostock.de" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(sanitizeMailHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer nofollow" target="_blank">x</a>');
  });
});
