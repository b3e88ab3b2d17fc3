import sanitizeHtml from 'sanitize-html';

const BLOCKS = ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr', 'address'];

// Only the structure survives: no attributes, no scripts, styles, head, title or comments.
const STRUCTURE: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, 'br', 'td', 'th'],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template'],
};

const BLOCK = '\u0001';
const PARAGRAPH = '\u0002';
const PRE_BREAK = '\u0003';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of an HTML body, for mail that has no text part (Lotus Notes,
 * many web forms): a line break for <br>, a paragraph or block (<p>, <div>,
 * headings, list items, table rows) on lines of its own, cells separated by a
 * space, entities decoded, scripts, styles and images left out, links as their
 * text. Source line breaks are whitespace, as a browser shows them (but in <pre>).
 */
export function htmlToText(html: string): string {
  // Inside <pre> the line breaks are the sender's: kept aside from the whitespace folding.
  const structure = sanitizeHtml(html, STRUCTURE).replace(/<pre>([\s\S]*?)<\/pre>/gi, (_, text: string) => `<pre>${text.replace(/\r?\n/g, PRE_BREAK)}</pre>`);
  const blockTag = new RegExp(`</?(?:${BLOCKS.join('|')})\\s*/?>`, 'gi');
  return (
    structure
      .replace(/\s+/g, ' ')
      .replaceAll(PRE_BREAK, '\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p\s*>/gi, PARAGRAPH)
      .replace(blockTag, BLOCK)
      // Where blocks end and begin, one line break; two where a paragraph ends.
      .replace(/[\u0001\u0002 ]*[\u0001\u0002][\u0001\u0002 ]*/g, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
      .replace(/<\/?t[dh]\s*>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => decodeEntity(code) ?? entity)
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

function decodeEntity(code: string): string | undefined {
  if (code[0] !== '#') return ENTITIES[code.toLowerCase()];
  const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
  return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
}
