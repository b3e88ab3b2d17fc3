import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ImportFormat, ServiceTextModules } from '@d115/contracts';
import { normaliseArs } from '../../catalogue/domain/ars';
import { CatalogueFormat, CatalogueRecord, OnlineServiceRecord, OrganisationUnitRecord, ResponsibilityRecord, ServiceRecord } from '../catalogue-record';
import { child, childrenNamed, codeOf, descendants, innerHtml, node, textOf, XmlNode } from './xml-tree';

export const XZUFI_NAMESPACE = 'http://xoev.de/schemata/xzufi/2_2_0';

/** Elements that are records of their own, wherever they appear in the transfer message. */
const RECORDS = new Set(['leistung', 'organisationseinheit', 'onlinedienst']);

/**
 * LeiKa Textmodul codes (codelist urn:de:fim:leika:textmodul) → our named modules.
 * 01/02 are the Leistungsbezeichnung (I and II) and give the name.
 */
const TEXT_MODULES: Record<string, keyof ServiceTextModules> = {
  '03': 'fullText',
  '04': 'requiredDocuments',
  '05': 'prerequisites',
  '06': 'fees',
  '07': 'procedure',
  '08': 'processingTime',
  '09': 'deadlines',
  '10': 'notes',
  '11': 'notes',
  '12': 'legalBasis',
  '14': 'forms',
  '17': 'shortText',
  '19': 'shortText',
};

/** Structured modules of a `leistung` whose descriptions fill a named module. */
const STRUCTURED_MODULES: Record<string, keyof ServiceTextModules> = {
  modulKosten: 'fees',
  modulFrist: 'deadlines',
  modulBearbeitungsdauer: 'processingTime',
  modulDokument: 'forms',
};

/**
 * XZuFi 2.2 (namespace `http://xoev.de/schemata/xzufi/2_2_0`, any prefix) read
 * with a SAX parser: only the record being read is held as a small tree, so
 * memory stays flat for files of hundreds of MB. A malformed or truncated file
 * yields the complete records before the fault and one `file` rejection with the
 * line and column; unknown elements inside a record are ignored.
 */
export class XzufiFormat implements CatalogueFormat {
  readonly format: ImportFormat = 'xzufi';

  /** @param chunkBytes bytes read at a time: what is held of the file besides the current record. */
  constructor(private readonly chunkBytes = 64 * 1024) {}

  async *records(path: string): AsyncIterable<CatalogueRecord> {
    const parser = new SaxesParser({ xmlns: true, position: true });
    const queue: CatalogueRecord[] = [];
    const stack: XmlNode[] = [];
    let failed: string | undefined;
    let recordLine = 0;
    // A record counts once the parser got past its end tag without an error
    // (saxes reports a bad end tag only after the closetag event).
    let held: CatalogueRecord[] = [];
    const commit = () => {
      if (held.length === 0) return;
      queue.push(...held);
      held = [];
    };

    parser.on('error', (error) => {
      failed ??= error.message;
      held = [];
    });
    parser.on('opentag', (tag) => {
      if (failed) return;
      commit();
      const local = tag.local ?? tag.name;
      const uri = tag.uri ?? '';
      if (stack.length === 0) {
        if (!RECORDS.has(local)) return;
        recordLine = parser.line;
        if (uri !== XZUFI_NAMESPACE) {
          queue.push({
            kind: 'rejected',
            record: local === 'leistung' ? 'service' : local === 'organisationseinheit' ? 'organisationUnit' : 'onlineService',
            position: `line ${parser.line}`,
            reason: `element ${local} in namespace "${uri || '(none)'}", expected ${XZUFI_NAMESPACE}`,
          });
          stack.push(node('#skip', uri, {}));
          return;
        }
      }
      const attributes: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) {
        if (typeof attribute === 'object' && attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[attribute.local] = attribute.value;
      }
      const element = node(local, uri, attributes);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.children.push(element);
        parent.content.push(element);
      }
      stack.push(element);
    });
    parser.on('text', (text) => {
      if (!failed) commit();
      const current = stack[stack.length - 1];
      if (!current || failed) return;
      current.text += text;
      current.content.push(text);
    });
    parser.on('cdata', (text) => {
      const current = stack[stack.length - 1];
      if (!current || failed) return;
      current.text += text;
      current.content.push(text);
    });
    parser.on('closetag', (tag) => {
      if (!failed) commit();
      if (failed || stack.length === 0) return;
      const element = stack.pop()!;
      // saxes reports a mismatched end tag after this event: never complete a record on one
      if (element.local !== '#skip' && (tag.local ?? tag.name) !== element.local) {
        failed = `unexpected close tag </${tag.name}>`;
        return;
      }
      if (stack.length > 0 || element.local === '#skip') return;
      const position = `line ${recordLine}`;
      if (element.local === 'leistung') held.push(toService(element, position));
      else if (element.local === 'organisationseinheit') held.push(...toUnit(element, position));
      else if (element.local === 'onlinedienst') held.push(toOnlineService(element, position));
    });

    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: this.chunkBytes });
    try {
      for await (const chunk of stream) {
        if (!failed) parser.write(chunk as string);
        while (queue.length) yield queue.shift()!;
        if (failed) break;
      }
      if (!failed) parser.close();
      if (!failed) commit();
    } catch (error) {
      failed ??= (error as Error).message;
    } finally {
      stream.destroy();
    }
    while (queue.length) yield queue.shift()!;
    if (stack.length > 0 && !failed) failed = 'file ended inside an element (truncated?)';
    if (failed) {
      yield {
        kind: 'rejected',
        record: 'file',
        position: `line ${parser.line}, column ${parser.column}`,
        reason: `XML not well-formed: ${failed}; the records before it were imported`,
      };
    }
  }
}

/** Text of a multilingual element: the German version, else the first. */
function german(elements: XmlNode[]): XmlNode | undefined {
  return elements.find((e) => (e.attributes.languageCode ?? 'de').toLowerCase().startsWith('de')) ?? elements[0];
}

function identifier(element: XmlNode): string {
  return textOf(child(element, 'id')) || textOf(child(element, 'identifikator')) || element.attributes.id || '';
}

function toService(element: XmlNode, position: string): ServiceRecord {
  const modules: ServiceTextModules = {};
  const names: Record<string, string> = {};
  for (const module of [...childrenNamed(element, 'modulText'), ...childrenNamed(element, 'textmodul')]) {
    const code = codeOf(child(module, 'leikaTextmodul'));
    const content = german(childrenNamed(module, 'inhalt'));
    if (!content) continue;
    const html = innerHtml(content).trim();
    if (!html) continue;
    if (code === '01' || code === '02') names[code] = textOf(content);
    const target = TEXT_MODULES[code];
    if (target) modules[target] = modules[target] ? `${modules[target]}\n${html}` : html;
  }
  for (const [elementName, target] of Object.entries(STRUCTURED_MODULES)) {
    const texts = childrenNamed(element, elementName).flatMap((module) => {
      const descriptions = [...descendants(module, 'beschreibung'), ...descendants(module, 'inhalt')];
      const chosen = german(descriptions);
      return chosen ? [innerHtml(chosen).trim()] : [];
    });
    if (texts.length && !modules[target]) modules[target] = texts.filter(Boolean).join('\n');
  }
  const leika = codeOf(child(element, 'referenzLeiKa'));
  const validity = child(element, 'gueltigkeit');
  const date = (value: string) => (value ? value.slice(0, 10) : undefined);
  const plainName = names['02'] || names['01'] || textOf(german(childrenNamed(element, 'bezeichnung')));
  const links = descendants(element, 'weiterfuehrenderLink')
    .map((link) => ({
      title: textOf(child(link, 'titel')) || textOf(child(link, 'beschreibung')),
      url: textOf(child(link, 'uri')) || textOf(child(link, 'link')),
    }))
    .filter((link) => link.url);
  return {
    kind: 'service',
    sourceId: identifier(element),
    leikaKey: leika || undefined,
    name: plainName,
    synonyms: [names['01'] && names['02'] && names['01'] !== names['02'] ? names['01'] : '', ...childrenNamed(element, 'synonym').map(textOf)].filter(Boolean),
    keywords: descendants(element, 'begriff').map(textOf).filter(Boolean),
    modules,
    onlineServices: links,
    appointmentBookable: ['true', '1'].includes(textOf(descendants(element, 'terminvereinbarung')[0]).toLowerCase()),
    validFrom: date(textOf(child(validity, 'beginn'))),
    validUntil: date(textOf(child(validity, 'ende'))),
    position,
  };
}

function toUnit(element: XmlNode, position: string): (OrganisationUnitRecord | ResponsibilityRecord | CatalogueRecord)[] {
  const sourceId = identifier(element);
  const addresses = childrenNamed(element, 'anschrift');
  const visitor = addresses.find((a) => ['002', '001'].includes(codeOf(child(a, 'typ')))) ?? addresses[0];
  const contacts = [...descendants(element, 'kommunikation'), ...descendants(element, 'erreichbarkeit')].map((c) => textOf(child(c, 'kennung')));
  const nameElement = child(element, 'name');
  const name = textOf(german(childrenNamed(nameElement, 'name'))) || textOf(nameElement);
  const hours = childrenNamed(element, 'oeffnungszeiten')
    .map((h) => textOf(german(descendants(h, 'inhalt')) ?? h))
    .filter(Boolean);
  const unit: OrganisationUnitRecord = {
    kind: 'organisationUnit',
    sourceId,
    name,
    email: contacts.find((c) => c.includes('@')),
    phone: contacts.find((c) => /^[+\d][\d\s/()-]{4,}$/.test(c)),
    address: visitor
      ? {
          street: textOf(child(visitor, 'strasse')),
          houseNumber: textOf(child(visitor, 'hausnummer')),
          postalCode: textOf(child(visitor, 'postleitzahl')),
          city: textOf(child(visitor, 'ort')),
        }
      : undefined,
    openingHours: [],
    openingHoursNote: hours.join('\n') || undefined,
    position,
  };
  const responsibilities: CatalogueRecord[] = [];
  for (const zustaendigkeit of childrenNamed(element, 'zustaendigkeit')) {
    const leistungId = textOf(child(zustaendigkeit, 'leistungID'));
    for (const gebiet of childrenNamed(zustaendigkeit, 'gebietID')) {
      const raw = textOf(gebiet);
      const digits = /(\d+)\s*$/.exec(raw)?.[1] ?? raw;
      responsibilities.push({
        kind: 'responsibility',
        service: { sourceId: leistungId },
        organisationUnitSourceId: sourceId,
        ars: normaliseArs(digits) ?? raw,
        position,
      });
    }
  }
  return [unit, ...responsibilities];
}

/** `onlinedienst`: its title, its first http(s) link, and the `leistungID`s it serves. */
function toOnlineService(element: XmlNode, position: string): OnlineServiceRecord {
  const nameElement = child(element, 'bezeichnung') ?? child(element, 'name');
  const title = textOf(german([...childrenNamed(nameElement, 'name'), ...childrenNamed(element, 'bezeichnung')])) || textOf(nameElement);
  const url = [...descendants(element, 'link'), ...descendants(element, 'uri'), ...descendants(element, 'url')]
    .map((link) => textOf(link))
    .find((text) => /^https?:\/\//.test(text));
  return {
    kind: 'onlineService',
    sourceId: identifier(element),
    serviceSourceIds: descendants(element, 'leistungID').map(textOf).filter(Boolean),
    title,
    url: url ?? '',
    position,
  };
}
