import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'style'), 'img', 'font', 'center', 'u', 's', 'strike'],
  allowedAttributes: {
    a: ['href', 'name', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    table: ['border', 'cellpadding', 'cellspacing'],
    font: ['color'],
    '*': ['dir', 'lang'],
  },
  // Links stay clickable; nothing is loaded by merely displaying the mail:
  // images only from the mail itself (cid:) or inline data.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
  },
  // An image whose source was removed (remote) or that is inline data but not an image goes entirely.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isInlineImageSource(frame.attribs.src),
};

function isInlineImageSource(src: string | undefined): boolean {
  if (!src) return false;
  return src.startsWith('cid:') || /^data:image\/(png|gif|jpe?g|webp);/i.test(src);
}

/** HTML of a mail made safe to show in the agent console: no scripts, no styles, no remote loads. */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
