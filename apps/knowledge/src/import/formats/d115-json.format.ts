import { ImportFormat, OpeningHoursEntry, ServiceTextModules, TEXT_MODULE_NAMES } from '@d115/contracts';
import { normaliseArs } from '../../catalogue/domain/ars';
import { CatalogueFormat, CatalogueRecord } from '../catalogue-record';
import { asString, asStrings, isObject, readJsonFile } from './json-file';

/** Marker of d115's own catalogue format (docs/knowledge.md, "The d115 catalogue format"). */
export const D115_FORMAT_MARKER = 'd115-catalogue';

/**
 * d115's own JSON format: `{ format: "d115-catalogue", version: 1, source,
 * services: [...], organisationUnits: [...], responsibilities: [...] }`.
 * Parsed whole (bounded by JSON_FILE_LIMIT_BYTES).
 */
export class D115JsonFormat implements CatalogueFormat {
  readonly format: ImportFormat = 'd115';

  /** The `source` the file declares (the CLI uses it unless told otherwise). */
  static async sourceOf(path: string): Promise<string | undefined> {
    const parsed = await readJsonFile(path);
    return parsed.ok && isObject(parsed.value) ? asString(parsed.value.source) : undefined;
  }

  async *records(path: string): AsyncIterable<CatalogueRecord> {
    const parsed = await readJsonFile(path);
    if (!parsed.ok) {
      yield { kind: 'rejected', record: 'file', reason: parsed.reason, position: parsed.position };
      return;
    }
    yield* D115JsonFormat.fromDocument(parsed.value);
  }

  /** A format over a document already in memory (the bundled demo catalogue). */
  static forDocument(document: unknown): CatalogueFormat {
    return {
      format: 'd115',
      records: async function* () {
        yield* D115JsonFormat.fromDocument(document);
      },
    };
  }

  static *fromDocument(document: unknown): Iterable<CatalogueRecord> {
    if (!isObject(document) || document.format !== D115_FORMAT_MARKER) {
      yield { kind: 'rejected', record: 'file', reason: `not a d115 catalogue (expected "format": "${D115_FORMAT_MARKER}")` };
      return;
    }
    if (document.version !== 1) {
      yield { kind: 'rejected', record: 'file', reason: `unsupported d115 catalogue version ${JSON.stringify(document.version)} (1 expected)` };
      return;
    }
    const list = (name: string) => (Array.isArray(document[name]) ? (document[name] as unknown[]) : []);
    for (const [i, item] of list('services').entries()) {
      const position = `services[${i}]`;
      if (!isObject(item)) {
        yield { kind: 'rejected', record: 'service', position, reason: 'not an object' };
        continue;
      }
      const modulesIn = isObject(item.modules) ? item.modules : {};
      const unknownModule = Object.keys(modulesIn).find((name) => !(TEXT_MODULE_NAMES as readonly string[]).includes(name));
      if (unknownModule) {
        yield { kind: 'rejected', record: 'service', sourceId: asString(item.id), position, reason: `unknown text module "${unknownModule}"` };
        continue;
      }
      const modules: ServiceTextModules = {};
      for (const name of TEXT_MODULE_NAMES) {
        const value = modulesIn[name];
        if (typeof value === 'string') modules[name] = value;
        else if (Array.isArray(value)) modules[name] = `<ul>${value.map((entry) => `<li>${escapeHtml(String(entry))}</li>`).join('')}</ul>`;
      }
      yield {
        kind: 'service',
        sourceId: asString(item.id) ?? '',
        leikaKey: asString(item.leikaKey),
        name: asString(item.name) ?? '',
        synonyms: asStrings(item.synonyms),
        keywords: asStrings(item.keywords),
        modules,
        onlineServices: Array.isArray(item.onlineServices)
          ? item.onlineServices.filter(isObject).map((link) => ({ title: asString(link.title) ?? '', url: asString(link.url) ?? '' }))
          : [],
        appointmentBookable: item.appointmentBookable === true,
        validFrom: asString(item.validFrom),
        validUntil: asString(item.validUntil),
        position,
      };
    }
    for (const [i, item] of list('organisationUnits').entries()) {
      const position = `organisationUnits[${i}]`;
      if (!isObject(item)) {
        yield { kind: 'rejected', record: 'organisationUnit', position, reason: 'not an object' };
        continue;
      }
      const address = isObject(item.address) ? item.address : {};
      yield {
        kind: 'organisationUnit',
        sourceId: asString(item.id) ?? '',
        name: asString(item.name) ?? '',
        email: asString(item.email),
        phone: asString(item.phone),
        address: {
          street: asString(address.street),
          houseNumber: asString(address.houseNumber),
          postalCode: asString(address.postalCode),
          city: asString(address.city),
        },
        openingHours: Array.isArray(item.openingHours)
          ? item.openingHours
              .filter(isObject)
              .map((h) => ({ day: asString(h.day) ?? '', opens: asString(h.opens) ?? '', closes: asString(h.closes) ?? '' }) as OpeningHoursEntry)
          : [],
        openingHoursNote: asString(item.openingHoursNote),
        position,
      };
    }
    for (const [i, item] of list('responsibilities').entries()) {
      const position = `responsibilities[${i}]`;
      if (!isObject(item)) {
        yield { kind: 'rejected', record: 'responsibility', position, reason: 'not an object' };
        continue;
      }
      const service = asString(item.service) ?? '';
      const ars = asString(item.ars) ?? '';
      yield {
        kind: 'responsibility',
        service: /^\d{14}$/.test(service) ? { leikaKey: service } : { sourceId: service },
        organisationUnitSourceId: asString(item.organisationUnit) ?? '',
        ars: normaliseArs(ars) ?? ars,
        appointmentBookable: typeof item.appointmentBookable === 'boolean' ? item.appointmentBookable : undefined,
        appointmentUrl: asString(item.appointmentUrl),
        position,
      };
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
