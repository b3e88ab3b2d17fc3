/** A small element tree of one XZuFi record (a `leistung`, an `organisationseinheit`), built while streaming. */
export interface XmlNode {
  local: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element (not its children's). */
  text: string;
  /** Text and children in document order, for re-serialising embedded XHTML. */
  content: (XmlNode | string)[];
}

export function node(local: string, uri: string, attributes: Record<string, string>): XmlNode {
  return { local, uri, attributes, children: [], text: '', content: [] };
}

export function child(parent: XmlNode | undefined, local: string): XmlNode | undefined {
  return parent?.children.find((c) => c.local === local);
}

export function childrenNamed(parent: XmlNode | undefined, local: string): XmlNode[] {
  return parent?.children.filter((c) => c.local === local) ?? [];
}

/** Depth-first: every descendant with this local name. */
export function descendants(parent: XmlNode | undefined, local: string): XmlNode[] {
  if (!parent) return [];
  return parent.children.flatMap((c) => (c.local === local ? [c, ...descendants(c, local)] : descendants(c, local)));
}

/** All text below the element, whitespace collapsed. */
export function textOf(element: XmlNode | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const walk = (n: XmlNode) => n.content.forEach((part) => (typeof part === 'string' ? parts.push(part) : walk(part)));
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A code value: `<x><code>01</code></x>` or `<x>01</x>`. */
export function codeOf(element: XmlNode | undefined): string {
  return textOf(child(element, 'code') ?? element);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The content of an `inhalt`: escaped HTML arrives as text (kept as it is, to be
 * sanitised later); embedded XHTML elements are serialised back to HTML.
 */
export function innerHtml(element: XmlNode): string {
  if (element.children.length === 0) return element.text;
  const serialise = (part: XmlNode | string): string =>
    typeof part === 'string'
      ? escapeText(part)
      : `<${part.local}${Object.entries(part.attributes)
          .map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, '&quot;')}"`)
          .join('')}>${part.content.map(serialise).join('')}</${part.local}>`;
  return element.content.map(serialise).join('');
}
