import { SaxesParser } from 'saxes';
import { D115Error, CstaErrorCode } from '@d115/contracts';

/** An element of a parsed CSTA document: its local name (prefix dropped), attributes, children and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Deeper than any ECMA-323 message nests; a deeper document is an attack or garbage. */
const MAX_DEPTH = 32;

/**
 * Reads one XML document into a small element tree with a SAX parser. Namespaces are not
 * resolved: CSTA servers use the default namespace, a `csta:` prefix or none at all, and name
 * any edition (ed2 … ed6), so elements are known by their local name only. DOCTYPEs and
 * entity declarations are refused (no entity expansion from the network).
 *
 * Throws a `D115Error` with `CSTA.XML_MALFORMED` and the parser's position when the text is
 * not one well-formed document.
 */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('doctype', () => {
    failure ??= 'a DOCTYPE is not allowed in a CSTA message';
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: localName(tag.name), attributes: localAttributes(tag.attributes as Record<string, string>), children: [], text: '' };
    if (stack.length >= MAX_DEPTH) failure ??= `elements nest deeper than ${MAX_DEPTH} levels`;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure !== undefined) throw new D115Error(CstaErrorCode.XML_MALFORMED, `CSTA message is not well-formed XML: ${failure}`);
  if (!root) throw new D115Error(CstaErrorCode.XML_MALFORMED, 'CSTA message holds no XML element');
  return root;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) if (name !== 'xmlns' && !name.startsWith('xmlns:')) out[localName(name)] = value;
  return out;
}

/** The first child with one of the names, searched breadth-first down to `depth` levels. */
export function findChild(element: XmlElement | undefined, names: readonly string[], depth = 1): XmlElement | undefined {
  if (!element) return undefined;
  let level = element.children;
  for (let d = 0; d < depth && level.length > 0; d++) {
    for (const name of names) {
      const hit = level.find((child) => child.name === name);
      if (hit) return hit;
    }
    level = level.flatMap((child) => child.children);
  }
  return undefined;
}

/** The trimmed text of a child element, or undefined when it is absent or empty. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = findChild(element, [name])?.text.trim();
  return text ? text : undefined;
}
