import { parseOpeningTimesText } from '@d115/calendar';
import { ImportFormat, OpeningHoursEntry } from '@d115/contracts';
import { AddressRecord, CatalogueFormat, CatalogueRecord } from '../catalogue-record';
import { asString, asStrings, isObject, readJsonFile } from './json-file';

export interface DldbOptions {
  /** The region the export covers (DLDB has no ARS): 110000000000 for Berlin, 091620000000 for Munich. */
  ars?: string;
}

const links = (value: unknown) =>
  Array.isArray(value) ? value.filter(isObject).map((l) => ({ title: asString(l.name) ?? '', url: asString(l.link) ?? asString(l.url) ?? '' })) : [];

/** `[{name, description}]` or an HTML string → HTML. */
function htmlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.filter(isObject).map((v) => `<li>${[asString(v.name), asString(v.description)].filter(Boolean).join(': ')}</li>`);
    return items.length ? `<ul>${items.join('')}</ul>` : undefined;
  }
  return undefined;
}

/**
 * The DLDB (Dienstleistungsdatenbank) JSON export as Berlin and Munich publish it:
 * `services_de.json` (`{data: [{id, name, description, fees, leika, meta.keywords,
 * links, forms, locations, …}]}`) and `locations_de.json` (`{data: [{id, name,
 * address, contact, opening_times, services}]}`). Parsed whole, up to
 * JSON_FILE_LIMIT_BYTES. Responsibilities need the region of the export (`--ars`).
 */
export class DldbFormat implements CatalogueFormat {
  constructor(
    readonly format: Extract<ImportFormat, 'dldb-services' | 'dldb-locations'>,
    private readonly options: DldbOptions = {},
  ) {}

  async *records(path: string): AsyncIterable<CatalogueRecord> {
    const parsed = await readJsonFile(path);
    if (!parsed.ok) {
      yield { kind: 'rejected', record: 'file', reason: parsed.reason, position: parsed.position };
      return;
    }
    const data = isObject(parsed.value) && Array.isArray(parsed.value.data) ? parsed.value.data : undefined;
    if (!data) {
      yield { kind: 'rejected', record: 'file', reason: 'not a DLDB export (expected {"data": [...]})' };
      return;
    }
    for (const [i, item] of data.entries()) {
      const position = `data[${i}]`;
      if (!isObject(item)) {
        yield { kind: 'rejected', record: this.format === 'dldb-services' ? 'service' : 'organisationUnit', position, reason: 'not an object' };
        continue;
      }
      if (this.format === 'dldb-services') yield* this.service(item, position);
      else yield* this.location(item, position);
    }
  }

  private *service(item: Record<string, unknown>, position: string): Iterable<CatalogueRecord> {
    const id = asString(item.id) ?? '';
    const meta = isObject(item.meta) ? item.meta : {};
    const appointment = isObject(item.appointment) ? item.appointment : {};
    const online = isObject(item.onlineprocessing) ? item.onlineprocessing : {};
    const locations = Array.isArray(item.locations) ? item.locations.filter(isObject) : [];
    const onlineLink = asString(online.link);
    yield {
      kind: 'service',
      sourceId: id,
      leikaKey: asString(item.leika),
      name: asString(item.name) ?? '',
      keywords: asStrings(meta.keywords),
      modules: {
        fullText: htmlOf(item.description),
        fees: htmlOf(item.fees),
        requiredDocuments: htmlOf(item.requirements),
        prerequisites: htmlOf(item.prerequisites),
        processingTime: htmlOf(item.processing_time),
        forms: htmlOf(item.forms),
        legalBasis: htmlOf(item.legal),
        notes: htmlOf(item.hint),
      },
      onlineServices: [...(onlineLink ? [{ title: asString(online.description) ?? 'Online-Dienst', url: onlineLink }] : []), ...links(item.links)],
      appointmentBookable: appointment.allowed === true || locations.some((l) => isObject(l.appointment) && l.appointment.allowed === true),
      position,
    };
    for (const location of locations) yield* this.responsibility(id, asString(location.location) ?? '', location, position);
  }

  private *location(item: Record<string, unknown>, position: string): Iterable<CatalogueRecord> {
    const id = asString(item.id) ?? '';
    const address = isObject(item.address) ? item.address : {};
    const contact = isObject(item.contact) ? item.contact : {};
    const { hours, note } = openingHours(item.opening_times);
    const record: AddressRecord = {
      street: asString(address.street),
      houseNumber: asString(address.house_number),
      postalCode: asString(address.postal_code),
      city: asString(address.city),
    };
    yield {
      kind: 'organisationUnit',
      sourceId: id,
      name:
        [asString(item.name), asString(item.authority_name) && `(${asString(item.authority_name)})`].filter(Boolean).join(' ') || (asString(item.name) ?? ''),
      email: asString(contact.email),
      phone: asString(contact.phone),
      address: record,
      openingHours: hours,
      openingHoursNote: note,
      position,
    };
    const services = Array.isArray(item.services) ? item.services.filter(isObject) : [];
    for (const offered of services) yield* this.responsibility(asString(offered.service) ?? '', id, offered, position);
  }

  private *responsibility(serviceId: string, locationId: string, entry: Record<string, unknown>, position: string): Iterable<CatalogueRecord> {
    if (!this.options.ars) {
      yield {
        kind: 'rejected',
        record: 'responsibility',
        sourceId: `${serviceId} × ${locationId}`,
        position,
        reason: 'DLDB has no region: pass the ARS of the export (--ars=…)',
      };
      return;
    }
    const appointment = isObject(entry.appointment) ? entry.appointment : {};
    yield {
      kind: 'responsibility',
      service: { sourceId: serviceId },
      organisationUnitSourceId: locationId,
      ars: this.options.ars,
      appointmentBookable: typeof appointment.allowed === 'boolean' ? appointment.allowed : undefined,
      appointmentUrl: asString(appointment.link) ?? asString(entry.url),
      position,
    };
  }
}

/** `{monday: "08:00-12:00, 13:00-18:00", …}` → entries (the parsing is libs/calendar's); what does not parse goes into the note. */
export function openingHours(value: unknown): { hours: OpeningHoursEntry[]; note?: string } {
  const { ranges, notes } = parseOpeningTimesText(value);
  return { hours: ranges.map((r) => ({ day: r.weekday.slice(0, 2), opens: r.from, closes: r.to })), note: notes.join('; ') || undefined };
}
